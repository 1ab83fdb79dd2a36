package io.athanor.orm.internal.sync;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list relationship that tells the other side of each add and remove; it holds the application's own
 * list and changes it in place. Adding an element that is already there and already points back at the
 * owner is a no-op, so code that sets both sides by hand does not get duplicates. Not thread-safe.
 */
final class SyncedList<E> extends AbstractList<E> implements RawCollection, RandomAccess {
    private final Object owner;
    private final RelationshipModel relationship;
    private final List<E> elements;

    SyncedList(Object owner, RelationshipModel relationship, List<E> elements) {
        this.owner = owner;
        this.relationship = relationship;
        this.elements = elements;
    }

    @Override
    public E get(int index) {
        return elements.get(index);
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
    public int indexOf(Object o) {
        return elements.indexOf(o);
    }

    @Override
    public boolean add(E e) {
        if (Associations.pointsAt(owner, relationship, e) && Associations.containsSame(elements, e)) {
            return false;
        }
        elements.add(e);
        modCount++;
        Associations.linked(owner, relationship, e);
        return true;
    }

    @Override
    public void add(int index, E e) {
        elements.add(index, e);
        modCount++;
        Associations.linked(owner, relationship, e);
    }

    @Override
    public E set(int index, E e) {
        E old = elements.set(index, e);
        if (old != e) {
            released(old);
            Associations.linked(owner, relationship, e);
        }
        return old;
    }

    @Override
    public E remove(int index) {
        E old = elements.remove(index);
        modCount++;
        released(old);
        return old;
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
                modCount++;
                released(last);
            }
        };
    }

    /** Unlinks {@code old} unless another copy of it is still in the list. */
    private void released(E old) {
        if (old != null && !Associations.containsSame(elements, old)) {
            Associations.unlinked(owner, relationship, old);
        }
    }

    @Override
    public void rawAdd(Object element) {
        if (!Associations.containsSame(elements, element)) {
            @SuppressWarnings("unchecked")
            E e = (E) element;
            elements.add(e);
            modCount++;
        }
    }

    @Override
    public void rawRemove(Object element) {
        Associations.removeSame(elements, element);
        modCount++;
    }

    @Override
    public Collection<?> current() {
        return elements;
    }
}
