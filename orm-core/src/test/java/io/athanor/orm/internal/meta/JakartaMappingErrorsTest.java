package io.athanor.orm.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.MappingException;
import io.athanor.orm.dialect.H2Dialect;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeSuperclassListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Athanor does not map of Jakarta Persistence is refused when the factory is built, each problem
 * naming the class, the field or method, the annotation, and what to do instead.
 */
class JakartaMappingErrorsTest {

    private static List<String> problems(Class<?>... types) {
        try {
            MetadataBuilder.build(List.of(types), H2Dialect.INSTANCE);
        } catch (MappingException e) {
            return e.problems();
        }
        throw new AssertionError("expected a MappingException");
    }

    @MappedSuperclass
    static class Base {
        @Id
        Long id;
    }

    @Entity
    static class FromMappedSuperclass extends Base {
        @Id
        Long ownId;
    }

    @Entity
    @Inheritance(strategy = jakarta.persistence.InheritanceType.TABLE_PER_CLASS)
    static class WithInheritance {
        @Id
        Long id;
    }

    @Entity
    @IdClass(WithIdClass.Key.class)
    static class WithIdClass {
        @Id
        Long a;

        record Key(Long a) implements Serializable { }
    }

    @Embeddable
    static class Key {
        Long a;
        Long b;
    }

    @Entity
    static class WithEmbeddedId {
        @Id
        Long id;
        @EmbeddedId
        Key key;
    }

    @Entity
    static class WithElementCollection {
        @Id
        Long id;
        @ElementCollection
        List<String> nicknames = new ArrayList<>();
    }

    @Entity
    static class WithLob {
        @Id
        Long id;
        @Lob
        String body;
    }

    @Entity
    @SuppressWarnings("deprecation") // @Temporal is deprecated in Jakarta Persistence 3.2; entities still carry it
    static class WithTemporal {
        @Id
        Long id;
        @Temporal(TemporalType.TIMESTAMP)
        Date at;
    }

    @Entity
    static class Parent {
        @Id
        Long id;
        @OneToMany(mappedBy = "parent")
        @OrderColumn
        List<Child> children = new ArrayList<>();
    }

    @Entity
    static class Child {
        @Id
        Long id;
        @ManyToOne
        Parent parent;
    }

    @Entity
    @NamedQuery(name = "all", query = "select q from WithNamedQuery q")
    static class WithNamedQuery {
        @Id
        Long id;
    }

    @Entity
    @ExcludeSuperclassListeners
    static class WithListeners {
        @Id
        Long id;
    }

    @Entity
    static class WithCallbacks {
        @Id
        Long id;

        @PrePersist
        void beforeInsert(Object other) {
        }

        @PostLoad
        static void afterLoad() {
        }
    }

    @Entity
    @Access(AccessType.PROPERTY)
    static class WithPropertyAccess {
        Long id;

        @Id
        Long getId() {
            return id;
        }
    }

