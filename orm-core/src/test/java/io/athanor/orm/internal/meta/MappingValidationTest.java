package io.athanor.orm.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OnDelete;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mapping mistake is reported at build time, naming the class, the field and the fix. */
class MappingValidationTest {

    private static MappingException problems(Class<?>... types) {
        try {
            MetadataBuilder.build(List.of(types), H2Dialect.INSTANCE);
        } catch (MappingException e) {
            return e;
        }
        throw new AssertionError("expected a MappingException");
    }

    @Entity
    static class NoId {
        String name;
    }

    @Test
    void missingId() {
        assertThat(problems(NoId.class).problems()).containsExactly("Entity " + NoId.class.getName()
                + " has no @Id field: mark its primary key field with @Id.");
    }

    @Entity
    static class Parent {
        @Id
        Long id;
        @OneToMany(mappedBy = "parnet")
        List<Child> children;
    }

    @Entity
    static class Child {
        @Id
        Long id;
        @ManyToOne
        Parent parent;
        @ManyToOne
        Other other;
    }

    @Entity
    static class Other {
        @Id
        Long id;
        @OneToMany(mappedBy = "parent")
        List<Child> children;
    }

    @Test
    void mappedByNamingNoField() {
        assertThat(problems(Parent.class, Child.class, Other.class).problems()).contains("mappedBy 'parnet' on Parent.children "
                + "names no field of Child; Child's fields are [id, parent, other].");
    }

    @Test
    void mappedByPointingElsewhere() {
        assertThat(problems(Parent.class, Child.class, Other.class).problems()).anySatisfy(p -> assertThat(p)
                .startsWith("mappedBy 'parent' on Other.children names Child.parent, which does not refer back to Other")
                .contains("Point mappedBy at the @ManyToOne field of Child that refers to Other."));
    }

    @Entity
    static class Orphan {
        @Id
        Long id;
        @ManyToOne
        Unregistered target;
    }

    static class Unregistered {
    }

    @Test
    void relationshipToUnregisteredClass() {
        assertThat(problems(Orphan.class).problems()).containsExactly("Field Orphan.target refers to " + Unregistered.class.getName()
                + ", which is not a registered entity. Register it with SessionFactory.builder(engine).entities(..., "
                + "Unregistered.class).");
    }

    @Entity
    static class OddType {
        @Id
        Long id;
        Map<String, String> attributes;
    }

    @Test
    void unsupportedTypeWithoutConverter() {
        assertThat(problems(OddType.class).getMessage()).contains("Field " + OddType.class.getName() + ".attributes has type "
                + "java.util.Map, which Athanor does not map.").contains("Add @Convert with an AttributeConverter")
                .contains("mark it @Transient");
    }

    @Entity
    static final class FinalEntity {
        @Id
        Long id;
    }

    @Entity
    static class NoDefaultConstructor {
        @Id
        Long id;

        NoDefaultConstructor(Long id) {
            this.id = id;
        }
    }

    @Test
    void finalClassAndMissingConstructor() {
        assertThat(problems(FinalEntity.class).getMessage()).contains(FinalEntity.class.getName() + " is final")
                .contains("subclass proxy").contains("Remove 'final'");
        assertThat(problems(NoDefaultConstructor.class).getMessage()).contains("has no no-argument constructor")
                .contains("it may be protected or private");
    }

    @Entity
    @Table(name = "things")
    static class ThingA {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "THINGS")
    static class ThingB {
        @Id
        Long id;
    }

    @Entity
    static class SameColumn {
        @Id
        Long id;
        @Column(name = "label")
        String name;
        String label;
    }

    @Test
    void duplicateTablesAndColumns() {
        assertThat(problems(ThingA.class, ThingB.class).getMessage()).contains("Entity " + ThingB.class.getName() + " and entity "
                + ThingA.class.getName() + " both map to table THINGS; give one a different @Table(name).");
        assertThat(problems(SameColumn.class).getMessage()).contains(".name and ").contains(".label both map to column 'label'");
    }

    @Entity
    static class BadVersion {
        @Id
        Long id;
        @Version
        String version;
    }

    @Entity
    static class BadGenerated {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        Long id;
        final String fixed = "x";
        @Embedded
        String notEmbeddable;
        @OneToMany(mappedBy = "x")
        Object notACollection;
        @ManyToOne(optional = false)
        @JoinColumn(onDelete = OnDelete.SET_NULL)
        BadGenerated self;
    }

