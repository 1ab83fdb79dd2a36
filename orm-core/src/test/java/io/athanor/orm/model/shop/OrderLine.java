package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A line of an {@link Order}. */
@Entity
@Table(name = "shop_order_lines")
public class OrderLine {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String sku;

    @ManyToOne
    @JoinColumn(name = "order_id")
    private Order order;

    protected OrderLine() {
    }

    OrderLine(String sku, Order order) {
        this.sku = sku;
        this.order = order;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public Order getOrder() {
        return order;
    }
}
