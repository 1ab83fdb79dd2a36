package io.athanor.examples.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** The seed's {@code Article}: {@code articles(id, title, author_id)}. */
@Entity
@Table(name = "articles")
public class Article {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 200)
    private String title;

    @ManyToOne
    @JoinColumn(name = "author_id")
    private User author;

    protected Article() {
    }
}
