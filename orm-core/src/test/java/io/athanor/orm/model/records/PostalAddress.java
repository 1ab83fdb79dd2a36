package io.athanor.orm.model.records;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;
import io.athanor.orm.annotations.Embedded;

// tag::record[]
@Embeddable
public record PostalAddress(@Column(length = 80) String street, String city, @Embedded GeoPoint point) {
}
// end::record[]
