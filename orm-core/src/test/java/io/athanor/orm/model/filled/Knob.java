package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/**
 * An entity whose converter, declared for any object, returns text for an {@code Integer} field: a value of another
 * type than its field's, which loading must refuse by naming the field; and whose {@code long} field is read as an
 * {@code Integer}, which loading widens.
 */
@Entity
@Table(name = "fil_knobs")
public class Knob {
    @Id
    private Long id;
    @Convert(Lenient.class)
    @Column(length = 20)
    private Integer turns;
    /** Read through a converter that returns an {@code Integer}: a value the general way widens, a cast would refuse. */
    @Convert(Narrow.class)
    @Column(nullable = false)
    private long clicks;

    protected Knob() {
    }

    public Knob(Long id, long clicks) {
        this.id = id;
        this.clicks = clicks;
    }

    public long getClicks() {
        return clicks;
    }

    public Integer getTurns() {
        return turns;
    }

    /** Writes any value as its text, reads text back as it is. */
    public static final class Lenient implements io.athanor.orm.annotations.AttributeConverter<Object, String> {
        @Override
        public String toDatabase(Object value) {
            return String.valueOf(value);
        }

        @Override
        public Object fromDatabase(String s) {
            return s;
        }
    }

    /** Stores a number as an int column and reads it back as an {@code Integer}, whatever the field's type. */
    public static final class Narrow implements io.athanor.orm.annotations.AttributeConverter<Object, Integer> {
        @Override
        public Integer toDatabase(Object value) {
            return ((Number) value).intValue();
        }

        @Override
        public Object fromDatabase(Integer i) {
            return i;
        }
    }
}
