package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** An order of a {@link User}, owning its lines (cascade ALL, orphan removal). */
@Entity
@Table(name = "shop_orders")
public class Order {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 100)
    private String product;

    private int quantity;

    @ManyToOne
    @JoinColumn(name = "user_id")
    private User user;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, orderBy = "id")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /** A new order of {@code user}, added to its orders. */
    @SuppressWarnings("this-escape") // joins the other side's collection, as an application's entity would
    public Order(String product, User user) {
        this.product = product;
        this.quantity = 1;
        this.user = user;
        user.getOrders().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    /** A new line of this order, added to its lines. */
    public OrderLine line(String sku) {
        OrderLine l = new OrderLine(sku, this);
        lines.add(l);
        return l;
    }
}
