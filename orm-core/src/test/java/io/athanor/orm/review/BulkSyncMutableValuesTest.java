package io.athanor.orm.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk update that gives a held instance a mutable value (a list or an array) leaves the instance and its
 * snapshot with separate copies, so a change made in place afterwards is still flushed.
 */
class BulkSyncMutableValuesTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RvBulkTagged.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void anInPlaceChangeAfterABulkUpdateIsCommitted(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            RvBulkTagged t = new RvBulkTagged(1, "one");
            t.tags = new ArrayList<>(List.of("a"));
            t.scores = new int[] {1, 2};
            s.add(t);
            return null;
        });
        try (Session s = f.open()) {
            RvBulkTagged held = s.get(RvBulkTagged.class, 1L);
            Map<String, Object> row = new HashMap<>();
            row.put("id", 1L);
            row.put("tags", new ArrayList<>(List.of("b")));
            row.put("scores", new int[] {5, 6});
            assertThat(s.bulkUpdateMappings(RvBulkTagged.class, List.of(row))).isEqualTo(1);
            assertThat(held.tags).containsExactly("b");
            held.tags.add("c");
            held.scores[0] = 9;
            s.commit();
        }
        try (Session s = f.open()) {
            RvBulkTagged stored = s.get(RvBulkTagged.class, 1L);
            assertThat(stored.tags).containsExactly("b", "c");
            assertThat(stored.scores).containsExactly(9, 6);
        }
    }
}
