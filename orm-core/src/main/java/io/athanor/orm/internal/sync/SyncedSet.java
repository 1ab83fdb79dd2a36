package io.athanor.orm.internal.sync;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A set relationship that tells the other side of each add and remove; it holds the application's own
 * set and changes it in place. Iteration runs over a copy taken when it starts (see {@link SyncedList}).
 * Not thread-safe.
 */
final class SyncedSet<E> extends AbstractSet<E> implements RawCollection, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final transient Object owner;
    private final transient RelationshipModel relationship;
    private final transient Set<E> elements;

    SyncedSet(Object owner, RelationshipModel relationship, Set<E> elements) {
        this.owner = owner;
        this.relationship = relationship;
        this.elements = elements;
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean contains(Object o) {
        return elements.contains(o);
    }

    @Override
    public Object[] toArray() {
        return elements.toArray();
    }

    @Override
    public boolean add(E e) {
        if (!elements.add(e)) {
            return false;
        }
        Associations.linked(owner, relationship, e);
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!elements.remove(o)) {
            return false;
        }
        Associations.unlinked(owner, relationship, o);
        return true;
    }

    @Override
    public void clear() {
        Object[] before = elements.toArray();
        elements.clear();
        for (Object e : before) {
            Associations.unlinked(owner, relationship, e);
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        List<E> removed = CopyIterator.removeMatching(elements, filter);
        for (E e : removed) {
            Associations.unlinked(owner, relationship, e);
        }
        return !removed.isEmpty();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(c::contains);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(e -> !c.contains(e));
    }

    @Override
    public Iterator<E> iterator() {
        return new CopyIterator<>(elements, this::remove);
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        CopyIterator.forEachOfCopy(elements, action);
    }

    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliterator(elements.toArray(), Spliterator.DISTINCT);
    }

    @Override
    public void rawAdd(Object element) {
        @SuppressWarnings("unchecked")
        E e = (E) element;
        elements.add(e);
    }

    @Override
    public void rawRemove(Object element) {
        elements.remove(element);
    }

    @Override
    public Collection<?> current() {
        return elements;
    }

    @Override
    public Object owner() {
        return owner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void reset(Collection<?> replacement) {
        elements.clear();
        elements.addAll((Collection<? extends E>) replacement);
    }

    /** Serialises as a plain set of the elements, in their order. */
    private Object writeReplace() {
        return new java.util.LinkedHashSet<>(elements);
    }
}
