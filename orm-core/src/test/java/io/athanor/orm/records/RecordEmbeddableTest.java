package io.athanor.orm.records;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.records.GeoPoint;
import io.athanor.orm.model.records.JpaContact;
import io.athanor.orm.model.records.JpaContact_;
import io.athanor.orm.model.records.JpaPhone;
import io.athanor.orm.model.records.Money;
import io.athanor.orm.model.records.PostalAddress;
import io.athanor.orm.model.records.RecCustomer;
import io.athanor.orm.model.records.RecCustomer_;
import io.athanor.orm.model.records.RecShipment;
import io.athanor.orm.model.records.RecShipment_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as embedded values: read through their accessors, built through their canonical constructor,
 * replaced (never changed) when a component is written, and null exactly when all their columns are NULL.
 */
class RecordEmbeddableTest {

    private static final PostalAddress PARIS = new PostalAddress("1 rue de Rivoli", "Paris", new GeoPoint(48.86, 2.35));

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RecCustomer.class, RecShipment.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static Row columns(SessionFactory f, long id) {
        return f.inTransaction(s -> s.execute(text("SELECT home_street, home_city, home_point_lat, home_point_lon, "
                + "bill_city, cents, currency FROM rec_customer WHERE id = :id"), Map.of("id", id)).one());
    }

    @DatabaseTest
    void theColumnsAreNamedAsForAnEmbeddedClassWithPrefixesAndNesting(Engine engine) {
        SessionFactory f = fresh(engine);
        String ddl = f.schema().createSql().toLowerCase(java.util.Locale.ROOT);
        assertThat(ddl).contains("home_street", "home_city", "home_point_lat", "home_point_lon", "bill_street",
                "bill_point_lon", "to_city", "cents", "currency");
        assertThat(RecCustomer_.home.point.lat.path()).isEqualTo("home.point.lat");
    }

    @DatabaseTest
    void aRecordIsWrittenAndLoadedThroughFindAndQuery(Engine engine) {
        SessionFactory f = fresh(engine);
        RecCustomer ada = new RecCustomer("ada", PARIS);
        ada.balance = new Money(1250, "EUR");
        f.runInTransaction(s -> s.add(ada));
        Row row = columns(f, ada.id);
        assertThat(row.get(0)).isEqualTo("1 rue de Rivoli");
        assertThat(row.get(1)).isEqualTo("Paris");
        assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(48.86);
        assertThat(row.get(4)).as("a null record is stored as NULL columns").isNull();
        assertThat(((Number) row.get(5)).longValue()).isEqualTo(1250);
        try (Session s = f.open()) {
            RecCustomer found = s.get(RecCustomer.class, ada.id);
            assertThat(found.home).isEqualTo(PARIS);
            assertThat(found.billing).as("all its columns NULL: the record is null").isNull();
            assertThat(found.balance).isEqualTo(new Money(1250, "EUR"));
        }
        try (Session s = f.open()) {
            // tag::query[]
            List<RecCustomer> inParis = s.select(RecCustomer.class).where(RecCustomer_.home.city.eq("Paris")
                    .and(RecCustomer_.home.point.lat.gt(48.0))).list();
            // end::query[]
            assertThat(inParis).extracting(c -> c.name).containsExactly("ada");
            assertThat(inParis.get(0).home.point()).isEqualTo(new GeoPoint(48.86, 2.35));
            String city = s.select(RecCustomer_.home.city).where(RecCustomer_.name.eq("ada")).scalar(String.class);
            assertThat(city).isEqualTo("Paris");
            assertThat(s.select(RecCustomer.class).where(RecCustomer_.billing.city.isNull()).count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void replacingARecordUpdatesOnlyTheChangedComponentsAndNullClearsThemAll(Engine engine) {
        SessionFactory f = fresh(engine);
        RecCustomer ada = new RecCustomer("ada", PARIS);
        f.runInTransaction(s -> s.add(ada));
        f.runInTransaction(s -> {
            RecCustomer c = s.get(RecCustomer.class, ada.id);
            // tag::update[]
            c.home = new PostalAddress(c.home.street(), "Lyon", c.home.point()); // UPDATE ... SET home_city = ?
            // end::update[]
            c.billing = new PostalAddress(null, "Nice", null);
        });
        Row row = columns(f, ada.id);
        assertThat(row.get(0)).isEqualTo("1 rue de Rivoli");
        assertThat(row.get(1)).isEqualTo("Lyon");
        assertThat(row.get(4)).isEqualTo("Nice");
        try (Session s = f.open()) {
            RecCustomer c = s.get(RecCustomer.class, ada.id);
            assertThat(c.billing).isEqualTo(new PostalAddress(null, "Nice", null));
            c.home = new PostalAddress(c.home.street(), c.home.city(), null);
            c.billing = null;
            s.commit();
        }
        row = columns(f, ada.id);
        assertThat(row.get(2)).isNull();
        assertThat(row.get(3)).isNull();
        assertThat(row.get(4)).isNull();
        try (Session s = f.open()) {
            RecCustomer c = s.get(RecCustomer.class, ada.id);
            assertThat(c.home).isEqualTo(new PostalAddress("1 rue de Rivoli", "Lyon", null));
            assertThat(c.billing).isNull();
        }
    }

    @DatabaseTest
    void anEqualRecordIsNotAChangeAndARolledBackOneIsUndone(Engine engine) {
        SessionFactory f = fresh(engine);
        RecCustomer ada = new RecCustomer("ada", PARIS);
        f.runInTransaction(s -> s.add(ada));
        try (Session s = f.open()) {
            RecCustomer c = s.get(RecCustomer.class, ada.id);
            c.home = new PostalAddress("1 rue de Rivoli", "Paris", new GeoPoint(48.86, 2.35));
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                s.flush();
                assertThat(sql.sql()).as("an equal record is not a change").noneMatch(q -> q.startsWith("UPDATE"));
            }
            c.home = new PostalAddress("gone", "Nowhere", null);
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                s.flush();
                assertThat(sql.sql()).anyMatch(q -> q.startsWith("UPDATE"));
            }
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.get(RecCustomer.class, ada.id).home).isEqualTo(PARIS);
        }
    }

