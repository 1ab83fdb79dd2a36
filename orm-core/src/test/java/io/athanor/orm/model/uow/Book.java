package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OnDelete;
import java.math.BigDecimal;

@Entity
public class Book {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 100, nullable = false)
    public String title;

    @Column(precision = 10, scale = 2)
    public BigDecimal price;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", onDelete = OnDelete.RESTRICT)
    public Author author;

    public Book() {
    }

    public Book(String title, Author author) {
        this.title = title;
        this.author = author;
    }
}
