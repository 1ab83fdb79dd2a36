package io.athanor.orm.review;

import static io.athanor.orm.query.Loads.joinedLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.query.RowLocks;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.Map;

/**
 * A locking read that joins-loads a to-one that is never null reads its target through an inner join, which a
 * plain {@code FOR UPDATE} locks on every database: naming the locked tables (PostgreSQL, when an outer join is
 * read too) must not leave that target's row unlocked.
 */
class InnerJoinedLoadLockTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RvShelf.class, RvVolume.class, RvTopic.class, RvPin.class)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Whether another transaction can lock shelf {@code id}'s row at once. */
    private static boolean shelfLockable(SessionFactory f, Long id) {
        return RowLocks.lockableNow(f, "SELECT id FROM rv_shelves WHERE id = :id", Map.of("id", id));
    }

    @DatabaseTest
    void theInnerJoinedParentOfAJoinedLoadStaysLocked(Engine engine) {
        SessionFactory f = factory(engine);
        Long shelfId = f.inTransaction(s -> {
            RvShelf shelf = new RvShelf("s");
            s.add(shelf);
            s.add(new RvPin("p", shelf));
            s.flush();
            return shelf.id;
        });
        try (Session s = f.open()) {
            List<RvPin> pins = s.select(RvPin.class).options(joinedLoad(RvPin_.shelf)).forUpdate().list();
            assertThat(pins).hasSize(1);
            assertThat(pins.get(0).shelf.id).isEqualTo(shelfId);
            assertThat(shelfLockable(f, shelfId)).as("the shelf read through the inner join is locked").isFalse();
            s.rollback();
        }
        assertThat(shelfLockable(f, shelfId)).as("released by the rollback").isTrue();
    }
}
