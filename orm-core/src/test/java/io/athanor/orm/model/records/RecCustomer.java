package io.athanor.orm.model.records;

import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

// tag::entity[]
@Entity
@Table(name = "rec_customer")
public class RecCustomer {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @Embedded
    public PostalAddress home;                 // columns home_street, home_city, home_point_lat, home_point_lon
    @Embedded(prefix = "bill_")
    public PostalAddress billing;              // columns bill_street, bill_city, bill_point_lat, bill_point_lon
    @Embedded(prefix = "")
    public Money balance = new Money(0, "EUR"); // columns cents, currency (NOT NULL: cents is a long)
    @OneToMany(mappedBy = "customer")
    public List<RecShipment> shipments = new ArrayList<>();

    protected RecCustomer() {
    }

    public RecCustomer(String name, PostalAddress home) {
        this.name = name;
        this.home = home;
    }

    public List<RecShipment> getShipments() {
        return shipments;
    }
}
// end::entity[]
