package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/**
 * An entity whose converter, declared for any object, returns text for an {@code Integer} field: a value of another
 * type than its field's, which loading must refuse by naming the field.
 */
@Entity
@Table(name = "fil_knobs")
public class Knob {
    @Id
    private Long id;
    @Convert(Lenient.class)
    @Column(length = 20)
    private Integer turns;

    protected Knob() {
    }

    public Knob(Long id) {
        this.id = id;
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
}
