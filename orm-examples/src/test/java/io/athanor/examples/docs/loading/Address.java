package io.athanor.examples.docs.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

/** A postal address, stored in its owner's table. */
@Embeddable
public class Address {
    @Column(length = 80)
    private String street;

    @Column(length = 50)
    private String city;

    protected Address() {
    }

    public Address(String street, String city) {
        this.street = street;
        this.city = city;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }
}
