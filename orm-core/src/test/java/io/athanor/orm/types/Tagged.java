package io.athanor.orm.types;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.model.types.Mood;
import java.util.List;
import java.util.UUID;

/** One field of every array shape Athanor maps. */
@Entity
@Table(name = "array_tagged")
public class Tagged {
    @Id
    Long id;
    String title;
    // tag::array-fields[]
    List<String> tags;
    String[] labels;
    int[] scores;
    long[] counters;
    Integer[] boxedInts;
    Long[] boxedLongs;
    List<Integer> ints;
    List<Long> longs;
    List<UUID> uuids;
    UUID[] uuidArray;
    List<Mood> moods;
    // end::array-fields[]
    @ManyToOne
    Shelf shelf;

    protected Tagged() {
    }

    Tagged(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Shelf getShelf() {
        return shelf;
    }
}
