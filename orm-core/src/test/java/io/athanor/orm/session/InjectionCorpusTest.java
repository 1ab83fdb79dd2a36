package io.athanor.orm.session;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.model.values.Note;
import io.athanor.orm.model.values.Scrap;
import io.athanor.orm.model.values.Scrap_;
import io.athanor.orm.query.Postgres;
import io.athanor.orm.query.Sql;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hostile strings through every path a value takes: entity insert and update, DSL where, like and in,
 * seek, VALUES lists, grouping on an expression holding a value, full-text search, text() parameters, bulk BATCH and COPY. Each comes back byte for byte and changes nothing else; a string
 * a database cannot store (NUL in PostgreSQL text, an unpaired surrogate anywhere) is refused before any
 * SQL, naming the field or parameter.
 */
class InjectionCorpusTest {
    private static final String MEGABYTE = megabyte();
    private static final List<String> CORPUS = List.of(
            "'", "''", "'''", "\"", "' OR '1'='1", "'; DROP TABLE scraps; --", "x'); DELETE FROM notes; --",
            "\\", "\\'", "\\\\", "a\\", "E'\\x41'", "\\.", "line\n\\.\nafter", "\\N",
            "$$", "$$; DROP TABLE scraps; $$", "$tag$ x $tag$", "$1",
            "--", "-- comment\n", "/*", "*/", "/* x */ 1", "/* unclosed",
            ":name", ":x::int", "\\:y", "?", "??", "? OR 1=1", "%", "_", "100%_\\%",
            "{a,b}", "{\"a\",NULL}", "\"x\",\"y\"\r\n", "NULL", "null", "",
            " ", "  trailing  ", "\t\r\n", "\u0001\u001F\u007F", "Zürich", "日本語", "עברית \u202E reversed",
            "zero\u200Bwidth", "e\u0301", "\uFEFFbom", "🚀", "👩\u200D👩\u200D👧", "🇫🇷", "\uDBFF\uDFFF", "\uD83D\uDE00\uD83D\uDE00",
            MEGABYTE);
    private static final List<String> UNPAIRED = List.of("a\uD800b", "\uDC00", "\uDC00\uD800", "end\uD83D");
    private static final String NUL = "a\u0000b";

    private static String megabyte() {
        String unit = "quote ' double \" back \\ dollar $$ dash -- slash /* colon :p question ? emoji 🚀 ünï\n";
        StringBuilder b = new StringBuilder(1_000_000);
        while (b.length() + unit.length() <= 1_000_000) {
            b.append(unit);
        }
        while (b.length() < 1_000_000) {
            b.append('x');
        }
        return b.toString();
    }

