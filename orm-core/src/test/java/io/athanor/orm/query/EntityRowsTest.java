package io.athanor.orm.query;

import static io.athanor.orm.query.Loads.containsEager;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.entity;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.reports.Bill;
import io.athanor.orm.model.reports.Bill_;
import io.athanor.orm.model.reports.Client;
import io.athanor.orm.model.reports.Client_;
import io.athanor.orm.model.reports.Section;
import io.athanor.orm.model.reports.Section_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Several entities, or entities and values, per row: typed through Row and records, one instance per key. */
class EntityRowsTest {

    /** A row of two entities, mapped by its constructor. */
    record ClientBill(Client client, Bill bill) {
    }

    /** A row of an entity and a count. */
    record ClientCount(Client client, long bills) {
    }

    private static List<String> sql(Select<?> s) {
        return List.of(PostgresDialect.INSTANCE, H2Dialect.INSTANCE, MariaDbDialect.INSTANCE).stream()
                .map(d -> new QueryCompiler(MetadataBuilder.build(RelationshipJoinTest.ENTITIES, d), 10).compile(s).compiled().sql())
                .collect(Collectors.toList());
    }

    @Test
    void eachEntitySelectsAllItsColumns() {
        assertThat(sql(select(Client.class, Bill.class).join(Client_.bills))).containsOnly("SELECT clients.id, clients.name, "
                + "bills.id, bills.status, bills.amount, bills.client_id FROM clients JOIN bills ON bills.client_id = clients.id");
        assertThat(sql(select(Client.class, count(Bill_.id).as("n")).outerJoin(Client_.bills).groupBy(entity(Client.class))))
                .containsOnly("SELECT clients.id, clients.name, COUNT(bills.id) AS n FROM clients LEFT OUTER JOIN bills ON "
                        + "bills.client_id = clients.id GROUP BY clients.id, clients.name");
        Aliased<Section> parent = aliased(Section.class, "parent");
        assertThat(sql(select(Section.class, parent).outerJoin(Section_.parent, parent))).containsOnly("SELECT sections.id, "
                + "sections.name, sections.parent_id, parent.id, parent.name, parent.parent_id FROM sections LEFT OUTER JOIN "
                + "sections parent ON parent.id = sections.parent_id");
        assertThat(select(Client.class, Bill_.amount).labels()).containsExactly("Client", "amount");
    }

    @Test
    void onlyEntitiesAliasesAndExpressionsCanBeSelected() {
        assertThatThrownBy(() -> select(Client.class, "name")).isInstanceOf(AthanorException.class)
                .hasMessageContaining("takes entity classes, aliases (Sql.aliased(...)) and expressions; got java.lang.String");
    }

    static SessionFactory seeded(Engine engine) {
        SessionFactory f = RelationshipJoinTest.seeded(engine);
        f.runInTransaction(s -> {
            Section a = s.select(Section.class).where(Section_.name.eq("a1")).one().getParent();
            assertThat(a.getName()).isEqualTo("a");
        });
        return f;
    }

