package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Shelf;
import io.athanor.orm.model.loading.Shelf_;
import io.athanor.orm.model.loading.Volume;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;

/** A to-many ordered by the child's key ({@code orderBy = "id"}) is ordered by it once, whatever loads it. */
class RelationshipOrderTest {
    private static final String VOLUMES = "SELECT volumes.id, volumes.title, volumes.shelf_id FROM volumes WHERE ";

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Volume.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            for (String label : List.of("a", "b")) {
                Shelf shelf = new Shelf(label);
                s.add(shelf);
                for (int i = 1; i <= 3; i++) {
                    s.add(new Volume(label + i, shelf));
                }
            }
        });
        return f;
    }

    /** Loads both shelves with {@code options}, touches their volumes, and returns the statements run. */
    private static List<String> load(SessionFactory f, Engine engine, Load... options) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Shelf> shelves = s.select(Shelf.class).orderBy(Shelf_.label).options(options).list();
            assertThat(shelves).extracting(shelf -> shelf.getVolumes().stream().map(Volume::getTitle)
                    .collect(Collectors.joining(","))).containsExactly("a1,a2,a3", "b1,b2,b3");
            return sql.sql();
        }
    }

    @DatabaseTest
    void selectinSubqueryAndLazyLoadsOrderByTheKeyOnce(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        String parents = "SELECT shelves.id, shelves.label FROM shelves ORDER BY shelves.label ASC";
        String batch = kind == DatabaseKind.POSTGRESQL ? "volumes.shelf_id = ANY(?)" : "volumes.shelf_id IN (?, ?)";
        String single = kind == DatabaseKind.POSTGRESQL ? "volumes.shelf_id = ANY(?)" : "volumes.shelf_id IN (?)";

        assertThat(load(f, engine, selectinLoad(Shelf_.volumes)))
                .containsExactly(parents, VOLUMES + batch + " ORDER BY volumes.id ASC");
        assertThat(load(f, engine, subqueryLoad(Shelf_.volumes))).containsExactly(parents, VOLUMES
                + "volumes.shelf_id IN (SELECT athanor_parents.athanor_key FROM (SELECT shelves.id AS athanor_key FROM shelves "
                + "ORDER BY shelves.label ASC) athanor_parents) ORDER BY volumes.id ASC");
        assertThat(load(f, engine)).containsExactly(parents, VOLUMES + single + " ORDER BY volumes.id ASC",
                VOLUMES + single + " ORDER BY volumes.id ASC");
    }

    @DatabaseTest
    void aJoinedLoadOrdersByTheKeyOnce(Engine engine) {
        SessionFactory f = seeded(engine);
        assertThat(load(f, engine, joinedLoad(Shelf_.volumes))).containsExactly("SELECT shelves.id, shelves.label, "
                + "athanor_j1.id, athanor_j1.title, athanor_j1.shelf_id FROM shelves LEFT OUTER JOIN volumes athanor_j1 "
                + "ON athanor_j1.shelf_id = shelves.id ORDER BY shelves.label ASC, shelves.id, athanor_j1.id");
    }
}
