package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;

/** A to-one relationship loaded with SELECTIN. */
@Entity
public class Review {
    @Id
    @GeneratedValue
    public Long id;

    public int stars;

    @ManyToOne(fetch = FetchMode.SELECTIN)
    public Book book;

    public Review() {
    }

    public Review(int stars, Book book) {
        this.stars = stars;
        this.book = book;
    }
}