    @DatabaseTest
    void twoEntitiesPerRowComeThroughTheIdentityMap(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            List<Row> rows = s.select(Client.class, Bill.class).outerJoin(Client_.bills).orderBy(Client_.name, Bill_.amount)
                    .list();
            assertThat(rows).extracting(r -> r.get(0, Client.class).getName() + ":"
                    + (r.get("Bill") == null ? "-" : r.get("Bill", Bill.class).getAmount()))
                    .containsExactly("ada:10", "ada:20", "ada:30", "bob:5", "cy:-");
            Client ada = rows.get(0).get(0, Client.class);
            assertThat(rows.get(1).get(0, Client.class)).isSameAs(ada).isSameAs(rows.get(2).get(0, Client.class));
            assertThat(s.get(Client.class, ada.getId())).isSameAs(ada);
            Bill ten = rows.get(0).get(1, Bill.class);
            assertThat(s.get(Bill.class, ten.getId())).isSameAs(ten);
            assertThat(ten.getClient()).isSameAs(ada);
            assertThat(Athanor.isLoaded(ada, Client_.bills)).isFalse();
            assertThat(ada.getBills()).containsExactly(ten, rows.get(1).get(1, Bill.class), rows.get(2).get(1, Bill.class));

            List<ClientBill> typed = s.select(Client.class, Bill.class).join(Client_.bills).where(Bill_.status.eq("paid"))
                    .orderBy(Bill_.amount).list(ClientBill.class);
            assertThat(typed).extracting(r -> r.client().getName() + ":" + r.bill().getAmount())
                    .containsExactly("bob:5", "ada:20");
            assertThat(typed.get(1).client()).isSameAs(ada);
        }
    }

    @DatabaseTest
    void anEntityWithAnAggregateGroupedByTheEntity(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            List<ClientCount> counts = s.select(Client.class, count(Bill_.id)).outerJoin(Client_.bills)
                    .groupBy(entity(Client.class)).orderBy(Client_.name).list(ClientCount.class);
            assertThat(counts).extracting(c -> c.client().getName() + "=" + c.bills()).containsExactly("ada=3", "bob=1", "cy=0");
            List<Row> amounts = s.select(entity(Client.class), Bill_.amount, Bill_.status.as("state")).join(Client_.bills)
                    .where(Client_.name.eq("ada")).orderBy(Bill_.amount).list();
            assertThat(amounts).extracting(r -> r.get(0, Client.class).getName() + " " + r.get(1, Long.class) + " "
                    + r.get("state", String.class)).containsExactly("ada 10 open", "ada 20 paid", "ada 30 open");
            assertThat(amounts.get(0).get(0)).isSameAs(counts.get(0).client());
        }
    }

    @DatabaseTest
    void theSameKeyInTwoColumnsIsOneInstanceAndAMissingOneIsNull(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Aliased<Section> parent = aliased(Section.class, "parent");
            List<Row> rows = s.select(Section.class, parent).outerJoin(Section_.parent, parent).orderBy(Section_.name).list();
            assertThat(rows).extracting(r -> r.get(0, Section.class).getName() + "<"
                    + (r.get("parent") == null ? "null" : r.get("parent", Section.class).getName()))
                    .containsExactly("a<root", "a1<a", "b<root", "root<null");
            Section a = rows.get(0).get(0, Section.class);
            assertThat(rows.get(1).get(1, Section.class)).isSameAs(a);
            Section root = rows.get(3).get(0, Section.class);
            assertThat(rows.get(0).get(1)).isSameAs(root).isSameAs(rows.get(2).get(1));
            assertThat(a.getParent()).isSameAs(root);
            assertThat(root.getChildren()).extracting(Section::getName).containsExactly("a", "b");
        }
    }

    @DatabaseTest
    void loaderOptionsApplyToTheEntitiesOfTheirRelationship(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Row> rows = s.select(Client.class, count(Bill_.id)).outerJoin(Client_.bills).groupBy(entity(Client.class))
                    .orderBy(Client_.name).options(selectinLoad(Client_.bills)).list();
            Client ada = rows.get(0).get(0, Client.class);
            assertThat(Athanor.isLoaded(ada, Client_.bills)).isTrue();
            assertThat(rows).extracting(r -> r.get(0, Client.class).getBills().size() + "=" + r.get(1, Long.class))
                    .containsExactly("3=3", "1=1", "0=0");
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.select(Client.class, Bill.class).join(Client_.bills)
                    .options(containsEager(Client_.bills)).list()).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("select(User.class, Order.class).join(User_.orders)");
            assertThatThrownBy(() -> s.select(Client.class, Bill_.amount).join(Client_.bills)
                    .options(selectinLoad(Section_.children)).list()).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("names a relationship of Section, which this query does not select whole");
            assertThatThrownBy(() -> s.select(Client_.name).options(selectinLoad(Client_.bills)))
                    .isInstanceOf(AthanorException.class).hasMessageContaining("this statement selects only columns");
        }
    }

    @DatabaseTest
    void rowsWithEntitiesStreamToo(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            s.begin();
            Client ada = s.select(Client.class).where(Client_.name.eq("ada")).one();
            try (java.util.stream.Stream<Row> rows = s.select(Client.class, Bill.class).join(Client_.bills)
                    .orderBy(Bill_.amount).stream(2)) {
                List<Row> all = rows.collect(Collectors.toList());
                assertThat(all).extracting(r -> r.get(0, Client.class).getName() + ":" + r.get(1, Bill.class).getAmount())
                        .containsExactly("bob:5", "ada:10", "ada:20", "ada:30");
                assertThat(all.get(1).get(0)).isSameAs(ada).isSameAs(all.get(3).get(0));
            }
        }
    }
}
