package io.athanor.examples.model;

import io.athanor.orm.DynamicCollection;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The seed's {@code User}: {@code users(id, name)}, with its orders and articles. */
// tag::user[]
@Entity
@Table(name = "users")
public class User {
    @Id @GeneratedValue                                  // id = Column(Integer, primary_key=True)
    private Long id;

    @Column(length = 50)                                 // name = Column(String(50))
    private String name;

    @OneToMany(mappedBy = "user", fetch = FetchMode.SELECTIN)     // lazy="selectin"
    private List<Order> orders = new ArrayList<>();

    // tag::dynamic-field[]
    @OneToMany(mappedBy = "author", fetch = FetchMode.DYNAMIC)    // lazy="dynamic"
    private DynamicCollection<Article> articles = DynamicCollection.of();
    // end::dynamic-field[]
    // end::user[]

    protected User() {
    }

    /** A new user, not yet saved. */
    public User(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Order> getOrders() {
        return orders;
    }

    /** The seed's dynamic relationship: a query object, loaded only when asked. */
    public DynamicCollection<Article> getArticles() {
        return articles;
    }
}
