// tag::first-program[]
package io.athanor.examples.first;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Connection;      // Athanor's connection, not java.sql.Connection
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import java.util.List;

/** A first Athanor program: an engine, an entity, its table, a transaction, a query and raw SQL. */
public class FirstProgram {

    /** A book: one row of table {@code books}. */
    @Entity
    @Table(name = "books")
    public static class Book {
        @Id @GeneratedValue
        private Long id;

        @Column(length = 200, nullable = false)
        private String title;

        protected Book() {                         // Athanor creates loaded instances with it
        }

        public Book(String title) {
            this.title = title;
        }

        public Long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "h2:mem:first";     // or "postgresql://user:password@localhost/db"
        try (Engine engine = Engine.builder(url).echo(true).build()) {   // echo: each statement logged by SLF4J
            SessionFactory sessions = SessionFactory.builder(engine).entities(Book.class).build();
            sessions.schema().createAll();                               // CREATE TABLE books ...

            Book saved = sessions.inTransaction(session -> {
                Book book = new Book("Sketch of the Analytical Engine");
                session.add(book);
                return book;                                             // committed here; the id is set
            });
            System.out.println("Saved book " + saved.getId());

            try (Session session = sessions.open()) {
                List<Book> books = session.select(Book.class).list();
                for (Book book : books) {
                    System.out.println(book.getId() + ": " + book.getTitle());
                }
            }

            try (Connection connection = engine.connect()) {
                long count = connection.execute(Text.text("select count(*) from books")).scalar(Long.class);
                System.out.println(count + " book(s) in the table");
            }
            sessions.schema().dropAll();
        }
    }
}
// end::first-program[]
