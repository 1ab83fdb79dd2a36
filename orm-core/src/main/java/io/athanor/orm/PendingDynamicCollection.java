package io.athanor.orm;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Order;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The dynamic relationship of a new owner: a list of elements to save with it. */
final class PendingDynamicCollection<T> implements DynamicCollection<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<T> elements = new ArrayList<>();

    private static AthanorException unsaved() {
        return new AthanorException("This dynamic relationship belongs to an instance no session holds yet, so it cannot be "
                + "queried; add the owner to a session first (session.add(owner)).");
    }

    @Override
    public DynamicCollection<T> where(Expression<Boolean> condition) {
        throw unsaved();
    }

    @Override
    public DynamicCollection<T> orderBy(Order... orders) {
        throw unsaved();
    }

    @Override
    public DynamicCollection<T> orderBy(Expression<?>... expressions) {
        throw unsaved();
    }

    @Override
    public DynamicCollection<T> limit(int n) {
        throw unsaved();
    }

    @Override
    public DynamicCollection<T> offset(int n) {
        throw unsaved();
    }

    /** The elements added so far. */
    @Override
    public List<T> list() {
        return List.copyOf(elements);
    }

    @Override
    public Stream<T> stream() {
        return list().stream();
    }

    @Override
    public long count() {
        return elements.size();
    }

    @Override
    public void add(T element) {
        elements.add(java.util.Objects.requireNonNull(element, "element"));
    }

    @Override
    public void remove(T element) {
        elements.remove(element);
    }

    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    @Override
    public String toString() {
        return "DynamicCollection" + elements;
    }
}
