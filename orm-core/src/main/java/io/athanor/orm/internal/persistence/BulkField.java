package io.athanor.orm.internal.persistence;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.Map;

/**
 * A name a bulk row may give: a mapped field (its column), or an owning to-one relationship (its foreign-key
 * column, given the related instance or its key). {@code planColumn} is the column's index in the entity's
 * {@link WritePlan}, so in its snapshots; -1 where the field is not one of the plan's columns.
 */
final class BulkField {
    final String name;
    final ColumnModel column;
    final PropertyModel property;
    final RelationshipModel relation;
    final PropertyModel referencedKey;
    final int planColumn;
    /** The value every row stores (a single-table entity's discriminator), or {@code null}. */
    private final Object constant;

    private BulkField(String name, ColumnModel column, PropertyModel property, RelationshipModel relation,
                      PropertyModel referencedKey, int planColumn) {
        this(name, column, property, relation, referencedKey, planColumn, null);
    }

    private BulkField(String name, ColumnModel column, PropertyModel property, RelationshipModel relation,
                      PropertyModel referencedKey, int planColumn, Object constant) {
        this.constant = constant;
        this.name = name;
        this.column = column;
        this.property = property;
        this.relation = relation;
        this.referencedKey = referencedKey;
        this.planColumn = planColumn;
    }

    static BulkField of(PropertyModel p, WritePlan plan) {
        return new BulkField(p.path(), p.column(), p, null, null, index(plan, p.column().name()));
    }

    static BulkField of(WritePlan.Column c, WritePlan plan) {
        return new BulkField(c.relation.name(), c.model, null, c.relation, c.referencedKey, plan.columns.indexOf(c));
    }

    /** The discriminator column of a single-table entity, with the entity's own value in every row. */
    static BulkField discriminator(io.athanor.orm.internal.meta.InheritanceModel inheritance, WritePlan plan) {
        ColumnModel c = inheritance.discriminator();
        return new BulkField(c.name(), c, null, null, null, index(plan, c.name()), inheritance.value());
    }

    private static int index(WritePlan plan, String column) {
        for (int i = 0; i < plan.columns.size(); i++) {
            if (plan.columns.get(i).model.name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The value to store from {@code row}: the field's value, or for a relationship the key of the instance given. */
    Object value(Map<String, ?> row, EntityModel model) {
        if (constant != null) {
            return constant;
        }
        Object v = row.get(name);
        if (relation == null || v == null) {
            return v;
        }
        String target = relation.target().getSimpleName();
        if (relation.target().isInstance(v)) {
            Object key = referencedKey.accessor().get(v);
            if (key == null) {
                throw new AthanorException("A bulk row sets " + model.name() + "." + name + " to a " + target + " that has no key "
                        + "yet. Save it first (session.add, then session.flush()), or give the key of an existing " + target + ".");
            }
            return key;
        }
        if (referencedKey.javaType().isInstance(v)) {
            return v;
        }
        throw new AthanorException("A bulk row gives a " + v.getClass().getName() + " for " + model.name() + "." + name
                + ", a relationship to " + target + ": give a " + target + " or its key (a "
                + referencedKey.javaType().getSimpleName() + ").");
    }
}
