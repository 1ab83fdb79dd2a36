package io.athanor.examples.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** The seed's {@code Article}: {@code articles(id, title, author_id)}, written by a {@link User}. */
// tag::article[]
@Entity
@Table(name = "articles")
public class Article {
    @Id @GeneratedValue
    private Long id;

    @Column(length = 200)
    private String title;

    @ManyToOne @JoinColumn(name = "author_id")           // author = relationship("User", back_populates="articles")
    private User author;
    // end::article[]

    protected Article() {
    }

    /** A new article by {@code author}. */
    public Article(String title, User author) {
        this.title = title;
        this.author = author;
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
}
