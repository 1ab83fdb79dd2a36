package io.athanor.orm.model.jpa.joined;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a joined hierarchy with a discriminator column, which the flush writes and queries read. */
@Entity
@Table(name = "jpj_shape")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", length = 10)
public class Shape {
    @Id
    @GeneratedValue
    private Long id;

    private String label;

    protected Shape() {
    }

    public Shape(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    /** What the shape is, for assertions. */
    public String describe() {
        return getClass().getSimpleName() + ":" + label;
    }
}
