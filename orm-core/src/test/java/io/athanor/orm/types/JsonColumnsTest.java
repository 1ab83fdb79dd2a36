package io.athanor.orm.types;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @Json} fields on every database: each kind of value round-trips, NULL stays NULL, a change made inside
 * a value is flushed and an unchanged one is not rewritten, the factory's ObjectMapper is the one used, and the
 * bulk paths write JSON.
 */
class JsonColumnsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static SessionFactory factory(Engine engine) {
        return created(SessionFactory.builder(engine).entities(Catalog.class, Product.class).build());
    }

    private static SessionFactory created(SessionFactory f) {
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static Product full(long id) {
        Product p = new Product(id, "product " + id);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("color", "red");
        attributes.put("size", Map.of("width", 10, "unit", "cm"));
        attributes.put("tags", List.of("a", "b"));
        attributes.put("quote", "it's \"quoted\" \\ and ünïcode ✓");
        p.attributes = attributes;
        p.size = new Product.Dimensions(3, 4);
        p.spec = new Product.Spec("blue", List.of("wheel"));
        p.notes = new ArrayList<>(List.of("first", "second"));
        ObjectNode raw = MAPPER.createObjectNode();
        raw.put("n", 1).putArray("xs").add(true).addNull();
        p.raw = raw;
        return p;
    }

    private static void assertFull(Product p, long id) {
        assertThat(p.name).isEqualTo("product " + id);
        assertThat(p.attributes).containsEntry("color", "red").containsEntry("size", Map.of("width", 10, "unit", "cm"))
                .containsEntry("tags", List.of("a", "b")).containsEntry("quote", "it's \"quoted\" \\ and ünïcode ✓");
        assertThat(p.size).isEqualTo(new Product.Dimensions(3, 4));
        assertThat(p.spec.displayColor).isEqualTo("blue");
        assertThat(p.spec.parts).containsExactly("wheel");
        assertThat(p.notes).containsExactly("first", "second");
        assertThat(p.raw.get("n").asInt()).isEqualTo(1);
        assertThat(p.raw.get("xs").get(0).asBoolean()).isTrue();
        assertThat(p.raw.get("xs").get(1).isNull()).isTrue();
    }

    @DatabaseTest
    void everyKindOfValueRoundTripsAndNullStaysNull(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            Product empty = new Product(2, "empty");
            empty.attributes = new HashMap<>();
            empty.notes = new ArrayList<>();
            s.add(empty);
            s.commit();
        }
        try (Session s = f.open()) {
            assertFull(s.get(Product.class, 1L), 1);
            Product empty = s.get(Product.class, 2L);
            assertThat(empty.attributes).isEmpty();
            assertThat(empty.notes).isEmpty();
            assertThat(empty.size).isNull();
            assertThat(empty.spec).isNull();
            assertThat(empty.raw).isNull();
            assertThat(s.select(Product.class).where(Product_.spec.isNull()).list()).extracting(p -> p.id).containsExactly(2L);
        }
    }

    @DatabaseTest
    void aChangeInsideAValueIsFlushedAndAnUnchangedValueIsNotRewritten(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Product p = s.get(Product.class, 1L);
            sql.clear();
            s.flush();
            assertThat(sql.sql()).noneMatch(q -> q.startsWith("UPDATE"));
            // tag::json-dirty[]
            p.spec.parts.add("bell");                  // changes inside JSON values...
            p.attributes.put("color", "green");
            ((ObjectNode) p.raw).put("n", 2);
            s.commit();                                // ...are flushed: one UPDATE of spec, attributes, raw
            // end::json-dirty[]
            List<String> updates = sql.sql().stream().filter(q -> q.startsWith("UPDATE")).toList();
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).contains("spec").contains("attributes").contains("raw").doesNotContain("notes");
            sql.clear();
            p.notes.remove(0);
            p.size = new Product.Dimensions(3, 4);
            s.commit();
            updates = sql.sql().stream().filter(q -> q.startsWith("UPDATE")).toList();
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).contains("notes").doesNotContain("size");
        }
        try (Session s = f.open()) {
            Product p = s.get(Product.class, 1L);
            assertThat(p.spec.parts).containsExactly("wheel", "bell");
            assertThat(p.attributes).containsEntry("color", "green");
            assertThat(p.raw.get("n").asInt()).isEqualTo(2);
            assertThat(p.notes).containsExactly("second");
            p.spec = null;
            s.commit();
        }
        try (Session s = f.open()) {
            Product p = s.get(Product.class, 1L);
            assertThat(p.spec).isNull();
            s.delete(p);
            s.commit();
            assertThat(s.get(Product.class, 1L)).isNull();
        }
    }

    @DatabaseTest
    void jsonLoadsThroughQueriesJoinedAndSelectInLoads(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            Catalog c = new Catalog(10, "catalog");
            s.add(c);
            for (long id = 1; id <= 3; id++) {
                Product p = full(id);
                p.catalog = c;
                s.add(p);
            }
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Product.class).orderBy(Product_.id).list()).hasSize(3).allSatisfy(p -> assertFull(p, p.id));
            assertThat(s.select(Product_.size).from(Product.class).where(Product_.id.eq(2L)).scalar(Product.Dimensions.class))
                    .isEqualTo(new Product.Dimensions(3, 4));
        }
        try (Session s = f.open()) {
            Catalog c = s.select(Catalog.class).options(joinedLoad(Catalog_.products)).one();
            assertThat(c.getProducts()).hasSize(3).allSatisfy(p -> assertFull(p, p.id));
        }
        try (Session s = f.open()) {
            Catalog c = s.select(Catalog.class).options(selectinLoad(Catalog_.products)).one();
            assertThat(c.getProducts()).hasSize(3).allSatisfy(p -> assertFull(p, p.id));
            c.getProducts().get(0).spec.displayColor = "black";
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Product.class).orderBy(Product_.id).first().spec.displayColor).isEqualTo("black");
        }
    }

    @DatabaseTest
    void theFactorysObjectMapperWritesAndReads(Engine engine, TestDatabase db) throws Exception {
        // tag::json-mapper[]
        ObjectMapper snake = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Catalog.class, Product.class)
                .jsonCodec(JacksonJson.using(snake))    // default: Jackson's defaults plus the modules on the class path
                .build();
        // end::json-mapper[]
        created(f);
        try (Session s = f.open()) {
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open()) {
            assertFull(s.get(Product.class, 1L), 1);
        }
        try (Connection c = db.openJdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT spec FROM json_product WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(MAPPER.readTree(rs.getBytes(1)).has("display_color")).isTrue();
        }
    }

    @DatabaseTest
    void bulkBatchWritesJson(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.bulkInsertMappings(Product.class, rows(), BulkMode.BATCH);
            s.commit();
        }
        assertBulkRows(f);
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bulkCopyWritesJson(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.bulkInsertMappings(Product.class, rows(), BulkMode.COPY);
            s.commit();
        }
        assertBulkRows(f);
    }

    private static List<Map<String, Object>> rows() {
        Product p = full(1);
        Map<String, Object> row = new HashMap<>();
        row.put("id", 1L);
        row.put("name", p.name);
        row.put("attributes", p.attributes);
        row.put("size", p.size);
        row.put("spec", p.spec);
        row.put("notes", p.notes);
        row.put("raw", p.raw);
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("id", 2L);
        nulls.put("name", "nulls");
        return List.of(row, nulls);
    }

    private static void assertBulkRows(SessionFactory f) {
        try (Session s = f.open()) {
            assertFull(s.get(Product.class, 1L), 1);
            Product nulls = s.get(Product.class, 2L);
            assertThat(nulls.attributes).isNull();
            assertThat(nulls.raw).isNull();
        }
    }
}