    @Entity
    static class WithTableGenerator {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE)
        Long id;
    }

    @Entity
    static class WithUnidirectionalOneToMany {
        @Id
        Long id;
        @OneToMany
        @JoinColumn(name = "owner_id")
        List<Child> children = new ArrayList<>();
    }

    @Entity
    static class WithTargetEntity {
        @Id
        Long id;
        @ManyToOne(targetEntity = Parent.class)
        Object parent;
    }

    @Entity
    static class WithAttributeOverride {
        @Id
        Long id;
        @Embedded
        @AttributeOverride(name = "a", column = @Column(name = "key_a"))
        Key key;
    }

    @Entity
    static class WithJoinColumns {
        @Id
        Long id;
        @ManyToOne
        @JoinColumns({@JoinColumn(name = "a"), @JoinColumn(name = "b")})
        Parent parent;
    }

    @Entity
    @SecondaryTable(name = "extra")
    static class WithSecondaryTable {
        @Id
        Long id;
    }

    @Entity
    static class WithLazyBasic {
        @Id
        Long id;
        @Basic(fetch = FetchType.LAZY)
        String body;
    }

    @Entity
    static class WithSequenceStart {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
        @SequenceGenerator(name = "ids", initialValue = 1000)
        Long id;
    }

    @Entity
    static class WithMissingGenerator {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "nowhere")
        Long id;
    }

    @Entity
    static class WithConvertAttributeName {
        @Id
        Long id;
        @Convert(attributeName = "a")
        Key key;
    }

    @Entity
    static class MixedWithAthanor {
        @Id
        Long id;
        @io.athanor.orm.annotations.Column(length = 10)
        String name;
    }

    @io.athanor.orm.annotations.Entity
    static class AthanorMixedWithJakarta {
        @io.athanor.orm.annotations.Id
        Long id;
        @Column(length = 10)
        String name;
    }

    @Entity
    @io.athanor.orm.annotations.Entity
    static class BothEntities {
        @Id
        Long id;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(FromMappedSuperclass.class, List.of("FromMappedSuperclass declares an @Id, but",
                        "Base, which it extends, declares the id already", "Remove the @Id field from FromMappedSuperclass")),
                Arguments.of(WithInheritance.class, List.of("WithInheritance has @Inheritance(strategy = TABLE_PER_CLASS)",
                        "Use @Inheritance(strategy = SINGLE_TABLE) or JOINED")),
                Arguments.of(WithIdClass.class, List.of("WithIdClass is annotated @IdClass", "composite keys",
                        "single @Id")),
                Arguments.of(WithEmbeddedId.class, List.of("WithEmbeddedId.key is annotated @EmbeddedId",
                        "composite keys")),
                Arguments.of(WithElementCollection.class, List.of("WithElementCollection.nicknames is annotated "
                        + "@ElementCollection", "as an @Entity with a @ManyToOne")),
                Arguments.of(WithLob.class, List.of("WithLob.body is annotated @Lob", "columnDefinition = \"text\"")),
                Arguments.of(WithTemporal.class, List.of("WithTemporal.at is annotated @Temporal", "java.time")),
                Arguments.of(Parent.class, List.of("Parent.children is annotated @OrderColumn", "@OrderBy")),
                Arguments.of(WithNamedQuery.class, List.of("WithNamedQuery is annotated @NamedQuery",
                        "typed query language")),
                Arguments.of(WithListeners.class, List.of("WithListeners is annotated @ExcludeSuperclassListeners",
                        "calls the @EntityListeners of superclasses")),
                Arguments.of(WithCallbacks.class, List.of("WithCallbacks.beforeInsert() has 1 parameter(s); it must take no "
                        + "parameter", "WithCallbacks.afterLoad() is static")),
                Arguments.of(WithPropertyAccess.class, List.of("@Access(AccessType.PROPERTY) is not supported",
                        "WithPropertyAccess.getId() is annotated @Id", "move it to the field")),
                Arguments.of(WithTableGenerator.class, List.of("WithTableGenerator.id has @GeneratedValue(strategy = "
                        + "TABLE)", "IDENTITY, SEQUENCE or UUID")),
                Arguments.of(WithUnidirectionalOneToMany.class, List.of("WithUnidirectionalOneToMany.children is "
                        + "a @OneToMany without mappedBy", "Map the @ManyToOne on the target")),
                Arguments.of(WithTargetEntity.class, List.of("WithTargetEntity.parent names targetEntity = Parent",
                        "remove targetEntity")),
                Arguments.of(WithAttributeOverride.class, List.of("WithAttributeOverride.key is annotated "
                        + "@AttributeOverride", "@Column(name = ...)")),
                Arguments.of(WithJoinColumns.class, List.of("WithJoinColumns.parent is annotated @JoinColumns",
                        "single-column")),
                Arguments.of(WithSecondaryTable.class, List.of("WithSecondaryTable is annotated @SecondaryTable",
                        "one table")),
                Arguments.of(WithLazyBasic.class, List.of("WithLazyBasic.body has @Basic(fetch = LAZY)")),
                Arguments.of(WithSequenceStart.class, List.of("WithSequenceStart.id has @SequenceGenerator(name = "
                        + "\"ids\") with an initialValue")),
                Arguments.of(WithMissingGenerator.class, List.of("WithMissingGenerator.id has @GeneratedValue(generator"
                        + " = \"nowhere\"), but no @SequenceGenerator of that name")),
                Arguments.of(WithConvertAttributeName.class, List.of("WithConvertAttributeName.key has "
                        + "@Convert(attributeName = \"a\")")),
                Arguments.of(MixedWithAthanor.class, List.of("MixedWithAthanor.name carries "
                        + "@io.athanor.orm.annotations.Column", "mapped with @jakarta.persistence.Entity")),
                Arguments.of(AthanorMixedWithJakarta.class, List.of("AthanorMixedWithJakarta.name carries "
                        + "@jakarta.persistence.Column", "mapped with Athanor's @Entity")),
                Arguments.of(BothEntities.class, List.of("BothEntities is annotated with both "
                        + "@io.athanor.orm.annotations.Entity and @jakarta.persistence.Entity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void unsupportedAnnotationsAreRefusedNamingTheClassMemberAndFix(Class<?> entity, List<String> fragments) {
        String all = String.join("\n", entity == Parent.class ? problems(Parent.class, Child.class) : problems(entity));
        assertThat(all).contains(entity.getName()).contains(fragments);
    }

    @Test
    void aClassWithoutEitherEntityAnnotationNamesBoth() {
        assertThat(problems(Key.class)).containsExactly(Key.class.getName() + " is not annotated @Entity; annotate it "
                + "(io.athanor.orm.annotations.Entity or jakarta.persistence.Entity), or do not register it.");
    }
}
