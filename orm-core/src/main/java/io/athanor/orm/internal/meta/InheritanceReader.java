package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.PrimaryKeyJoinColumn;
import java.util.List;

/** Reads one entity class's inheritance annotations into its draft and notes what is refused (TABLE_PER_CLASS). */
final class InheritanceReader {
    private final MappingAnnotations annotations;
    private final List<String> problems;

    InheritanceReader(MappingAnnotations annotations, List<String> problems) {
        this.annotations = annotations;
        this.problems = problems;
    }

    void read(EntityDraft draft, Class<?> root) {
        Class<?> type = draft.type;
        Inheritance inheritance = annotations.get(type, Inheritance.class);
        DiscriminatorColumn column = annotations.get(type, DiscriminatorColumn.class);
        DiscriminatorValue value = annotations.get(type, DiscriminatorValue.class);
        if (inheritance != null && root != type) {
            Inheritance rootInheritance = annotations.get(root, Inheritance.class);
            InheritanceType rootStrategy = rootInheritance == null ? InheritanceType.SINGLE_TABLE : rootInheritance.strategy();
            problems.add(type.getName() + " has @Inheritance(strategy = " + inheritance.strategy() + "), but it extends "
                    + "entity " + root.getName() + ", the root of its hierarchy" + (rootStrategy != inheritance.strategy()
                    ? ", which is " + rootStrategy + "; one hierarchy cannot mix strategies" : "")
                    + ". Declare @Inheritance on the root only, and remove it from " + type.getSimpleName() + ".");
        }
        if (inheritance != null && root == type) {
            refuseStrategy(type, inheritance.strategy());
        }
        if (column != null && root != type) {
            problems.add(type.getName() + " has @DiscriminatorColumn, but the discriminator column belongs to the root "
                    + root.getName() + ". Move it there.");
        }
        PrimaryKeyJoinColumn key = annotations.get(type, PrimaryKeyJoinColumn.class);
        if (key != null && !draft.joined) {
            problems.add(type.getName() + " has @PrimaryKeyJoinColumn, which only joined-table inheritance uses, but "
                    + (root == type ? "it is not a subclass entity" : "its root " + root.getName() + " stores the hierarchy in one "
                    + "table") + ". Remove it, or put @Inheritance(strategy = JOINED) on the root.");
        } else if (key != null && root == type) {
            problems.add(type.getName() + " has @PrimaryKeyJoinColumn, but it is the root of its joined hierarchy, whose "
                    + "table holds the id column itself. Put @PrimaryKeyJoinColumn on the subclasses, or remove it.");
        } else if (key != null) {
            draft.keyColumn = key.name();
        }
        draft.inheritance = root == type ? inheritance : null;
        draft.discriminator = root == type ? column : null;
        draft.discriminatorValue = value == null ? null : value.value();
    }

    private void refuseStrategy(Class<?> type, InheritanceType strategy) {
        if (strategy == InheritanceType.TABLE_PER_CLASS) {
            problems.add(type.getName() + " has @Inheritance(strategy = TABLE_PER_CLASS), which Athanor does not map. Use "
                    + "@Inheritance(strategy = SINGLE_TABLE) or JOINED for polymorphic queries, or make " + type.getSimpleName()
                    + " a @MappedSuperclass to give each entity its own full table (queried one entity at a time).");
        }
    }
}
