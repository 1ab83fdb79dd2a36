package io.athanor.orm.model.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A shelf whose volumes are ordered by their key, the order relationship loads add anyway. */
@Entity
@Table(name = "shelves")
public class Shelf {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String label;

    @OneToMany(mappedBy = "shelf", orderBy = "id")
    private List<Volume> volumes = new ArrayList<>();

    protected Shelf() {
    }

    public Shelf(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<Volume> getVolumes() {
        return volumes;
    }
}
