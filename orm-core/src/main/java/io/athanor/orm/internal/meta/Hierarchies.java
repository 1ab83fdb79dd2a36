package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.DiscriminatorType;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.types.ColumnTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inheritance hierarchies among the registered entities: checks them (the superclass registered, discriminator
 * values distinct and of the column's type), gives a single-table root's table the subclasses' columns (nullable)
 * and the discriminator column, and makes each member's {@link InheritanceModel}. The tables of joined hierarchies
 * are {@link JoinedHierarchies}'s. Used once, while metadata is built.
 */
final class Hierarchies {
    private final Map<Class<?>, EntityDraft> drafts;
    private final Dialect dialect;
    private final List<String> problems;
    /** Root draft to its members (the root first, then subclasses in registration order). */
    private final Map<EntityDraft, List<EntityDraft>> members = new LinkedHashMap<>();
    private final Map<EntityDraft, ColumnModel> discriminators = new HashMap<>();
    private final Map<EntityDraft, Object> values = new HashMap<>();

    Hierarchies(Map<Class<?>, EntityDraft> drafts, Dialect dialect, List<String> problems) {
        this.drafts = drafts;
        this.dialect = dialect;
        this.problems = problems;
    }

    /** Finds the hierarchies and checks them; problems go to the list. */
    void check() {
        for (EntityDraft d : drafts.values()) {
            if (d.entityParent != null && !drafts.containsKey(d.entityParent)) {
                problems.add(d.type.getName() + " extends entity " + d.entityParent.getName() + ", which is not registered. "
                        + "Register it too (entities(" + d.entityParent.getSimpleName() + ".class, " + d.simpleName()
                        + ".class, ...)), or make it a @MappedSuperclass.");
            }
        }
        for (EntityDraft d : drafts.values()) {
            EntityDraft root = root(d);
            if (root == null) {
                continue;
            }
            if (root != d || d.inheritance != null || drafts.values().stream().anyMatch(x -> x.entityParent == d.type)) {
                members.computeIfAbsent(root, r -> new ArrayList<>()).add(d);
            }
        }
        for (EntityDraft d : drafts.values()) {
            if (d.isAbstract && root(d) != null && !members.containsKey(root(d))) {
                problems.add(d.type.getName() + " is abstract; an entity must be a concrete class unless it belongs to an "
                        + "inheritance hierarchy. Register its entity subclasses, or make it a @MappedSuperclass.");
            }
        }
        members.forEach(this::checkValues);
    }

    private EntityDraft root(EntityDraft d) {
        EntityDraft current = d;
        while (current.entityParent != null) {
            current = drafts.get(current.entityParent);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private void checkValues(EntityDraft root, List<EntityDraft> hierarchy) {
        DiscriminatorColumn dc = root.discriminator;
        boolean told = root.joined && dc == null; // told by the subclass tables that have a row, not stored
        String name = dc == null ? (told ? JoinedHierarchies.CLASS_COLUMN : "dtype") : dc.name();
        DiscriminatorType type = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
        int length = dc == null ? (told ? 255 : 31) : dc.length();
        Class<?> javaType = type == DiscriminatorType.INTEGER ? Integer.class : String.class;
        ColumnModel column = new ColumnModel(name, ColumnTypes.of(javaType, EnumType.STRING,
                type == DiscriminatorType.CHAR ? 1 : length, 0, -1, "", dialect), false, false, true, false, "", false);
        discriminators.put(root, column);
        Map<Object, EntityDraft> seen = new HashMap<>();
        for (EntityDraft d : hierarchy) {
            if (d.isAbstract && d.discriminatorValue == null) {
                continue; // never a row of its own, so no value of its own
            }
            String text = d.discriminatorValue != null ? d.discriminatorValue : d.name;
            Object value = text;
            if (type == DiscriminatorType.INTEGER) {
                try {
                    value = Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    problems.add(d.type.getName() + " has discriminator value '" + text + "', but the discriminator column "
                            + name + " of " + root.simpleName() + " is INTEGER. Give it @DiscriminatorValue with a whole number.");
                    continue;
                }
            } else if (type == DiscriminatorType.CHAR && text.length() != 1) {
                problems.add(d.type.getName() + " has discriminator value '" + text + "', but the discriminator column "
                        + name + " of " + root.simpleName() + " is CHAR. Give it @DiscriminatorValue with one character.");
                continue;
            } else if (text.length() > length) {
                problems.add(d.type.getName() + " has discriminator value '" + text + "', longer than the " + length
                        + " characters of column " + name + ". Give it a shorter @DiscriminatorValue, or a larger "
                        + "@DiscriminatorColumn(length).");
                continue;
            }
            EntityDraft previous = seen.putIfAbsent(value, d);
            if (previous != null) {
                problems.add(d.type.getName() + " and " + previous.type.getName() + " both have discriminator value '" + text
                        + "'; each entity of a hierarchy needs its own. Give one a different @DiscriminatorValue.");
            }
            values.put(d, value);
        }
        if (!told && root.propertyForColumn(name) != null) {
            problems.add("The discriminator column '" + name + "' of " + root.simpleName() + " is also mapped by a field; "
                    + "Athanor writes it itself. Rename the field's column or give @DiscriminatorColumn another name.");
        }
    }

    /** Whether {@code d} is a subclass entity stored in its root's table (so it has no table of its own). */
    boolean isSubclass(EntityDraft d) {
        return d.entityParent != null && !d.joined;
    }

    /** The joined hierarchies: each root's draft to its members (the root first). */
    Map<EntityDraft, List<EntityDraft>> joined() {
        Map<EntityDraft, List<EntityDraft>> out = new LinkedHashMap<>();
        members.forEach((root, hierarchy) -> {
            if (root.joined) {
                out.put(root, hierarchy);
            }
        });
        return out;
    }

    /** The discriminator column of the hierarchy of {@code root} (a column no table has, for a joined one without one). */
    ColumnModel discriminator(EntityDraft root) {
        return discriminators.get(root);
    }

    /** The discriminator value of {@code d}, or {@code null} for an abstract entity without one. */
    Object value(EntityDraft d) {
        return values.get(d);
    }

    /**
     * Gives each root's draft the columns, foreign keys and indexes of its subclasses (columns nullable, as rows
     * of other classes leave them empty) and the discriminator column. Run after relationships are resolved.
     */
    void mergeIntoRoots() {
        members.forEach((root, hierarchy) -> {
            if (root.joined) {
                if (root.discriminator != null) {
                    root.extraColumns.add(discriminators.get(root));
                }
                return; // each subclass has a table of its own: see JoinedHierarchies
            }
            List<String> names = new ArrayList<>();
            root.columns().forEach(c -> names.add(c.name()));
            for (EntityDraft d : hierarchy) {
                if (d == root) {
                    continue;
                }
                for (ColumnModel c : d.columns()) {
                    if (!names.contains(c.name())) {
                        names.add(c.name());
                        root.extraColumns.add(new ColumnModel(c.name(), c.type(), true, c.unique(), c.insertable(),
                                c.updatable(), c.serverDefault(), c.identity()));
                    }
                }
                for (ForeignKeyModel fk : d.foreignKeys) {
                    if (root.foreignKeys.stream().noneMatch(x -> x.name().equals(fk.name()))) {
                        root.foreignKeys.add(fk);
                    }
                }
            }
            root.extraColumns.add(discriminators.get(root));
        });
    }

    /** The root of {@code d}'s single-table hierarchy, or {@code null} when {@code d} is in none. */
    EntityDraft rootOf(EntityDraft d) {
        EntityDraft root = root(d);
        return root != null && members.containsKey(root) ? root : null;
    }

    /**
     * The inheritance of {@code d}, given the row layout its hierarchy shares and, for a joined hierarchy, its
     * tables; {@code null} when it is in none.
     */
    InheritanceModel model(EntityDraft d, List<ColumnModel> layout, JoinedModel joined) {
        EntityDraft root = rootOf(d);
        if (root == null) {
            return null;
        }
        ColumnModel discriminator = discriminators.get(root);
        Map<Object, Class<?>> classes = new LinkedHashMap<>();
        List<Object> below = new ArrayList<>();
        for (EntityDraft m : members.get(root)) {
            if (!m.isAbstract && values.containsKey(m)) {
                classes.put(values.get(m), m.type);
                if (d.type.isAssignableFrom(m.type)) {
                    below.add(values.get(m));
                }
            }
        }
        int index = -1;
        for (int i = 0; i < layout.size(); i++) {
            if (layout.get(i).name().equals(discriminator.name())) {
                index = i;
            }
        }
        return new InheritanceModel(root.type, discriminator, index, values.get(d), Map.copyOf(classes), List.copyOf(below),
                joined);
    }
}
