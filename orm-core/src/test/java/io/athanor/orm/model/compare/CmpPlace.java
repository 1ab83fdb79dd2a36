package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

/** An embedded value of {@link CmpAll}. */
@Embeddable
public class CmpPlace {
    @Column(length = 40)
    public String street;
    public int floor;

    public CmpPlace() {
    }

    public CmpPlace(String street, int floor) {
        this.street = street;
        this.floor = floor;
    }
}