    private static List<Long> ids(io.athanor.orm.query.Select<io.athanor.orm.engine.Row> query) {
        return query.list().stream().map(r -> r.get(0, Long.class)).toList();
    }

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Scrap.class, Note.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.add(new Note("canary"));
            s.commit();
        }
        return f;
    }

    private static String stored(SessionFactory f, long id) {
        try (Session s = f.open()) {
            Scrap read = s.get(Scrap.class, id);
            assertThat(read).as("row %d", id).isNotNull();
            return read.body;
        }
    }

    private static void inSession(SessionFactory f, Consumer<Session> work) {
        try (Session s = f.open()) {
            work.accept(s);
            s.commit();
        }
    }

    private static List<String> storable(DatabaseKind kind) {
        List<String> values = new ArrayList<>(CORPUS);
        if (kind != DatabaseKind.POSTGRESQL) {
            values.add(NUL);
        }
        return values;
    }

    @DatabaseTest
    void everyValuePathRoundTripsByteForByte(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine);
        List<String> values = storable(kind);
        long id = 0;
        List<Long> ids = new ArrayList<>();
        for (String v : values) {
            String what = v.length() > 40 ? "the 1 MB value" : "[" + v + "]";
            long insertId = ++id;
            inSession(f, s -> s.add(new Scrap(insertId, v)));
            assertThat(stored(f, insertId)).as("entity insert of %s", what).isEqualTo(v);

            long updateId = ++id;
            inSession(f, s -> s.add(new Scrap(updateId, "before")));
            inSession(f, s -> s.get(Scrap.class, updateId).body = v);
            assertThat(stored(f, updateId)).as("entity update of %s", what).isEqualTo(v);

            long textId = ++id;
            inSession(f, s -> s.execute(text("insert into scraps (id, body) values (:id, :v)"), Params.of("id", textId, "v", v)));
            assertThat(stored(f, textId)).as("text() insert of %s", what).isEqualTo(v);

            long batchId = ++id;
            long batchUpdateId = ++id;
            long copyId = ++id;
            inSession(f, s -> s.bulkInsertMappings(Scrap.class, List.of(Map.of("id", batchId, "body", v),
                    Map.of("id", batchUpdateId, "body", "x")), BulkMode.BATCH));
            assertThat(stored(f, batchId)).as("bulk BATCH insert of %s", what).isEqualTo(v);
            inSession(f, s -> s.bulkUpdateMappings(Scrap.class, List.of(Map.of("id", batchUpdateId, "body", v))));
            assertThat(stored(f, batchUpdateId)).as("bulk BATCH update of %s", what).isEqualTo(v);
            if (kind == DatabaseKind.POSTGRESQL) {
                inSession(f, s -> s.bulkInsertMappings(Scrap.class, List.of(Map.of("id", copyId, "body", v)), BulkMode.COPY));
                assertThat(stored(f, copyId)).as("bulk COPY of %s", what).isEqualTo(v);
            }

            try (Session s = f.open()) {
                assertThat(ids(s.select(Scrap_.id).where(Scrap_.body.eq(v)))).as("where = %s", what).contains(insertId);
                assertThat(ids(s.select(Scrap_.id).where(Scrap_.body.in(v, "other")))).as("in %s", what).contains(insertId);
                List<String> longList = new ArrayList<>(values.subList(0, Math.min(values.size(), 30)));
                for (int i = 0; longList.size() < 150; i++) {
                    longList.add("filler " + i);
                }
                longList.add(v);
                assertThat(ids(s.select(Scrap_.id).where(Scrap_.body.in(longList)))).as("long in %s", what).contains(insertId);
                if (v.length() < 40 && v.indexOf('%') < 0 && v.indexOf('_') < 0 && v.indexOf('\\') < 0) {
                    assertThat(ids(s.select(Scrap_.id).where(Scrap_.body.like(v)))).as("like %s", what).contains(insertId);
                }
                assertThat(ids(s.select(Scrap_.id).where(Sql.text("body = :v", Params.of("v", v), Boolean.class))))
                        .as("text() fragment %s", what).contains(insertId);
                assertThat(s.execute(text("select body from scraps where id = :id and body = :v"), Params.of("id", insertId, "v", v))
                        .scalar(String.class)).as("text() select of %s", what).isEqualTo(v);
                assertThat(s.select(Sql.value(v)).from(Note.class).scalar(String.class)).as("value(%s)", what).isEqualTo(v);
                assertThat(ids(s.select(Scrap_.id).where(Scrap_.body.eq(v)).orderBy(Scrap_.body.asc(), Scrap_.id.asc())
                        .seek(v, insertId - 1))).as("seek after %s", what).contains(insertId);
                assertThat(s.select(Sql.values("vl", "b").row(v).column("b", String.class)).scalar(String.class))
                        .as("values(%s)", what).isEqualTo(v);
                if (v.length() < 40) {
                    assertThat(s.select(Scrap_.body.concat(v).as("k"), Sql.count()).where(Scrap_.id.eq(insertId))
                            .groupBy(Scrap_.body.concat(v)).orderBy(Scrap_.body.concat(v)).one().get("k"))
                            .as("grouped on a value %s", what).isEqualTo(v + v);
                    assertThat(s.select(Sql.coalesce(Scrap_.body.concat(v), "z").as("k"), Sql.count()).where(Scrap_.id.eq(insertId))
                            .groupBy(Scrap_.body.concat(v)).one().get("k"))
                            .as("grouped on a value written as a literal where PostgreSQL needs it: %s", what).isEqualTo(v + v);
                }
                if (kind == DatabaseKind.POSTGRESQL && v.length() < 40) {
                    assertThat(ids(s.select(Scrap_.id).where(Postgres.matches(Postgres.toTsvector("simple", Scrap_.body),
                            Postgres.plainToTsquery("simple", v))))).as("text search for %s", what).isNotNull();
                }
            }
            ids.add(insertId);
        }
        try (Session s = f.open()) {
            long expected = (long) values.size() * (kind == DatabaseKind.POSTGRESQL ? 6 : 5);
            assertThat(s.select(Sql.count()).from(Scrap.class).scalar(Long.class)).isEqualTo(expected);
            assertThat(s.select(Note.class).list()).singleElement().satisfies(n -> assertThat(n.text).isEqualTo("canary"));
        }
    }

    @DatabaseTest
    void stringsADatabaseCannotStoreAreRefusedBeforeSqlNamingTheField(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine);
        inSession(f, s -> s.add(new Scrap(1, "kept")));
        List<String> refused = new ArrayList<>(UNPAIRED);
        if (kind == DatabaseKind.POSTGRESQL) {
            refused.add(NUL);
        }
        try (SqlRecorder sql = SqlRecorder.attach(engine)) {
            for (String v : refused) {
                String reason = v.indexOf('\0') >= 0 ? "holds the character NUL" : "holds an unpaired UTF-16 surrogate";
                try (Session s = f.open()) {
                    s.add(new Scrap(2, v));
                    assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class)
                            .hasMessageStartingWith("Scrap.body " + reason);
                    s.rollback();
                    Scrap letter = new Scrap(3, "ok");
                    letter.letter = v.charAt(v.length() - 1) == 'b' ? v.charAt(1) : v.charAt(v.length() - 1);
                    s.add(letter);
                    assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Scrap.letter ");
                    s.rollback();
                }
                try (Session s = f.open()) {
                    Scrap loaded = s.get(Scrap.class, 1L);
                    sql.clear();
                    loaded.body = v;
                    assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class)
                            .hasMessageStartingWith("Scrap.body " + reason);
                    s.rollback();
                    assertThatThrownBy(() -> s.select(Scrap.class).where(Scrap_.body.eq(v)).list())
                            .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Scrap.body " + reason);
                    assertThatThrownBy(() -> s.select(Scrap.class).where(Scrap_.body.like(v)).list())
                            .isInstanceOf(InvalidValueException.class)
                            .hasMessageStartingWith("Scrap.body (its LIKE pattern) " + reason);
                    List<String> longList = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        longList.add(i == 75 ? v : "x" + i);
                    }
                    assertThatThrownBy(() -> s.select(Scrap.class).where(Scrap_.body.in(longList)).list())
                            .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Scrap.body " + reason);
                    assertThatThrownBy(() -> s.select(Scrap.class).where(Sql.text("body = :v", Params.of("v", v), Boolean.class))
                            .list()).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Parameter :v " + reason);
                    assertThatThrownBy(() -> s.execute(text("update scraps set body = :v"), Params.of("v", v)))
                            .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Parameter :v " + reason);
                    for (BulkMode mode : kind == DatabaseKind.POSTGRESQL ? List.of(BulkMode.BATCH, BulkMode.COPY)
                            : List.of(BulkMode.BATCH)) {
                        assertThatThrownBy(() -> s.bulkInsertMappings(Scrap.class, List.of(Map.of("id", 4L, "body", v)), mode))
                                .as(mode.name()).isInstanceOf(InvalidValueException.class)
                                .hasMessageStartingWith("Scrap.body " + reason);
                    }
                    assertThatThrownBy(() -> s.bulkUpdateMappings(Scrap.class, List.of(Map.of("id", 1L, "body", v))))
                            .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Scrap.body " + reason);
                    assertThat(sql.statements()).as("nothing was sent for %s", v.codePoints().boxed().toList()).isEmpty();
                }
            }
        }
        try (Session s = f.open()) {
            assertThat(s.select(Scrap.class).list()).singleElement().satisfies(x -> assertThat(x.body).isEqualTo("kept"));
            assertThat(s.select(Sql.count()).from(Note.class).scalar(Long.class)).isEqualTo(1L);
        }
    }
}
