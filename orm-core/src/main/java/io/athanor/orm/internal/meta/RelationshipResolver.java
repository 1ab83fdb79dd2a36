package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.OnDelete;
import io.athanor.orm.internal.meta.RelationshipModel.Kind;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Resolves relationship targets, adds foreign key columns and link tables, and links both sides. */
final class RelationshipResolver {
    private final Map<Class<?>, EntityDraft> drafts;
    private final List<String> problems;
    private final List<TableModel> joinTables = new ArrayList<>();

    RelationshipResolver(Map<Class<?>, EntityDraft> drafts, List<String> problems) {
        this.drafts = drafts;
        this.problems = problems;
    }

    List<TableModel> resolve() {
        for (EntityDraft owner : drafts.values()) {
            for (RelationshipDraft r : owner.relationships) {
                EntityDraft target = drafts.get(r.target);
                if (target == null) {
                    problems.add("Field " + r.describe() + " refers to " + r.target.getName() + ", which is not a registered "
                            + "entity. Register it with SessionFactory.builder(engine).entities(..., "
                            + r.target.getSimpleName() + ".class).");
                    continue;
                }
                if (!r.mappedBy.isEmpty()) {
                    r.model = model(owner, r, List.of(), List.of(), null);
                } else if (r.kind == Kind.MANY_TO_MANY) {
                    resolveLinkTable(owner, target, r);
                } else {
                    resolveForeignKey(owner, target, r);
                }
                checkOrderBy(target, r);
            }
        }
        for (EntityDraft owner : drafts.values()) {
            for (RelationshipDraft r : owner.relationships) {
                if (r.model != null && !r.mappedBy.isEmpty()) {
                    linkInverse(owner, r);
                }
            }
        }
        return joinTables;
    }

    private RelationshipModel model(EntityDraft owner, RelationshipDraft r, List<String> joinColumns,
                                    List<String> referencedColumns, TableModel joinTable) {
        return model(owner, r, joinColumns, referencedColumns, joinTable, OnDelete.NO_ACTION);
    }

    private RelationshipModel model(EntityDraft owner, RelationshipDraft r, List<String> joinColumns,
                                    List<String> referencedColumns, TableModel joinTable, OnDelete onDelete) {
        return new RelationshipModel(r.kind, owner.type, r.field.getName(), r.target, r.collectionType, r.accessor, r.fetch,
                r.cascade, r.orphanRemoval, r.orderBy, r.mappedBy, joinColumns, referencedColumns, joinTable,
                r.passiveDeletes, onDelete, r.viewOnly);
    }

    private PropertyModel singleId(EntityDraft target, RelationshipDraft r) {
        List<PropertyModel> ids = target.ids();
        if (ids.size() != 1) {
            if (!ids.isEmpty()) {
                problems.add("Field " + r.describe() + " refers to " + target.simpleName() + ", whose primary key has "
                        + ids.size() + " columns; relationships to entities with composite keys are not supported. Give "
                        + target.simpleName() + " a single-column key (and a unique constraint over the others).");
            }
            return null;
        }
        return ids.get(0);
    }

    private void resolveForeignKey(EntityDraft owner, EntityDraft target, RelationshipDraft r) {
        PropertyModel targetId = singleId(target, r);
        if (targetId == null) {
            return;
        }
        JoinColumn jc = r.joinColumn;
        PropertyModel referencedProperty = targetId;
        if (jc != null && !jc.referencedColumnName().isEmpty() && !jc.referencedColumnName().equals(targetId.column().name())) {
            referencedProperty = target.propertyForColumn(jc.referencedColumnName());
            if (referencedProperty == null) {
                problems.add("Field " + r.describe() + " names referencedColumnName '" + jc.referencedColumnName() + "', which is "
                        + "not a column of " + target.simpleName() + " (table " + target.table + ").");
                return;
            }
        }
        ColumnModel referenced = referencedProperty.column();
        Class<?> keyType = referencedProperty.javaType();
        String column = jc != null && !jc.name().isEmpty() ? jc.name() : Names.snake(r.field.getName()) + "_" + referenced.name();
        boolean nullable = r.optional && (jc == null || jc.nullable());
        boolean unique = r.kind == Kind.ONE_TO_ONE;
        PropertyModel shared = owner.propertyForColumn(column);
        if (shared != null) {
            if (shared.javaType() != keyType) {
                problems.add("Field " + r.describe() + " uses column '" + column + "', which field " + owner.simpleName() + "."
                        + shared.path() + " also maps, but as " + shared.javaType().getSimpleName() + " while "
                        + target.simpleName() + "'s key is " + keyType.getSimpleName() + ". Make the types match.");
                return;
            }
        } else if (owner.extraColumns.stream().anyMatch(c -> c.name().equals(column))) {
            problems.add("Field " + r.describe() + " uses join column '" + column + "', which another relationship of "
                    + owner.simpleName() + " uses too; give one a different @JoinColumn(name).");
            return;
        } else {
            owner.extraColumns.add(new ColumnModel(column, referenced.type(), nullable, unique, true, true, "", false));
        }
        OnDelete onDelete = jc == null ? OnDelete.NO_ACTION : jc.onDelete();
        boolean columnNullable = shared != null ? shared.column().nullable() : nullable;
        if (onDelete == OnDelete.SET_NULL && !columnNullable) {
            problems.add("Field " + r.describe() + " has onDelete = SET_NULL, but its column '" + column + "' is NOT NULL; "
                    + "make the relationship optional or choose another onDelete.");
        }
        String fkName = jc != null && !jc.foreignKeyName().isEmpty() ? jc.foreignKeyName() : "fk_" + owner.table + "_" + column;
        owner.foreignKeys.add(new ForeignKeyModel(fkName, List.of(column), target.schema, target.table,
                List.of(referenced.name()), onDelete));
        r.model = model(owner, r, List.of(column), List.of(referenced.name()), null, onDelete);
    }

