package io.athanor.bench.athanor.enhanced;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code users}, as {@code io.athanor.bench.athanor.User}, in an enhanced class. */
@Entity
@Table(name = "users")
public class EnhancedUser {
    @Id
    @GeneratedValue
    private Long id;
    private String name;
    private String email;
    @OneToMany(mappedBy = "user", fetch = FetchMode.SELECTIN)
    private List<EnhancedOrder> orders = new ArrayList<>();

    protected EnhancedUser() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<EnhancedOrder> getOrders() {
        return orders;
    }
}
