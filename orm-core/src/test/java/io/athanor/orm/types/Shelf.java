package io.athanor.orm.types;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The parent of {@link Tagged} rows, for loading array fields through joined and select-in loads. */
@Entity
@Table(name = "array_shelf")
public class Shelf {
    @Id
    Long id;
    String name;
    @OneToMany(mappedBy = "shelf")
    List<Tagged> items = new ArrayList<>();

    protected Shelf() {
    }

    Shelf(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public List<Tagged> getItems() {
        return items;
    }
}
