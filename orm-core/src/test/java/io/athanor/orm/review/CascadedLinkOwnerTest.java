package io.athanor.orm.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseTest;
import java.util.stream.Collectors;

/**
 * A flush whose cascade brings the first instance of a class owning a many-to-many into the session: its link
 * rows are written, although no class held before the flush owned one.
 */
class CascadedLinkOwnerTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RvShelf.class, RvVolume.class, RvTopic.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void aVolumeCascadedAtFlushKeepsItsTopics(Engine engine) {
        SessionFactory f = factory(engine);
        Long[] ids = f.inTransaction(s -> {
            RvShelf shelf = new RvShelf("s");
            RvTopic topic = new RvTopic("t");
            s.add(shelf);
            s.add(topic);
            s.flush();
            return new Long[] {shelf.id, topic.id};
        });
        f.runInTransaction(s -> {
            RvShelf shelf = s.get(RvShelf.class, ids[0]);
            RvTopic topic = s.get(RvTopic.class, ids[1]);
            RvVolume volume = new RvVolume("v");
            volume.shelf = shelf;
            volume.topics.add(topic);
            shelf.volumes.add(volume); // reaches the session only through the flush's cascade
        });
        try (Session s = f.open()) {
            RvVolume volume = s.select(RvVolume.class).one();
            assertThat(volume.shelf.id).isEqualTo(ids[0]);
            assertThat(volume.topics.stream().map(t -> t.name).collect(Collectors.joining(","))).isEqualTo("t");
        }
    }
}
