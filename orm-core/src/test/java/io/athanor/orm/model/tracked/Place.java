package io.athanor.orm.model.tracked;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

/** Where a parcel is: an embedded value changed in place by its own setter. */
@Embeddable
public class Place {
    @Column(length = 40)
    private String city;

    protected Place() {
    }

    public Place(String city) {
        this.city = city;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
