package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.MappedSuperclass;

/** A mapped superclass whose private fields a class generated for a subclass cannot read. */
@MappedSuperclass
public abstract class CmpBase {
    @Id
    private Long id;
    private String label;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
