package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An entity with a private field of its superclass: it loads the general way, with the same result. */
@Entity
@Table(name = "fil_dials")
public class Dial extends Sealed {
    @Id
    private Long id;
    @Column(length = 40)
    private String label;

    protected Dial() {
    }

    public Dial(Long id, String label, String sealedBy) {
        this.id = id;
        this.label = label;
        sealedBy(sealedBy);
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