    @DatabaseTest
    void deletingAndBulkInsertingEntitiesWithRecords(Engine engine) {
        SessionFactory f = fresh(engine);
        Map<String, Object> mapping = new HashMap<>();
        mapping.put("id", 7L);
        mapping.put("name", "grace");
        mapping.put("home.city", "Arlington");
        mapping.put("home.point.lat", 38.88);
        mapping.put("home.point.lon", -77.1);
        mapping.put("balance.cents", 5L);
        mapping.put("balance.currency", "USD");
        f.runInTransaction(s -> assertThat(s.bulkInsertMappings(RecCustomer.class, List.of(mapping))).isEqualTo(1));
        try (Session s = f.open()) {
            RecCustomer grace = s.get(RecCustomer.class, 7L);
            assertThat(grace.home).isEqualTo(new PostalAddress(null, "Arlington", new GeoPoint(38.88, -77.1)));
            assertThat(grace.balance).isEqualTo(new Money(5, "USD"));
            s.delete(grace);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(RecCustomer.class).count()).isZero();
        }
    }

    @DatabaseTest
    void recordsLoadThroughJoinedAndSelectInLoading(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            RecCustomer ada = new RecCustomer("ada", PARIS);
            s.add(ada);
            s.add(new RecShipment(ada, new PostalAddress("2 quai", "Lyon", null)));
            s.add(new RecShipment(ada, null));
        });
        try (Session s = f.open()) {
            List<RecShipment> shipments = s.select(RecShipment.class).options(joinedLoad(RecShipment_.customer))
                    .orderBy(RecShipment_.id.asc()).list();
            assertThat(shipments).extracting(sh -> sh.getCustomer().home).containsExactly(PARIS, PARIS);
            assertThat(shipments.get(0).destination).isEqualTo(new PostalAddress("2 quai", "Lyon", null));
            assertThat(shipments.get(1).destination).isNull();
        }
        try (Session s = f.open()) {
            RecCustomer ada = s.select(RecCustomer.class).options(selectinLoad(RecCustomer_.shipments)).one();
            assertThat(ada.getShipments()).extracting(sh -> sh.destination == null ? null : sh.destination.city())
                    .containsExactlyInAnyOrder("Lyon", null);
        }
    }

    @DatabaseTest
    void aPrimitiveComponentMakesTheRecordRequired(Engine engine) {
        SessionFactory f = fresh(engine);
        RecCustomer nobody = new RecCustomer("nobody", null);
        nobody.balance = null;
        assertThatThrownBy(() -> f.runInTransaction(s -> s.add(nobody))).isInstanceOf(AthanorException.class);
        try (Session s = f.open()) {
            assertThat(s.select(RecCustomer.class).count()).isZero();
        }
    }

    @DatabaseTest
    void aJakartaEmbeddableRecordIsMappedTheSameWay(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(JpaContact.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        assertThat(f.schema().createSql().toLowerCase(java.util.Locale.ROOT)).contains("phone_country", "number");
        JpaContact ada = new JpaContact("ada", new JpaPhone("+44", "2079460000"));
        f.runInTransaction(s -> s.add(ada));
        try (Session s = f.open()) {
            JpaContact found = s.select(JpaContact.class).where(JpaContact_.phone.country.eq("+44")).one();
            assertThat(found.phone).isEqualTo(new JpaPhone("+44", "2079460000"));
            found.phone = new JpaPhone("+44", "2079460001");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(JpaContact.class, ada.id).phone.number()).isEqualTo("2079460001");
        }
    }

    @DatabaseTest
    void refreshAndMergeReplaceTheRecordWhole(Engine engine) {
        SessionFactory f = fresh(engine);
        RecCustomer ada = new RecCustomer("ada", PARIS);
        f.runInTransaction(s -> s.add(ada));
        try (Session s = f.open()) {
            RecCustomer c = s.get(RecCustomer.class, ada.id);
            c.home = new PostalAddress("unsaved", "Nowhere", null);
            s.refresh(c);
            assertThat(c.home).isEqualTo(PARIS);
        }
        ada.home = new PostalAddress("3 rue", "Lille", new GeoPoint(50.63, 3.06));
        f.runInTransaction(s -> s.merge(ada));
        try (Session s = f.open()) {
            assertThat(s.get(RecCustomer.class, ada.id).home).isEqualTo(ada.home);
        }
    }
}
