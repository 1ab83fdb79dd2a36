package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A {@link Label} field with no converter of its own: the factory registers one for the type. */
@Entity
@Table(name = "cnv_drawers")
public class Drawer {
    @Id
    public Long id;
    @Column(length = 50)
    public Label label;

    protected Drawer() {
    }

    public Drawer(Long id, String label) {
        this.id = id;
        this.label = new Label(label);
    }
}
