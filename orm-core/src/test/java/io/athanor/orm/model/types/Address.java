package io.athanor.orm.model.types;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

@Embeddable
public class Address {
    @Column(length = 80)
    String street;
    String city;

    protected Address() {
    }

    public Address(String street, String city) {
        this.street = street;
        this.city = city;
    }
}
