package io.athanor.orm.model.records;

import io.athanor.orm.annotations.Embeddable;

/** A record nested in another embedded record. */
@Embeddable
public record GeoPoint(Double lat, Double lon) {
    /** Both or neither: the constructor sees the whole row, never a half-built point. */
    public GeoPoint {
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("a point needs both lat and lon");
        }
    }
}
