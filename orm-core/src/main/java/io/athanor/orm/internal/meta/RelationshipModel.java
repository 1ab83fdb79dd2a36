package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.OnDelete;
import java.util.List;
import java.util.Set;

/**
 * A relationship between two entities, with both sides linked.
 *
 * <p>The owning side of a to-one holds {@link #joinColumns()} in its own table; the owning side of a
 * many-to-many holds {@link #joinTable()}; an inverse side ({@code mappedBy}) holds neither and points
 * at its owner through {@link #inverse()}.
 */
public final class RelationshipModel {

    /** The four kinds of relationship. */
    public enum Kind { MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    private final Kind kind;
    private final Class<?> owner;
    private final String name;
    private final Class<?> target;
    private final Class<?> collectionType;
    private final Accessor accessor;
    private final FetchMode fetch;
    private final Set<CascadeType> cascade;
    private final boolean orphanRemoval;
    private final String orderBy;
    private final String mappedBy;
    private final List<String> joinColumns;
    private final List<String> referencedColumns;
    private final TableModel joinTable;
    private final List<OrderTerm> orderTerms;
    private final boolean passiveDeletes;
    private final boolean viewOnly;
    private final OnDelete onDelete;
    private RelationshipModel inverse;

    /** One field of a to-many relationship's {@code orderBy}, parsed once. */
    public record OrderTerm(String path, boolean descending) {
    }

    RelationshipModel(Kind kind, Class<?> owner, String name, Class<?> target, Class<?> collectionType, Accessor accessor,
                      FetchMode fetch, Set<CascadeType> cascade, boolean orphanRemoval, String orderBy, String mappedBy,
                      List<String> joinColumns, List<String> referencedColumns, TableModel joinTable,
                      boolean passiveDeletes, OnDelete onDelete, boolean viewOnly) {
        this.kind = kind;
        this.owner = owner;
        this.name = name;
        this.target = target;
        this.collectionType = collectionType;
        this.accessor = accessor;
        this.fetch = fetch;
        this.cascade = cascade;
        this.orphanRemoval = orphanRemoval;
        this.orderBy = orderBy;
        this.mappedBy = mappedBy;
        this.joinColumns = joinColumns;
        this.referencedColumns = referencedColumns;
        this.joinTable = joinTable;
        this.orderTerms = parse(orderBy);
        this.passiveDeletes = passiveDeletes;
        this.onDelete = onDelete;
        this.viewOnly = viewOnly;
    }

    private static List<OrderTerm> parse(String orderBy) {
        if (orderBy.isBlank()) {
            return List.of();
        }
        java.util.ArrayList<OrderTerm> terms = new java.util.ArrayList<>();
        for (String part : orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            terms.add(new OrderTerm(words[0], words.length > 1 && words[1].equalsIgnoreCase("desc")));
        }
        return List.copyOf(terms);
    }

    /** Links the other side; called once while the metadata is built. */
    void linkInverse(RelationshipModel other) {
        this.inverse = other;
    }

    public Kind kind() {
        return kind;
    }

    public Class<?> owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public Class<?> target() {
        return target;
    }

    /** For to-many: the field's collection type ({@code List}, {@code Set}, ...); {@code null} for to-one. */
    public Class<?> collectionType() {
        return collectionType;
    }

    public Accessor accessor() {
        return accessor;
    }

    public FetchMode fetch() {
        return fetch;
    }

    public Set<CascadeType> cascade() {
        return cascade;
    }

    public boolean orphanRemoval() {
        return orphanRemoval;
    }

    public String orderBy() {
        return orderBy;
    }

    /** The fields of {@link #orderBy()}, in order (checked against the target when the mapping was read). */
    public List<OrderTerm> orderTerms() {
        return orderTerms;
    }

    /** Whether {@link #orderBy()} already orders by the field {@code path}, in either direction. */
    public boolean ordersBy(String path) {
        for (OrderTerm t : orderTerms) {
            if (t.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** The owning field on the other side, for an inverse side; empty for an owning side. */
    public String mappedBy() {
        return mappedBy;
    }

    /** Whether this side holds the foreign key or the link table. */
    public boolean owning() {
        return mappedBy.isEmpty();
    }

    /** Whether the relationship holds many entities. */
    public boolean toMany() {
        return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    }

    /** For an owning to-one: the foreign key columns in the owner's table. */
    public List<String> joinColumns() {
        return joinColumns;
    }

    /** For an owning to-one: the columns of the target that {@link #joinColumns()} refer to (its key, usually). */
    public List<String> referencedColumns() {
        return referencedColumns;
    }

    /** For an owning many-to-many: whether it only navigates and never writes link rows ({@code viewOnly}). */
    public boolean viewOnly() {
        return viewOnly;
    }

    /** For an owning many-to-many: the link table. */
    public TableModel joinTable() {
        return joinTable;
    }

    /**
     * Whether the database deletes or nulls what refers to a deleted entity of this side, so a flush neither
     * loads nor updates it: {@code passiveDeletes = true} as mapped, or, for the inverse side of a to-one
     * (a one-to-many or an inverse one-to-one), an owning side whose {@code @JoinColumn} declares
     * {@code onDelete = CASCADE} or {@code SET_NULL}. For a many-to-many side: the database deletes the link rows.
     */
    public boolean passiveDeletes() {
        if (passiveDeletes) {
            return true;
        }
        return !owning() && kind != Kind.MANY_TO_MANY && inverse != null
                && (inverse.onDelete == OnDelete.CASCADE || inverse.onDelete == OnDelete.SET_NULL);
    }

    /** For an owning to-one: what the database does to this row when the referenced row is deleted. */
    public OnDelete onDelete() {
        return onDelete;
    }

    /** The other side, or {@code null} when only one side is mapped. */
    public RelationshipModel inverse() {
        return inverse;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
