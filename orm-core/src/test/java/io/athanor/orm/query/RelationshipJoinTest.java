package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
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
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Joins along relationships (both directions, many-to-many, self-referencing with an alias) and typed to-one ON. */
class RelationshipJoinTest {
    static final List<Class<?>> ENTITIES = List.of(Client.class, Bill.class, Film.class, Actor.class, Section.class);

    /** The SQL of {@code s} for each dialect: PostgreSQL, H2, MariaDB. */
    private static List<String> sql(Select<?> s) {
        return List.of(PostgresDialect.INSTANCE, H2Dialect.INSTANCE, MariaDbDialect.INSTANCE).stream()
                .map(d -> compile(d, s)).collect(Collectors.toList());
    }

    private static String compile(Dialect d, Select<?> s) {
        return new QueryCompiler(MetadataBuilder.build(ENTITIES, d), 10).compile(s).compiled().sql();
    }

    private static void assertSql(Select<?> s, String expected) {
        assertThat(sql(s)).containsOnly(expected);
    }

    @Test
    void oneToManyJoinsTheChildrenOnTheirForeignKey() {
        assertSql(select(Client.class).join(Client_.bills).where(Bill_.status.eq("open")),
                "SELECT clients.id, clients.name FROM clients JOIN bills ON bills.client_id = clients.id "
                        + "WHERE bills.status = ?");
    }

    @Test
    void manyToOneJoinsTheParentOnItsKey() {
        assertSql(select(Bill_.amount, Client_.name).join(Bill_.client),
                "SELECT bills.amount, clients.name FROM bills JOIN clients ON clients.id = bills.client_id");
    }

    @Test
    void aJoinCanStartFromAnAliasOfTheOwner() {
        Aliased<Client> c = aliased(Client.class, "c");
        assertSql(select(c).join(c.get(Client_.bills)).where(Bill_.amount.gt(10L)),
                "SELECT c.id, c.name FROM clients c JOIN bills ON bills.client_id = c.id WHERE bills.amount > ?");
    }

    @Test
    void manyToManyJoinsThroughTheLinkTableFromEitherSide() {
        assertSql(select(Film.class).join(Film_.actors).where(Actor_.name.eq("ann")),
                "SELECT films.id, films.title FROM films JOIN films_actors actors_link ON actors_link.films_id = films.id "
                        + "JOIN actors ON actors.id = actors_link.actors_id WHERE actors.name = ?");
        assertSql(select(Actor_.name, Film_.title).outerJoin(Actor_.films),
                "SELECT actors.name, films.title FROM actors LEFT OUTER JOIN films_actors films_link ON "
                        + "films_link.actors_id = actors.id LEFT OUTER JOIN films ON films.id = films_link.films_id");
    }

    @Test
    void outerJoinWithAConditionAddsItToTheRelationshipsOwn() {
        assertSql(select(Client_.name, count(Bill_.id)).outerJoin(Client_.bills, Bill_.status.eq("open")).groupBy(Client_.name),
                "SELECT clients.name, COUNT(bills.id) FROM clients LEFT OUTER JOIN bills ON bills.client_id = clients.id "
                        + "AND bills.status = ? GROUP BY clients.name");
    }

    @Test
    void aSelfReferencingToOneJoinsAnAliasAndCanGoOnFromIt() {
        Aliased<Section> parent = aliased(Section.class, "parent");
        Aliased<Section> grand = aliased(Section.class, "grand");
        assertSql(select(Section_.name, parent.get(Section_.name), grand.get(Section_.name)).join(Section_.parent, parent)
                        .outerJoin(parent.get(Section_.parent), grand),
                "SELECT sections.name, parent.name, grand.name FROM sections JOIN sections parent ON parent.id = "
                        + "sections.parent_id LEFT OUTER JOIN sections grand ON grand.id = parent.parent_id");
        Aliased<Section> child = aliased(Section.class, "child");
        assertSql(select(Section_.name, child.get(Section_.name)).join(Section_.children, child, child.get(Section_.name).like("b%")),
                "SELECT sections.name, child.name FROM sections JOIN sections child ON child.parent_id = sections.id "
                        + "AND child.name LIKE ?");
    }

