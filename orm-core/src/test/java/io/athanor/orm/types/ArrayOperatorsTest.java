package io.athanor.orm.types;

import static io.athanor.orm.query.SqlArrays.contains;
import static io.athanor.orm.query.SqlArrays.containedBy;
import static io.athanor.orm.query.SqlArrays.has;
import static io.athanor.orm.query.SqlArrays.length;
import static io.athanor.orm.query.SqlArrays.overlaps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.query.Expression;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SqlArrays on array columns: containment, overlap, membership and length on PostgreSQL; membership and length
 * on H2, the others refused there before anything is sent.
 */
class ArrayOperatorsTest {
    private static final UUID U1 = new UUID(1, 1);
    private static final UUID U2 = new UUID(2, 2);

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Tagged.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.add(row(1, List.of("sql", "orm"), new int[] {1, 2}, List.of(U1), List.of(Mood.CALM)));
            s.add(row(2, List.of("sql"), new int[] {3}, List.of(U1, U2), List.of(Mood.CURIOUS)));
            s.add(row(3, List.of(), new int[0], List.of(), List.of()));
            s.add(row(4, null, null, null, null));
            s.commit();
        }
        return f;
    }

    private static Tagged row(long id, List<String> tags, int[] scores, List<UUID> uuids, List<Mood> moods) {
        Tagged t = new Tagged(id, "t" + id);
        t.tags = tags == null ? null : new ArrayList<>(tags);
        t.scores = scores;
        t.uuids = uuids == null ? null : new ArrayList<>(uuids);
        t.moods = moods == null ? null : new ArrayList<>(moods);
        return t;
    }

    private static List<Long> ids(Session s, Expression<Boolean> where) {
        return s.select(Tagged.class).where(where).orderBy(Tagged_.id).list().stream().map(t -> t.id).toList();
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void containsOverlapsAndContainedByOnPostgres(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::array-operators-pg[]
            List<Tagged> both = s.select(Tagged.class).where(contains(Tagged_.tags, List.of("sql", "orm"))).list();  // tags @> ?
            List<Tagged> either = s.select(Tagged.class).where(overlaps(Tagged_.tags, List.of("orm", "other"))).list(); // tags && ?
            // end::array-operators-pg[]
            assertThat(both).extracting(t -> t.id).containsExactly(1L);
            assertThat(either).extracting(t -> t.id).containsExactly(1L);
            assertThat(sql.sql().get(0)).contains("tags @> ?");
            assertThat(ids(s, contains(Tagged_.tags, List.of("sql", "orm")))).containsExactly(1L);
            assertThat(ids(s, contains(Tagged_.tags, List.of()))).containsExactly(1L, 2L, 3L);
            assertThat(ids(s, overlaps(Tagged_.tags, List.of("orm", "other")))).containsExactly(1L);
            assertThat(ids(s, overlaps(Tagged_.uuids, List.of(U2)))).containsExactly(2L);
            assertThat(ids(s, containedBy(Tagged_.tags, List.of("sql", "x")))).containsExactly(2L, 3L);
            assertThat(ids(s, contains(Tagged_.scores, new int[] {2}))).containsExactly(1L);
            assertThat(ids(s, contains(Tagged_.moods, List.of(Mood.CURIOUS)))).containsExactly(2L);
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void hasAndLengthOnPostgresAndH2(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::array-operators[]
            List<Tagged> tagged = s.select(Tagged.class).where(has(Tagged_.tags, "orm")).list();   // ? = ANY(tags)
            List<Tagged> many = s.select(Tagged.class).where(length(Tagged_.tags).ge(1)).list();  // cardinality(tags) >= ?
            // end::array-operators[]
            assertThat(tagged).extracting(t -> t.id).containsExactly(1L);
            assertThat(many).extracting(t -> t.id).containsExactlyInAnyOrder(1L, 2L);
            assertThat(sql.sql().get(0)).contains(kind == DatabaseKind.POSTGRESQL ? "= ANY(" : "ARRAY_CONTAINS(");
            assertThat(ids(s, has(Tagged_.tags, "orm"))).containsExactly(1L);
            assertThat(ids(s, has(Tagged_.tags, "sql"))).containsExactly(1L, 2L);
            assertThat(ids(s, has(Tagged_.uuids, U2))).containsExactly(2L);
            assertThat(ids(s, has(Tagged_.scores, 3))).containsExactly(2L);
            assertThat(ids(s, has(Tagged_.moods, Mood.CALM))).containsExactly(1L);
            assertThat(ids(s, length(Tagged_.tags).eq(0))).containsExactly(3L);
            assertThat(ids(s, length(Tagged_.tags).ge(1))).containsExactly(1L, 2L);
            assertThat(ids(s, length(Tagged_.uuids).isNull())).containsExactly(4L);
            assertThat(s.select(length(Tagged_.scores)).from(Tagged.class).where(Tagged_.id.eq(1L)).scalar(Integer.class))
                    .isEqualTo(2);
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void operatorsH2LacksAreRefusedBeforeAnythingIsSent(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> ids(s, contains(Tagged_.tags, List.of("sql"))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("SqlArrays.contains(...) has no equivalent on H2")
                    .hasMessageContaining("has(array, element)");
            assertThatThrownBy(() -> ids(s, overlaps(Tagged_.tags, List.of("sql"))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("SqlArrays.overlaps(...) has no equivalent on H2");
            assertThat(sql.statements()).isEmpty();
        }
    }
}
