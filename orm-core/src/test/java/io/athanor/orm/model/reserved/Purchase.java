package io.athanor.orm.model.reserved;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.UniqueConstraint;

/** Table "order" with columns "user", "desc", "value" and a foreign key column "group". */
@Entity
@Table(name = "order", indexes = @Index(columns = {"user"}), uniqueConstraints = @UniqueConstraint(columns = {"user", "desc"}))
public class Purchase {
    @Id
    Long id;
    @Column(name = "user", length = 40)
    String user;
    @Column(name = "desc", length = 40)
    String desc;
    Integer value;
    @ManyToOne
    @JoinColumn(name = "group")
    Group group;

    protected Purchase() {
    }
}