    @Test
    void versionGenerationFinalFieldsEmbeddablesAndCollections() {
        assertThat(problems(BadVersion.class).getMessage()).contains("@Version field " + BadVersion.class.getName()
                + ".version is a String, which cannot be incremented; use int, long or short");
        MappingException e = problems(BadGenerated.class);
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("Invalid mapping (4 problems):")
                .contains("uses GenerationType.UUID but is a Long")
                .contains(".fixed is final")
                .contains("is @Embedded, but java.lang.String is not annotated @Embeddable")
                .contains("must be a List<T>, Set<T>, Collection<T> or DynamicCollection<T>");
    }

    @Test
    void setNullOnARequiredReference() {
        assertThat(problems(NullableSelf.class).getMessage()).contains("has onDelete = SET_NULL, but its column 'self_id' is NOT NULL");
    }

    @Entity
    static class NullableSelf {
        @Id
        Long id;
        @ManyToOne(optional = false)
        @JoinColumn(onDelete = OnDelete.SET_NULL)
        NullableSelf self;
    }

    @Entity
    static class PassiveOwner {
        @Id
        Long id;
        @io.athanor.orm.annotations.OneToOne(passiveDeletes = true)
        PassiveOwner partner;
    }

    @Test
    void passiveDeletesOnAnOwningOneToOne() {
        assertThat(problems(PassiveOwner.class).getMessage()).contains("Field PassiveOwner.partner is an owning @OneToOne "
                + "with passiveDeletes = true, which only the inverse side (the one with mappedBy) uses");
    }

    @Test
    void passiveDeletesIsReadOrImpliedByTheChildsOnDelete() {
        Metadata m = MetadataBuilder.build(List.of(io.athanor.orm.model.deletes.Folder.class,
                io.athanor.orm.model.deletes.Note.class, io.athanor.orm.model.deletes.Label.class,
                io.athanor.orm.model.deletes.Project.class, io.athanor.orm.model.deletes.Task.class,
                io.athanor.orm.model.deletes.Shelf.class, io.athanor.orm.model.deletes.Box.class,
                io.athanor.orm.model.deletes.Sticker.class, io.athanor.orm.model.deletes.Poster.class), H2Dialect.INSTANCE);
        assertThat(m.entity(io.athanor.orm.model.deletes.Folder.class).relationship("notes").passiveDeletes()).isTrue();
        assertThat(m.entity(io.athanor.orm.model.deletes.Project.class).relationship("tasks").passiveDeletes())
                .as("implied by Task.project's onDelete = SET_NULL").isTrue();
        assertThat(m.entity(io.athanor.orm.model.deletes.Task.class).relationship("project").onDelete())
                .isEqualTo(OnDelete.SET_NULL);
        assertThat(m.entity(io.athanor.orm.model.deletes.Shelf.class).relationship("stickers").passiveDeletes()).isFalse();
        assertThat(m.entity(io.athanor.orm.model.deletes.Note.class).relationship("labels").passiveDeletes()).isTrue();
        assertThat(m.entity(io.athanor.orm.model.deletes.Label.class).relationship("notes").passiveDeletes()).isFalse();
    }

    @Test
    void theSeedMappingLinksBothSidesOfEachRelationship() {
        Metadata m = MetadataBuilder.build(List.of(User.class, Order.class, Article.class), H2Dialect.INSTANCE);
        RelationshipModel orders = m.entity(User.class).relationship("orders");
        RelationshipModel user = m.entity(Order.class).relationship("user");
        assertThat(orders.inverse()).isSameAs(user);
        assertThat(user.inverse()).isSameAs(orders);
        assertThat(user.joinColumns()).containsExactly("user_id");
        assertThat(orders.owning()).isFalse();
        assertThat(m.entity(Order.class).property("userId").column().name()).isEqualTo("user_id");
        assertThat(m.tables()).extracting(TableModel::name).containsExactly("users", "orders", "articles");
        assertThatThrownBy(() -> m.entity(String.class)).hasMessageContaining("is not a registered entity");
        assertThatThrownBy(() -> m.entity(User.class).property("nmae")).hasMessageContaining("has no mapped field 'nmae'");
    }

    @Test
    void aFactoryNeedsEntities() {
        assertThatThrownBy(() -> SessionFactory.builder((io.athanor.orm.engine.Engine) null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SessionFactory.builder((io.athanor.orm.Binds) null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Binds.of(engine)");
    }
}
