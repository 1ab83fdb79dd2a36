package io.athanor.orm.model;

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

/** The seed's User: {@code users(id, name)} with selectin orders and dynamic articles. */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50)
    private String name;

    @OneToMany(mappedBy = "user", fetch = FetchMode.SELECTIN)
    private List<Order> orders = new ArrayList<>();

    @OneToMany(mappedBy = "author", fetch = FetchMode.DYNAMIC)
    private DynamicCollection<Article> articles = DynamicCollection.of();

    protected User() {
    }

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

    public DynamicCollection<Article> getArticles() {
        return articles;
    }
}
