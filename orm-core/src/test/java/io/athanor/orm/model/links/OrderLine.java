package io.athanor.orm.model.links;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;

/** A composite primary key. */
@Entity
public class OrderLine {
    @Id
    long orderId;
    @Id
    int lineNo;
    String sku;

    protected OrderLine() {
    }
}