    @Test
    void aToOneComparedWithAnAliasComparesKeys() {
        Aliased<Section> parent = aliased(Section.class, "parent");
        assertSql(select(Section_.name).join(parent, Section_.parent.eq(parent)),
                "SELECT sections.name FROM sections JOIN sections parent ON sections.parent_id = parent.id");
        assertSql(select(Section_.name).join(parent, Section_.parent.ne(parent)),
                "SELECT sections.name FROM sections JOIN sections parent ON sections.parent_id <> parent.id");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void badJoinsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> select(Section.class).join(Section_.parent)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("join(Section_.parent, aliased(Section.class))");
        assertThatThrownBy(() -> select(Bill.class).join(Bill_.status)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("is a column, not a relationship");
        assertThatThrownBy(() -> compile(PostgresDialect.INSTANCE, select(Actor.class).join(Client_.bills)))
                .isInstanceOf(AthanorException.class)
                .hasMessageContaining("starts from Client.class, which is not in this query's FROM clause before the join")
                .hasMessageContaining("join(alias.get(Client_.bills))");
        Aliased wrong = aliased(Section.class); // an alias of another entity does not compile; raw, it is refused
        assertThatThrownBy(() -> select(Bill.class).join(Bill_.client, wrong))
                .isInstanceOf(AthanorException.class).hasMessageContaining("Use aliased(Client.class)");
    }

    // ---- on the databases ----

    static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(ENTITIES.toArray(new Class<?>[0])).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Client ada = new Client("ada");
            Client bob = new Client("bob");
            Client cy = new Client("cy");
            s.addAll(List.of(ada, bob, cy));
            s.addAll(List.of(ada.bill("open", 10), ada.bill("paid", 20), ada.bill("open", 30), bob.bill("paid", 5)));
            Actor ann = new Actor("ann");
            Actor ben = new Actor("ben");
            s.addAll(List.of(ann, ben));
            Film up = new Film("up");
            Film go = new Film("go");
            up.getActors().addAll(List.of(ann, ben));
            go.getActors().add(ben);
            s.addAll(List.of(up, go));
            Section root = new Section("root", null);
            Section a = new Section("a", root);
            Section b = new Section("b", root);
            Section a1 = new Section("a1", a);
            s.addAll(List.of(root, a, b, a1));
        });
        return f;
    }

    @DatabaseTest
    void joinsAlongRelationshipsRunOnTheDatabase(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            List<Client> open = s.select(Client.class).join(Client_.bills).where(Bill_.status.eq("open")).distinct()
                    .orderBy(Client_.name).list();
            assertThat(open).extracting(Client::getName).containsExactly("ada");
            assertThat(s.select(Bill.class).join(Bill_.client).where(Client_.name.eq("bob")).list())
                    .extracting(Bill::getAmount).containsExactly(5L);
            assertThat(s.select(Film_.title).join(Film_.actors).where(Actor_.name.eq("ben")).orderBy(Film_.title).list())
                    .extracting(r -> r.get(0, String.class)).containsExactly("go", "up");
            assertThat(s.select(Actor_.name, count(Film_.id)).outerJoin(Actor_.films).groupBy(Actor_.name)
                    .orderBy(Actor_.name).list()).extracting(r -> r.get(0, String.class) + "=" + r.get(1, Long.class))
                    .containsExactly("ann=1", "ben=2");
            assertThat(s.select(Client_.name, count(Bill_.id)).outerJoin(Client_.bills, Bill_.status.eq("open"))
                    .groupBy(Client_.name).orderBy(Client_.name).list())
                    .extracting(r -> r.get(0, String.class) + "=" + r.get(1, Long.class))
                    .containsExactly("ada=2", "bob=0", "cy=0");
        }
    }

    @DatabaseTest
    void aSelfJoinAndAToOneComparedWithAnAliasOrAnInstance(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Aliased<Section> parent = aliased(Section.class, "parent");
            Aliased<Section> grand = aliased(Section.class, "grand");
            List<Row> rows = s.select(Section_.name, parent.get(Section_.name), grand.get(Section_.name))
                    .join(Section_.parent, parent).outerJoin(parent.get(Section_.parent), grand).orderBy(Section_.name).list();
            assertThat(rows).extracting(r -> r.get(0, String.class) + "<" + r.get(1, String.class) + "<"
                    + r.get(2, String.class)).containsExactly("a<root<null", "a1<a<root", "b<root<null");
            List<Section> underRoot = s.select(Section.class).join(parent, Section_.parent.eq(parent))
                    .where(parent.get(Section_.name).eq("root")).orderBy(Section_.name).list();
            assertThat(underRoot).extracting(Section::getName).containsExactly("a", "b");
            Section root = underRoot.get(0).getParent();
            assertThat(s.select(Section.class).where(Section_.parent.eq(root)).orderBy(Section_.name).list())
                    .containsExactlyElementsOf(underRoot);
            assertThat(s.select(Section.class).where(Section_.parent.ne(root)).orderBy(Section_.name).list())
                    .extracting(Section::getName).containsExactly("a1");
        }
    }
}
