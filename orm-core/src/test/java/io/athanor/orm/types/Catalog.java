package io.athanor.orm.types;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The parent of {@link Product} rows, for loading JSON fields through joined and select-in loads. */
@Entity
@Table(name = "json_catalog")
public class Catalog {
    @Id
    Long id;
    String name;
    @OneToMany(mappedBy = "catalog")
    List<Product> products = new ArrayList<>();

    protected Catalog() {
    }

    Catalog(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public List<Product> getProducts() {
        return products;
    }
}