    private void resolveLinkTable(EntityDraft owner, EntityDraft target, RelationshipDraft r) {
        PropertyModel ownerId = singleId(owner, r);
        PropertyModel targetId = singleId(target, r);
        if (ownerId == null || targetId == null) {
            return;
        }
        JoinTable jt = r.joinTable;
        String name = jt != null && !jt.name().isEmpty() ? jt.name() : owner.table + "_" + target.table;
        String schema = jt != null && !jt.schema().isEmpty() ? jt.schema() : owner.schema;
        String ownerColumn = jt != null && !jt.joinColumn().isEmpty() ? jt.joinColumn() : owner.table + "_" + ownerId.column().name();
        String targetColumn = jt != null && !jt.inverseJoinColumn().isEmpty() ? jt.inverseJoinColumn()
                : target.table + "_" + targetId.column().name();
        if (ownerColumn.equals(targetColumn)) {
            problems.add("Field " + r.describe() + " would give link table " + name + " two columns named '" + ownerColumn
                    + "'; name them with @JoinTable(joinColumn = ..., inverseJoinColumn = ...).");
            return;
        }
        List<ColumnModel> columns = List.of(
                new ColumnModel(ownerColumn, ownerId.column().type(), false, false, true, true, "", false),
                new ColumnModel(targetColumn, targetId.column().type(), false, false, true, true, "", false));
        List<ForeignKeyModel> fks = List.of(
                new ForeignKeyModel("fk_" + name + "_" + ownerColumn, List.of(ownerColumn), owner.schema, owner.table,
                        List.of(ownerId.column().name()), OnDelete.CASCADE),
                new ForeignKeyModel("fk_" + name + "_" + targetColumn, List.of(targetColumn), target.schema, target.table,
                        List.of(targetId.column().name()), OnDelete.CASCADE));
        TableModel table = new TableModel(schema, name, columns, List.of(ownerColumn, targetColumn), fks, List.of());
        joinTables.add(table);
        r.model = model(owner, r, List.of(), List.of(), table);
    }

    private void linkInverse(EntityDraft owner, RelationshipDraft r) {
        EntityDraft target = drafts.get(r.target);
        RelationshipDraft other = null;
        for (RelationshipDraft candidate : target.relationships) {
            if (candidate.field.getName().equals(r.mappedBy)) {
                other = candidate;
            }
        }
        if (other == null) {
            boolean isField = Arrays.stream(target.type.getDeclaredFields()).anyMatch(f -> f.getName().equals(r.mappedBy));
            if (!isField) {
                List<String> names = Arrays.stream(target.type.getDeclaredFields()).map(Field::getName).collect(Collectors.toList());
                problems.add("mappedBy '" + r.mappedBy + "' on " + r.describe() + " names no field of " + target.simpleName()
                        + "; " + target.simpleName() + "'s fields are " + names + ".");
            } else {
                problems.add("mappedBy '" + r.mappedBy + "' on " + r.describe() + " names " + target.simpleName() + "."
                        + r.mappedBy + ", which is not a relationship back to " + owner.simpleName() + ". Point mappedBy at the "
                        + expectedOwningKind(r.kind) + " field of " + target.simpleName() + " that refers to " + owner.simpleName() + ".");
            }
            return;
        }
        boolean kindsMatch = (r.kind == Kind.ONE_TO_MANY && other.kind == Kind.MANY_TO_ONE)
                || (r.kind == Kind.ONE_TO_ONE && other.kind == Kind.ONE_TO_ONE && other.mappedBy.isEmpty())
                || (r.kind == Kind.MANY_TO_MANY && other.kind == Kind.MANY_TO_MANY && other.mappedBy.isEmpty());
        if (!kindsMatch || !other.target.isAssignableFrom(owner.type)) {
            problems.add("mappedBy '" + r.mappedBy + "' on " + r.describe() + " names " + other.describe() + ", which does not "
                    + "refer back to " + owner.simpleName() + " (it is a " + other.kind.name().toLowerCase(Locale.ROOT)
                    + " to " + other.target.getSimpleName() + "). Point mappedBy at the " + expectedOwningKind(r.kind)
                    + " field of " + target.simpleName() + " that refers to " + owner.simpleName() + ".");
            return;
        }
        if (other.model != null) {
            r.model.linkInverse(other.model);
            if (other.target == owner.type) {
                // a subclass inheriting the inverse side links to the owning side, not back
                other.model.linkInverse(r.model);
            }
        }
    }

    private static String expectedOwningKind(Kind kind) {
        switch (kind) {
            case ONE_TO_MANY:
                return "@ManyToOne";
            case ONE_TO_ONE:
                return "owning @OneToOne";
            default:
                return "owning @ManyToMany";
        }
    }

    private void checkOrderBy(EntityDraft target, RelationshipDraft r) {
        if (r.orderBy.isBlank()) {
            return;
        }
        for (String part : r.orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            String direction = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            boolean known = target.properties.stream().anyMatch(p -> p.path().equals(words[0]));
            if (!known || words.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                problems.add("orderBy '" + r.orderBy + "' on " + r.describe() + " must list fields of " + target.simpleName()
                        + ", each optionally followed by asc or desc; '" + part.trim() + "' is not one.");
            }
        }
    }
}
