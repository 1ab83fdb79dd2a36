package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseTest;
import java.util.Arrays;
import java.util.List;

/**
 * A joined hierarchy with a concrete root and an abstract middle class: rows of the root alone, and leaves with a row
 * in all three tables, are told apart by which tables have them; the middle class is queried like any other.
 */
class JoinedAbstractMiddleTest {

    @Entity
    @Table(name = "jam_animal")
    @Inheritance(strategy = InheritanceType.JOINED)
    static class Animal {
        @Id
        @GeneratedValue
        Long id;
        String name;

        Animal() {
        }

        Animal(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "jam_mammal")
    abstract static class Mammal extends Animal {
        Integer legs;
    }

    @Entity
    @Table(name = "jam_dog")
    static class Dog extends Mammal {
        String breed;

        Dog() {
        }

        Dog(String name, int legs, String breed) {
            this.name = name;
            this.legs = legs;
            this.breed = breed;
        }
    }

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Animal.class, Mammal.class, Dog.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            s.add(new Animal("worm"));
            s.add(new Dog("rex", 4, "collie"));
        });
        return f;
    }

    @DatabaseTest
    void rowsAreBuiltAsTheDeepestClassWhoseTableHasThem(Engine engine) {
        SessionFactory f = seeded(engine);
        assertThat(InheritanceFixture.rows(f, "SELECT a.name, m.legs, d.breed FROM jam_animal a JOIN jam_mammal m ON m.id = a.id "
                + "JOIN jam_dog d ON d.id = a.id")).containsExactly(Arrays.asList("rex", 4L, "collie"));
        try (Session s = f.open()) {
            List<Animal> all = s.select(Animal.class).list();
            assertThat(all).hasSize(2);
            assertThat(all.stream().filter(a -> a.name.equals("worm")).findFirst().orElseThrow())
                    .isExactlyInstanceOf(Animal.class);
            Animal rex = all.stream().filter(a -> a.name.equals("rex")).findFirst().orElseThrow();
            assertThat(rex).isExactlyInstanceOf(Dog.class);
            assertThat(((Dog) rex).breed).isEqualTo("collie");
            assertThat(((Dog) rex).legs).isEqualTo(4);
            assertThat(s.select(Mammal.class).list()).containsExactly((Mammal) rex);
            assertThat(s.get(Mammal.class, rex.id)).isSameAs(rex);
            Long worm = all.stream().filter(a -> a.name.equals("worm")).findFirst().orElseThrow().id;
            assertThat(s.get(Mammal.class, worm)).isNull();
        }
        f.runInTransaction(s -> {
            Dog rex = s.select(Dog.class).one();
            rex.legs = 3;
            rex.breed = "mixed";
        });
        assertThat(InheritanceFixture.rows(f, "SELECT m.legs, d.breed FROM jam_mammal m JOIN jam_dog d ON d.id = m.id"))
                .containsExactly(Arrays.asList(3L, "mixed"));
    }
}
