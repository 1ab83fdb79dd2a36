package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.query.Attribute;
import java.util.List;

/**
 * The SQL of joins along relationships and of to-one comparisons with an alias: which columns of the owner meet which
 * of the target (directly, or through a many-to-many's link table). Stateless; thread-safe.
 */
final class RelationshipJoins {
    private RelationshipJoins() {
    }

    /** The mapped relationship {@code attribute} names in {@code owner}. */
    static RelationshipModel relationship(EntityModel owner, Attribute<?, ?> attribute) {
        RelationshipModel r = owner.relationship(attribute.path());
        if (r == null) {
            throw new AthanorException(attribute + " is not a relationship of " + owner.name() + "; join along a relationship "
                    + "attribute such as User_.orders, or join the entity with a condition.");
        }
        return r;
    }

    /**
     * Appends the link table's join, for a many-to-many: {@code [LEFT OUTER] JOIN link l ON l.owner_id = owner.id}; the
     * target's ON then meets {@code l} (see {@link #targetCondition}).
     */
    static void appendLink(StringBuilder sql, Dialect d, RelationshipModel r, EntityModel from, String ownerAlias,
                           String linkAlias, boolean outer) {
        TableModel link = link(r);
        String ownerColumn = link.columns().get(r.owning() ? 0 : 1).name();
        sql.append(outer ? " LEFT OUTER JOIN " : " JOIN ").append(d.qualify(link.schema(), link.name())).append(' ')
                .append(linkAlias).append(" ON ").append(linkAlias).append('.').append(d.quote(ownerColumn)).append(" = ")
                .append(ownerAlias).append('.').append(d.quote(idColumn(from)));
    }

    /**
     * Appends the condition that joins the target (alias {@code targetAlias}) to the owner (alias {@code ownerAlias}), or
     * to the link table (alias {@code linkAlias}) for a many-to-many.
     */
    static void targetCondition(StringBuilder sql, Dialect d, RelationshipModel r, EntityModel to, String ownerAlias,
                                String targetAlias, String linkAlias) {
        if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
            String targetColumn = link(r).columns().get(r.owning() ? 1 : 0).name();
            sql.append(targetAlias).append('.').append(d.quote(idColumn(to))).append(" = ").append(linkAlias).append('.')
                    .append(d.quote(targetColumn));
            return;
        }
        boolean owning = r.owning();
        List<String> near = owning ? r.joinColumns() : r.inverse().referencedColumns();
        List<String> far = owning ? r.referencedColumns() : r.inverse().joinColumns();
        for (int i = 0; i < near.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.append(targetAlias).append('.').append(d.quote(far.get(i))).append(" = ").append(ownerAlias).append('.')
                    .append(d.quote(near.get(i)));
        }
    }

    /** The column of the target that to-one {@code r} refers to, for comparing the relationship with an alias. */
    static String referencedColumn(RelationshipModel r, Attribute<?, ?> attribute) {
        if (r.toMany() || !r.owning() || r.joinColumns().size() != 1) {
            throw new AthanorException(attribute + " is not a to-one relationship with a foreign key column of its own, so it "
                    + "cannot be compared with an alias; compare the key columns instead (alias.get(...)), or join along it.");
        }
        return r.referencedColumns().get(0);
    }

    private static TableModel link(RelationshipModel r) {
        return r.owning() ? r.joinTable() : r.inverse().joinTable();
    }

    private static String idColumn(EntityModel e) {
        List<PropertyModel> ids = e.idProperties();
        return ids.get(0).column().name();
    }
}
