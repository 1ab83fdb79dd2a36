package io.athanor.examples.docs.joined;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.PrimaryKeyJoinColumn;
import io.athanor.orm.annotations.Table;

// tag::subclass[]
@Entity
@Table(name = "books")
@PrimaryKeyJoinColumn(name = "publication_id")
public class Book extends Publication {
    @Column(nullable = false)
    private String isbn;

    protected Book() {
    }

    public Book(String title, String isbn) {
        super(title);
        this.isbn = isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }
}
// end::subclass[]
