package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseTest;

/** An abstract root with one concrete subclass, which declares a relationship: queries of the root load it. */
class OneConcreteSubclassTest {

    /** The abstract root: no discriminator value of its own. */
    @Entity
    @Table(name = "il_tool")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    public abstract static class Tool {
        @Id
        Long id;
        @Column(length = 20)
        String name;
    }

    /** The only concrete class, with a to-one of its own. */
    @Entity
    @DiscriminatorValue("hammer")
    public static class Hammer extends Tool {
        @ManyToOne
        @JoinColumn(name = "maker_id")
        Maker maker;

        Maker getMaker() {
            return maker;
        }
    }

    /** What a hammer refers to. */
    @Entity
    @Table(name = "il_maker")
    public static class Maker {
        @Id
        Long id;
        @Column(length = 20)
        String name;

        String getName() {
            return name;
        }
    }

    @DatabaseTest
    void aQueryOfTheRootReturnsTheSubclassWithItsRelationship(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Tool.class, Hammer.class, Maker.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Maker acme = new Maker();
            acme.id = 7L;
            acme.name = "acme";
            Hammer h = new Hammer();
            h.id = 1L;
            h.name = "claw";
            h.maker = acme;
            s.add(acme);
            s.add(h);
        });
        try (Session s = f.open()) {
            Tool t = s.select(Tool.class).one();
            assertThat(t).isInstanceOf(Hammer.class);
            assertThat(((Hammer) t).getMaker().getName()).isEqualTo("acme");
        }
    }
}
