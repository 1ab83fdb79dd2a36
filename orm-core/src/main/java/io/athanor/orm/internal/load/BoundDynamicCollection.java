package io.athanor.orm.internal.load;

import io.athanor.orm.DynamicCollection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Order;
import io.athanor.orm.query.ReferenceAttribute;
import io.athanor.orm.query.Select;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A dynamic relationship bound to a session: each call runs a query of the owner's elements. */
final class BoundDynamicCollection<T> implements DynamicCollection<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final transient RowLoader loader;
    private final transient Object owner;
    private final transient RelationshipModel relationship;
    /** The narrowing applied to the base query; {@code null} for the whole relationship. */
    private final transient UnaryOperator<Select<T>> narrowing;

    BoundDynamicCollection(RowLoader loader, Object owner, RelationshipModel relationship,
                           UnaryOperator<Select<T>> narrowing) {
        if (relationship.kind() != RelationshipModel.Kind.ONE_TO_MANY || relationship.inverse() == null) {
            throw new AthanorException(relationship + " is DYNAMIC, which needs a one-to-many relationship with mappedBy.");
        }
        this.loader = loader;
        this.owner = owner;
        this.relationship = relationship;
        this.narrowing = narrowing;
    }

    boolean belongsTo(RowLoader l) {
        return loader == l;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Select<T> query() {
        if (!loader.context().isOpen() || loader.map().entryOf(owner) == null) {
            throw Relationships.detached(relationship, owner);
        }
        EntityModel child = loader.context().metadata().entity(relationship.target());
        ReferenceAttribute back = new ReferenceAttribute(child.type(), relationship.inverse().name(), relationship.owner());
        String shard = loader.map().entryOf(owner).shard;          // a sharded owner's children are in its shard
        Select<T> base = (Select<T>) (shard == null ? loader.context().session().select(child.type())
                : loader.context().session().onShard(shard).select(child.type())).where(back.eq(owner));
        if (narrowing == null) {
            return base.orderBy(Relationships.orderOf(relationship, child));
        }
        return narrowing.apply(base);
    }

    private DynamicCollection<T> narrowed(UnaryOperator<Select<T>> step) {
        UnaryOperator<Select<T>> before = narrowing;
        UnaryOperator<Select<T>> combined = before == null ? step : q -> step.apply(before.apply(q));
        return new BoundDynamicCollection<>(loader, owner, relationship, combined);
    }

    @Override
    public DynamicCollection<T> where(Expression<Boolean> condition) {
        return narrowed(q -> q.where(condition));
    }

    @Override
    public DynamicCollection<T> orderBy(Order... orders) {
        return narrowed(q -> q.orderBy(orders));
    }

    @Override
    public DynamicCollection<T> orderBy(Expression<?>... expressions) {
        return narrowed(q -> q.orderBy(expressions));
    }

    @Override
    public DynamicCollection<T> limit(int n) {
        return narrowed(q -> q.limit(n));
    }

    @Override
    public DynamicCollection<T> offset(int n) {
        return narrowed(q -> q.offset(n));
    }

    @Override
    public List<T> list() {
        return query().list();
    }

    @Override
    public Stream<T> stream() {
        return query().stream();
    }

    @Override
    public long count() {
        return query().count();
    }

    @Override
    public void add(T element) {
        if (!loader.context().isOpen()) {
            throw Relationships.detached(relationship, owner);
        }
        relationship.inverse().accessor().set(element, owner);
        if (!loader.context().session().contains(element)) {
            loader.context().session().add(element);
        }
    }

    @Override
    public void remove(T element) {
        if (!loader.context().isOpen()) {
            throw Relationships.detached(relationship, owner);
        }
        if (relationship.orphanRemoval() && loader.context().session().contains(element)) {
            loader.context().session().delete(element);
        } else {
            relationship.inverse().accessor().set(element, null);
        }
    }

    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    @Override
    public String toString() {
        return "DynamicCollection[" + relationship + "]";
    }

    /** A query bound to a session has no elements to write: refuse, naming the relationship. */
    private Object writeReplace() throws java.io.ObjectStreamException {
        throw new java.io.NotSerializableException(relationship + " is a dynamic relationship: a query run through the "
                + "session, with no elements held to serialise. Mark the field transient, or copy the elements you need.");
    }
}
