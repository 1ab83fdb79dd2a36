package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Version;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Author {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 60, unique = true, nullable = false)
    public String name;

    @Version
    public int version;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL)
    public List<Book> books = new ArrayList<>();

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public Book write(String title) {
        Book b = new Book(title, this);
        books.add(b);
        return b;
    }
}
