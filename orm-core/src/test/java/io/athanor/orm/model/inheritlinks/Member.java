package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.Table;

/** The abstract root of a single-table hierarchy whose subclass {@link Editor} owns a many-to-many. */
@Entity
@Table(name = "il_member")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 20)
public abstract class Member {
    @Id
    private Long id;

    @Column(length = 40)
    private String name;

    protected Member() {
    }

    protected Member(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
