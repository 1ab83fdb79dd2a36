package io.athanor.examples.docs.mapping;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A place whose location, a type Athanor does not know, is stored as PostgreSQL jsonb through a converter. */
@Entity
@Table(name = "places")
public class Place {
    @Id @GeneratedValue
    private Long id;

    @Column(length = 50)
    private String name;

    // tag::converter[]
    public record Point(int x, int y) { }

    public static class PointJson implements AttributeConverter<Point, String> {
        @Override
        public String toDatabase(Point p) {
            return "{\"x\": " + p.x() + ", \"y\": " + p.y() + "}";
        }

        @Override
        public Point fromDatabase(String json) {              // as jsonb returns it: {"x": 3, "y": -4}
            String[] xy = json.replaceAll("[^-0-9,]", "").split(",");
            return new Point(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
        }
    }

    @Convert(PointJson.class) @Column(sqlType = "jsonb")
    private Point location;
    // end::converter[]

    protected Place() {
    }

    public Place(String name, Point location) {
        this.name = name;
        this.location = location;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Point getLocation() {
        return location;
    }
}
