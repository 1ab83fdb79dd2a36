package io.athanor.orm.model.records;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public record JpaPhone(@Column(name = "phone_country", length = 4) String country, String number) {
}
