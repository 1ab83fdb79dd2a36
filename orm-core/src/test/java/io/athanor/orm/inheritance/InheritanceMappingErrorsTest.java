package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.athanor.orm.MappingException;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.DiscriminatorType;
import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.PrimaryKeyJoinColumn;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.internal.meta.MetadataBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inheritance mappings Athanor refuses when the factory is built, each problem saying what to do instead. */
class InheritanceMappingErrorsTest {
    private static List<String> problems(Class<?>... types) {
        MappingException e = catchThrowableOfType(MappingException.class,
                () -> MetadataBuilder.build(List.of(types), H2Dialect.INSTANCE));
        assertThat(e).as("a MappingException").isNotNull();
        return e.problems();
    }

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    static class PerClassRoot {
        @Id
        Long id;
    }

    @Entity
    static class PerClassLeaf extends PerClassRoot {
        String extra;
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    @Table(name = "joined_root")
    static class JoinedRoot {
        @Id
        Long id;
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    @PrimaryKeyJoinColumn(name = "own_id")
    static class JoinedRootWithKeyColumn {
        @Id
        Long id;
    }

    @Entity
    @PrimaryKeyJoinColumn(name = "extra")
    static class JoinedLeaf extends JoinedRoot {
        String extra;
    }

    @Entity
    static class JoinedSibling extends JoinedRoot {
        @Column(name = "shared")
        String one;
    }

    @Entity
    static class JoinedOtherSibling extends JoinedRoot {
        @Column(name = "shared")
        String two;
    }

    @Entity
    @Table(name = "joined_root")
    static class JoinedSameTable extends JoinedRoot {
        String three;
    }

    @Entity
    @Inheritance
    static class SingleRoot {
        @Id
        Long id;
    }

    @Entity
    @PrimaryKeyJoinColumn(name = "root_id")
    static class SingleLeafWithKeyColumn extends SingleRoot {
        String extra;
    }

    @Entity
    @Inheritance
    static class MixedRoot {
        @Id
        Long id;
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    static class MixedLeaf extends MixedRoot {
        String extra;
    }

    @Entity
    @Inheritance
    @Table(name = "dup_root")
    static class DuplicateRoot {
        @Id
        Long id;
    }

    @Entity
    @DiscriminatorValue("x")
    static class DuplicateA extends DuplicateRoot {
    }

    @Entity
    @DiscriminatorValue("x")
    static class DuplicateB extends DuplicateRoot {
    }

    @Entity
    @Inheritance
    @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER)
    static class NumberedRoot {
        @Id
        Long id;
    }

    @Entity
    static class NotANumber extends NumberedRoot {
    }

    @Entity
    @Inheritance
    static class KeyedRoot {
        @Id
        Long id;
    }

    @Entity
    static class Rekeyed extends KeyedRoot {
        @Id
        Long otherId;
    }

    @Entity
    @Table(name = "own_table")
    static class WithOwnTable extends KeyedRoot {
    }

    @Entity
    static class UnregisteredParent extends KeyedRoot {
    }

    @Entity
    abstract static class AbstractAlone {
        @Id
        Long id;
    }

    @Test
    void tablePerClassIsRefusedNamingWhatToUseInstead() {
        assertThat(problems(PerClassRoot.class, PerClassLeaf.class)).anySatisfy(p -> assertThat(p).contains(
                "PerClassRoot has @Inheritance(strategy = TABLE_PER_CLASS)", "SINGLE_TABLE", "@MappedSuperclass"));
    }

    @Test
    void joinedHierarchiesAreCheckedNamingWhatToFix() {
        List<String> problems = problems(JoinedRoot.class, JoinedLeaf.class, JoinedSibling.class, JoinedOtherSibling.class,
                JoinedSameTable.class);
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("does not map"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Column 'extra' of", "JoinedLeaf",
                "has the name of the key column of table joined_leaf", "@PrimaryKeyJoinColumn(name = ...)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Column 'shared' of", "JoinedOtherSibling",
                "column of JoinedSibling", "joined hierarchy of JoinedRoot", "another @Column(name)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("JoinedSameTable", "JoinedRoot",
                "both map to table joined_root", "different @Table(name)"));
    }

    @Test
    void aKeyColumnOnAJoinedRootIsRefused() {
        assertThat(problems(JoinedRootWithKeyColumn.class)).anySatisfy(p -> assertThat(p).contains(
                "JoinedRootWithKeyColumn has @PrimaryKeyJoinColumn", "it is the root of its joined hierarchy",
                "Put @PrimaryKeyJoinColumn on the subclasses"));
    }

    @Test
    void aKeyColumnOfASingleTableSubclassIsRefused() {
        assertThat(problems(SingleRoot.class, SingleLeafWithKeyColumn.class)).anySatisfy(p -> assertThat(p).contains(
                "SingleLeafWithKeyColumn has @PrimaryKeyJoinColumn, which only joined-table inheritance uses",
                "stores the hierarchy in one table", "@Inheritance(strategy = JOINED)"));
    }

    @Test
    void oneHierarchyCannotMixStrategies() {
        assertThat(problems(MixedRoot.class, MixedLeaf.class)).anySatisfy(p -> assertThat(p).contains(
                "MixedLeaf has @Inheritance(strategy = JOINED)", "MixedRoot", "SINGLE_TABLE; one hierarchy cannot mix "
                        + "strategies", "Declare @Inheritance on the root only"));
    }

    @Test
    void aDiscriminatorValueUsedTwiceIsRefused() {
        assertThat(problems(DuplicateRoot.class, DuplicateA.class, DuplicateB.class)).anySatisfy(p -> assertThat(p).contains(
                "DuplicateB", "DuplicateA", "both have discriminator value 'x'", "different @DiscriminatorValue"));
    }

    @Test
    void anIntegerDiscriminatorNeedsWholeNumbers() {
        assertThat(problems(NumberedRoot.class, NotANumber.class)).anySatisfy(p -> assertThat(p).contains(
                "NotANumber has discriminator value 'NotANumber'", "INTEGER", "whole number"));
    }

    @Test
    void aSubclassRedeclaringTheIdIsRefused() {
        assertThat(problems(KeyedRoot.class, Rekeyed.class)).anySatisfy(p -> assertThat(p).contains(
                "Rekeyed declares an @Id, but", "KeyedRoot, which it extends, declares the id already"));
    }

    @Test
    void aSubclassCannotHaveATableOfItsOwn() {
        assertThat(problems(KeyedRoot.class, WithOwnTable.class)).anySatisfy(p -> assertThat(p).contains(
                "WithOwnTable has @Table", "stores it in KeyedRoot's table", "Remove @Table"));
    }

    @Test
    void theSuperclassEntityMustBeRegistered() {
        assertThat(problems(UnregisteredParent.class)).anySatisfy(p -> assertThat(p).contains(
                "UnregisteredParent extends entity", "KeyedRoot, which is not registered", "Register it too"));
    }

    @Test
    void anAbstractEntityOutsideAHierarchyIsRefused() {
        assertThat(problems(AbstractAlone.class)).anySatisfy(p -> assertThat(p).contains(
                "AbstractAlone is abstract", "make it a @MappedSuperclass"));
    }
}
