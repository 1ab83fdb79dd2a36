package io.athanor.orm.model.links;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.OneToOne;
import io.athanor.orm.annotations.Version;
import java.util.HashSet;
import java.util.Set;

/** Sequence-generated ids, a many-to-many link table, an owning one-to-one and a version column. */
@Entity
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, allocationSize = 20)
    Long id;

    String title;

    @Version
    int version;

    @ManyToMany
    Set<Tag> tags = new HashSet<>();

    @OneToOne
    Post previous;

    @OneToOne(mappedBy = "previous")
    Post next;

    protected Post() {
    }
}
