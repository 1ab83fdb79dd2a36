package io.athanor.orm.model.links;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import java.util.List;
import java.util.UUID;

/** The inverse side of {@link Post#tags}, with a UUID key. */
@Entity
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    String label;

    @ManyToMany(mappedBy = "tags", orderBy = "title desc")
    List<Post> posts;

    protected Tag() {
    }
}
