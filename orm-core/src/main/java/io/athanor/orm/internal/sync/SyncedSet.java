package io.athanor.orm.internal.sync;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * A set relationship that tells the other side of each add and remove; it holds the application's own
 * set and changes it in place. Not thread-safe.
 */
final class SyncedSet<E> extends AbstractSet<E> implements RawCollection {
    private final Object owner;
    private final RelationshipModel relationship;
    private final Set<E> elements;

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
    public Iterator<E> iterator() {
        Iterator<E> it = elements.iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                last = it.next();
                return last;
            }

            @Override
            public void remove() {
                it.remove();
                Associations.unlinked(owner, relationship, last);
            }
        };
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
}
