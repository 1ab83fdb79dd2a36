package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** An article: a nullable author (no ON DELETE), and the owning side of its tags (link table {@code article_tags}). */
@Entity
@Table(name = "shop_articles")
public class Article {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 200)
    private String title;

    @ManyToOne
    @JoinColumn(name = "author_id")
    private User author;

    @ManyToMany
    @JoinTable(name = "article_tags", joinColumn = "article_id", inverseJoinColumn = "tag_id")
    private List<Tag> tags = new ArrayList<>();

    protected Article() {
    }

    /** A new article of {@code author} (which may be null), added to its articles. */
    @SuppressWarnings("this-escape") // joins the other side's collection, as an application's entity would
    public Article(String title, User author) {
        this.title = title;
        this.author = author;
        if (author != null) {
            author.getArticles().add(this);
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public User getAuthor() {
        return author;
    }

    public void setAuthor(User author) {
        this.author = author;
    }

    public List<Tag> getTags() {
        return tags;
    }
}
