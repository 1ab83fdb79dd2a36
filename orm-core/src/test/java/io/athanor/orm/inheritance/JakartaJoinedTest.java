package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.jpa.joined.Circle;
import io.athanor.orm.model.jpa.joined.Circle_;
import io.athanor.orm.model.jpa.joined.Shape;
import io.athanor.orm.model.jpa.joined.Shape_;
import io.athanor.orm.model.jpa.joined.Square;
import io.athanor.orm.test.DatabaseTest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Jakarta's {@code @Inheritance(strategy = JOINED)}, {@code @PrimaryKeyJoinColumn} and a discriminator column, read as
 * Athanor's: a concrete root, the discriminator written by the flush and read to tell each row's class.
 */
class JakartaJoinedTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shape.class, Circle.class, Square.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            s.add(new Shape("plain"));
            s.add(new Circle("round", 2.0));
            s.add(new Square("boxy", 3.0));
        });
        return f;
    }

    @DatabaseTest
    void theDiscriminatorIsWrittenInTheRootsTableAndTheKeyColumnIsNamedByPrimaryKeyJoinColumn(Engine engine) {
        SessionFactory f = seeded(engine);
        String ddl = String.join(";\n", f.schema().createStatements()).toLowerCase(Locale.ROOT).replace("\"", "")
                .replace("`", "");
        assertThat(ddl).contains("foreign key (shape_id) references jpj_shape (id)", "foreign key (id) references jpj_shape (id)");
        assertThat(InheritanceFixture.rows(f, "SELECT kind, label FROM jpj_shape ORDER BY label")).containsExactly(
                Arrays.asList("Square", "boxy"), Arrays.asList("Shape", "plain"), Arrays.asList("C", "round"));
        assertThat(InheritanceFixture.rows(f, "SELECT s.label FROM jpj_circle c JOIN jpj_shape s ON s.id = c.shape_id"))
                .containsExactly(List.of("round"));
    }

    @DatabaseTest
    void queriesOfTheConcreteRootAndOfASubclassBuildTheRightClasses(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            assertThat(s.select(Shape.class).orderBy(Shape_.label).list()).extracting(Shape::describe)
                    .containsExactly("Square:boxy:3.0", "Shape:plain", "Circle:round:2.0");
            assertThat(s.select(Circle.class).where(Circle_.radius.gt(1.0)).list()).extracting(Shape::describe)
                    .containsExactly("Circle:round:2.0");
            Long id = s.select(Circle.class).one().getId();
            assertThat(s.get(Shape.class, id)).isExactlyInstanceOf(Circle.class);
            assertThat(s.get(Square.class, id)).isNull();
        }
        f.runInTransaction(s -> s.delete(s.select(Circle.class).one()));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jpj_circle")).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT label FROM jpj_shape ORDER BY label")).containsExactly(
                List.of("boxy"), List.of("plain"));
    }
}
