package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The inverse side of {@link Article#getTags()}. */
@Entity
@Table(name = "shop_tags")
public class Tag {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String label;

    @ManyToMany(mappedBy = "tags")
    private List<Article> articles = new ArrayList<>();

    protected Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<Article> getArticles() {
        return articles;
    }
}
