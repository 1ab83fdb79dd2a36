package io.athanor.examples.docs.mapping;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The mapping guide's user: fields and annotations only. */
// tag::user[]
@Entity
@Table(name = "users")
public class User {
    @Id @GeneratedValue                       // IDENTITY by default; SEQUENCE and UUID too
    private Long id;

    @Column(length = 50)
    private String name;

    @OneToMany(mappedBy = "user", fetch = FetchMode.SELECTIN)
    private List<Order> orders = new ArrayList<>();

    protected User() { }                      // any visibility; Athanor creates instances with it
}
// end::user[]
