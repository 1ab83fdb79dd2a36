package io.athanor.orm.types;

import static io.athanor.orm.query.SqlJson.contains;
import static io.athanor.orm.query.SqlJson.get;
import static io.athanor.orm.query.SqlJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.query.Expression;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * SqlJson on JSON columns: keys and paths as text, values as JSON, containment, on PostgreSQL and MariaDB;
 * refused on H2 before anything is sent.
 */
class JsonPathTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Catalog.class, Product.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.add(product(1, Map.of("color", "red", "size", Map.of("width", 10), "it's", "odd \"key\"")));
            s.add(product(2, Map.of("color", "blue", "size", Map.of("width", 20), "tags", List.of("x", "y"))));
            s.add(product(3, Map.of()));
            s.add(product(4, null));
            s.commit();
        }
        return f;
    }

    private static Product product(long id, Map<String, Object> attributes) {
        Product p = new Product(id, "p" + id);
        p.attributes = attributes;
        return p;
    }

    private static List<Long> ids(Session s, Expression<Boolean> where) {
        return s.select(Product.class).where(where).orderBy(Product_.id).list().stream().map(p -> p.id).toList();
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void keysPathsAndContainment(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::json-operators[]
            List<Product> red = s.select(Product.class).where(text(Product_.attributes, "color").eq("red")).list();
            List<Product> wide = s.select(Product.class)
                    .where(text(Product_.attributes, "size", "width").eq("20")).list();          // a nested key
            List<Product> blue = s.select(Product.class)
                    .where(contains(Product_.attributes, Map.of("color", "blue"))).list();      // jsonb @> / JSON_CONTAINS
            // end::json-operators[]
            assertThat(red).extracting(p -> p.id).containsExactly(1L);
            assertThat(wide).extracting(p -> p.id).containsExactly(2L);
            assertThat(blue).extracting(p -> p.id).containsExactly(2L);
            assertThat(sql.sql().get(0)).contains(kind == DatabaseKind.POSTGRESQL ? "->> ?" : "JSON_VALUE(");
            assertThat(ids(s, text(Product_.attributes, "color").eq("red"))).containsExactly(1L);
            assertThat(ids(s, text(Product_.attributes, "size", "width").eq("20"))).containsExactly(2L);
            assertThat(ids(s, text(Product_.attributes, "it's").eq("odd \"key\""))).containsExactly(1L);
            assertThat(ids(s, text(Product_.attributes, "color").isNull())).containsExactly(3L, 4L);
            assertThat(ids(s, contains(Product_.attributes, Map.of("color", "blue")))).containsExactly(2L);
            assertThat(ids(s, contains(Product_.attributes, Map.of("size", Map.of("width", 10))))).containsExactly(1L);
            assertThat(ids(s, contains(Product_.attributes, Map.of("tags", List.of("y"))))).containsExactly(2L);
            String color = s.select(get(Product_.attributes, "color")).from(Product.class).where(Product_.id.eq(1L))
                    .scalar(String.class);
            assertThat(color).isEqualTo("\"red\"");
            String width = s.select(get(get(Product_.attributes, "size"), "width")).from(Product.class)
                    .where(Product_.id.eq(2L)).scalar(String.class);
            assertThat(width).isEqualTo("20");
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void binaryFieldsAreJsonbAndOthersJson(Engine engine, TestDatabase db) throws Exception {
        seeded(engine);
        try (Connection c = db.openJdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
                     + "'json_product' AND column_name IN ('attributes', 'spec') ORDER BY column_name")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("jsonb");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("json");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void h2RefusesJsonAccessBeforeAnythingIsSent(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> ids(s, text(Product_.attributes, "color").eq("red")))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("SqlJson.text(...) has no equivalent on H2")
                    .hasMessageContaining("run it on PostgreSQL or MariaDB");
            assertThatThrownBy(() -> ids(s, contains(Product_.attributes, Map.of("color", "red"))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("SqlJson.contains(...) has no equivalent on H2");
            assertThat(sql.statements()).isEmpty();
        }
    }
}
