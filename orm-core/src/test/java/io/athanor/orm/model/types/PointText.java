package io.athanor.orm.model.types;

import io.athanor.orm.annotations.AttributeConverter;

public class PointText implements AttributeConverter<Point, String> {
    @Override
    public String toDatabase(Point p) {
        return "{\"x\": " + p.x() + ", \"y\": " + p.y() + "}";
    }

    @Override
    public Point fromDatabase(String s) {
        String[] parts = s.replaceAll("[^0-9,\\-]", "").split(",");
        return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
