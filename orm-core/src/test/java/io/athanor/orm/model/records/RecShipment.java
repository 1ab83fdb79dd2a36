package io.athanor.orm.model.records;

import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

@Entity
@Table(name = "rec_shipment")
public class RecShipment {
    @Id
    @GeneratedValue
    public Long id;
    @ManyToOne
    public RecCustomer customer;
    @Embedded(prefix = "to_")
    public PostalAddress destination;

    protected RecShipment() {
    }

    public RecShipment(RecCustomer customer, PostalAddress destination) {
        this.customer = customer;
        this.destination = destination;
    }

    public RecCustomer getCustomer() {
        return customer;
    }
}
