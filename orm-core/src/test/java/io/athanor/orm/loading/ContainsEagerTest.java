package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.containsEager;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.reports.Actor;
import io.athanor.orm.model.reports.Actor_;
import io.athanor.orm.model.reports.Bill;
import io.athanor.orm.model.reports.Bill_;
import io.athanor.orm.model.reports.Client;
import io.athanor.orm.model.reports.Client_;
import io.athanor.orm.model.reports.Film;
import io.athanor.orm.model.reports.Film_;
import io.athanor.orm.model.reports.Section;
import io.athanor.orm.model.reports.Section_;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Select;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Contains-eager: a relationship filled from the rows of the query's own (filtered) join, with one join, each parent
 * once, through the identity map; the collection holds the filtered subset and a flush writes nothing for the rest.
 */
class ContainsEagerTest {
    private static final List<Class<?>> ENTITIES = List.of(Client.class, Bill.class, Film.class, Actor.class, Section.class);

    private static List<String> sql(Select<?> s) {
        return List.of(PostgresDialect.INSTANCE, H2Dialect.INSTANCE, MariaDbDialect.INSTANCE).stream()
                .map(d -> new QueryCompiler(MetadataBuilder.build(ENTITIES, d), 10).compile(s).compiled().sql())
                .collect(Collectors.toList());
    }

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(ENTITIES.toArray(new Class<?>[0])).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Client ada = new Client("ada");
            Client bob = new Client("bob");
            s.addAll(List.of(ada, bob));
            s.addAll(List.of(ada.bill("open", 10), ada.bill("paid", 20), ada.bill("open", 30), bob.bill("paid", 5)));
            Actor ann = new Actor("ann");
            Actor ben = new Actor("ben");
            s.addAll(List.of(ann, ben));
            Film up = new Film("up");
            up.getActors().addAll(List.of(ann, ben));
            s.add(up);
            Section root = new Section("root", null);
            s.addAll(List.of(root, new Section("a", root), new Section("b", root)));
        });
        return f;
    }

    private static String amounts(Client c) {
        return c.getName() + "=" + c.getBills().stream().map(b -> Long.toString(b.getAmount())).collect(Collectors.joining(","));
    }

    private static long count(Session s, String table) {
        return s.execute(Text.text("select count(*) from " + table), Map.of()).scalar(Long.class);
    }

    @Test
    void theRelationshipIsReadFromTheQuerysOwnJoin() {
        assertThat(sql(select(Client.class).join(Client_.bills).where(Bill_.status.eq("open"))
                .options(containsEager(Client_.bills)))).containsOnly("SELECT clients.id, clients.name, bills.id, "
                + "bills.status, bills.amount, bills.client_id FROM clients JOIN bills ON bills.client_id = clients.id "
                + "WHERE bills.status = ?");
        Aliased<Section> parent = aliased(Section.class, "parent");
        assertThat(sql(select(Section.class).join(Section_.parent, parent).options(containsEager(Section_.parent, parent))))
                .containsOnly("SELECT sections.id, sections.name, sections.parent_id, parent.id, parent.name, parent.parent_id "
                        + "FROM sections JOIN sections parent ON parent.id = sections.parent_id");
    }

    @Test
    void withoutTheJoinOrOnItsOwnEntityWithoutAnAliasItIsRefused() {
        assertThatThrownBy(() -> sql(select(Client.class).options(containsEager(Client_.bills))))
                .isInstanceOf(AthanorException.class).hasMessageContaining("the query does not join it")
                .hasMessageContaining(".join(Client_.bills)");
        assertThatThrownBy(() -> containsEager(Section_.parent)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("containsEager(Section_.parent, alias)");
    }

    @DatabaseTest
    void aFilteredJoinFillsEachCollectionWithItsRowsInOneStatement(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Client> clients = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open"))
                    .orderBy(Client_.name, Bill_.amount).options(containsEager(Client_.bills)).list();
            assertThat(clients).extracting(ContainsEagerTest::amounts).containsExactly("ada=10,30");
            assertThat(Athanor.isLoaded(clients.get(0), Client_.bills)).isTrue();
            Bill first = clients.get(0).getBills().get(0);
            assertThat(first.getClient()).isSameAs(clients.get(0));
            assertThat(s.get(Bill.class, first.getId())).isSameAs(first);
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void anOuterJoinGivesEmptyCollectionsAndAToOneIsFilledToo(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Client> clients = s.select(Client.class).outerJoin(Client_.bills, Bill_.status.eq("open"))
                    .orderBy(Client_.name, Bill_.amount).options(containsEager(Client_.bills)).list();
            assertThat(clients).extracting(ContainsEagerTest::amounts).containsExactly("ada=10,30", "bob=");
            List<Bill> bills = s.select(Bill.class).join(Bill_.client).orderBy(Bill_.amount)
                    .options(containsEager(Bill_.client)).list();
            assertThat(bills).extracting(b -> b.getClient().getName()).containsExactly("bob", "ada", "ada", "ada");
            assertThat(bills.get(1).getClient()).isSameAs(clients.get(0)).isSameAs(bills.get(2).getClient());
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void anAliasFillsASelfReferencingRelationshipAlongsideOtherStrategies(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Aliased<Section> child = aliased(Section.class, "child");
            List<Section> roots = s.select(Section.class).join(Section_.children, child, child.get(Section_.name).eq("a"))
                    .options(containsEager(Section_.children, child)).list();
            assertThat(roots).extracting(r -> r.getName() + ">" + r.getChildren().stream().map(Section::getName)
                    .collect(Collectors.joining(","))).containsExactly("root>a");
            Section a = roots.get(0).getChildren().get(0);
            assertThat(a.getParent()).isSameAs(roots.get(0));
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session s = f.open()) {
            Aliased<Section> parent = aliased(Section.class, "parent");
            List<Section> sections = s.select(Section.class).join(Section_.parent, parent).orderBy(Section_.name)
                    .options(containsEager(Section_.parent, parent), selectinLoad(Section_.children)).list();
            assertThat(sections).extracting(x -> x.getParent().getName() + ">" + x.getName() + ":" + x.getChildren().size())
                    .containsExactly("root>a:0", "root>b:0");
            assertThat(sections.get(0).getParent()).isSameAs(sections.get(1).getParent());
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Film> films = s.select(Film.class).join(Film_.actors).where(Actor_.name.eq("ben"))
                    .options(containsEager(Film_.actors).selectinLoad(Actor_.films)).list();
            assertThat(films).extracting(x -> x.getTitle() + "=" + x.getActors().stream().map(Actor::getName)
                    .collect(Collectors.joining(","))).containsExactly("up=ben");
            assertThat(Athanor.isLoaded(films.get(0).getActors().get(0), Actor_.films)).isTrue();
            assertThat(films.get(0).getActors().get(0).getFilms()).containsExactly(films.get(0));
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void withoutItAFilteredJoinOnlyPicksParentsAndEveryStrategyLoadsTheWholeCollection(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load option : List.of(lazyLoad(Client_.bills), selectinLoad(Client_.bills), subqueryLoad(Client_.bills),
                joinedLoad(Client_.bills))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Client> clients = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open")).distinct()
                        .options(option).list();
                assertThat(clients).as("%s", option).extracting(ContainsEagerTest::amounts).containsExactly("ada=10,20,30");
                if (option.strategies().get(0) == FetchMode.JOINED) {
                    assertThat(sql.sql().get(0)).as("a second, unfiltered join").contains("JOIN bills ON")
                            .contains("LEFT OUTER JOIN bills athanor_j1");
                }
            }
        }
    }

    @DatabaseTest
    void aFlushWritesNothingForTheElementsLeftOut(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Client ada = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open"))
                    .options(containsEager(Client_.bills)).one();
            ada.getBills().get(0).setStatus("paid");
            s.add(ada.bill("open", 40));
            Film up = s.select(Film.class).join(Film_.actors).where(Actor_.name.eq("ben"))
                    .options(containsEager(Film_.actors)).one();
            assertThat(up.getActors()).extracting(Actor::getName).containsExactly("ben");
            s.commit();
            assertThat(count(s, "bills")).isEqualTo(5);
            assertThat(count(s, "films_actors")).isEqualTo(2);
            s.refresh(ada);
            assertThat(ada.getBills()).extracting(Bill::getAmount).containsExactly(10L, 30L, 40L);
        }
        try (Session s = f.open()) {
            Client ada = s.select(Client.class).where(Client_.name.eq("ada")).one();
            assertThat(amounts(ada)).isEqualTo("ada=10,20,30,40");
            assertThat(ada.getBills()).extracting(Bill::getStatus).containsExactly("paid", "paid", "open", "open");
        }
    }

    @DatabaseTest
    void aCollectionTheSessionHasLoadedKeepsWhatItHolds(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Client ada = s.select(Client.class).where(Client_.name.eq("ada")).one();
            assertThat(ada.getBills()).hasSize(3);
            Client again = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open"))
                    .options(containsEager(Client_.bills)).one();
            assertThat(again).isSameAs(ada);
            assertThat(again.getBills()).hasSize(3);
            s.rollback();
            Client afterRollback = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open"))
                    .options(containsEager(Client_.bills)).one();
            assertThat(afterRollback).isSameAs(ada);
            assertThat(amounts(afterRollback)).isEqualTo("ada=10,30");
        }
    }
}
