package io.athanor.orm.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Json;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON fields of each kind: a map (jsonb on PostgreSQL), a record, a mutable class, a list and a tree. */
@Entity
@Table(name = "json_product")
public class Product {
    @Id
    Long id;
    String name;
    // tag::json-fields[]
    @Json(binary = true)
    Map<String, Object> attributes;
    @Json
    Dimensions size;
    @Json
    Spec spec;
    @Json
    List<String> notes;
    @Json
    JsonNode raw;
    // end::json-fields[]
    @ManyToOne
    Catalog catalog;

    protected Product() {
    }

    Product(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Catalog getCatalog() {
        return catalog;
    }

    /** An immutable JSON value. */
    public record Dimensions(int width, int height) {
    }

    /** A mutable JSON value, changed in place by the tests. */
    public static class Spec {
        public String displayColor;
        public List<String> parts = new ArrayList<>();

        public Spec() {
        }

        Spec(String displayColor, List<String> parts) {
            this.displayColor = displayColor;
            this.parts = new ArrayList<>(parts);
        }
    }
}
