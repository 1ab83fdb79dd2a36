package io.athanor.orm.internal.sync;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.AbstractList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A list relationship that tells the other side of each add and remove; it holds the application's own
 * list and changes it in place. Adding an element that is already there and already points back at the
 * owner is a no-op, so code that sets both sides by hand does not get duplicates.
 *
 * <p>Iteration (iterator, forEach, streams) runs over a copy taken when it starts, because a change made
 * to an element while looping (moving it to another parent) changes this list too; {@code remove()}
 * through such an iterator removes that element. Membership by identity is answered from an index kept
 * alongside long lists, so linking many children stays linear. Not thread-safe.
 */
final class SyncedList<E> extends AbstractList<E> implements RawCollection, RandomAccess, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Lists shorter than this are scanned; longer ones keep {@link #index}. */
    private static final int INDEXED_FROM = 16;

    private final transient Object owner;
    private final transient RelationshipModel relationship;
    private final transient List<E> elements;
    /** Occurrences of each element, by identity; valid while {@link #indexed} equals the list's size. */
    private transient IdentityHashMap<Object, Integer> index;
    private transient int indexed;

    SyncedList(Object owner, RelationshipModel relationship, List<E> elements) {
        this.owner = owner;
        this.relationship = relationship;
        this.elements = elements;
    }

    @Override
    public E get(int i) {
        return elements.get(i);
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
    public Object[] toArray() {
        return elements.toArray();
    }

    @Override
    public boolean add(E e) {
        if (Associations.pointsAt(owner, relationship, e) && holds(e)) {
            return false;
        }
        elements.add(e);
        counted(e, 1);
        modCount++;
        Associations.linked(owner, relationship, e);
        return true;
    }

    @Override
    public void add(int i, E e) {
        elements.add(i, e);
        counted(e, 1);
        modCount++;
        Associations.linked(owner, relationship, e);
    }

    @Override
    public E set(int i, E e) {
        E old = elements.set(i, e);
        if (old != e) {
            counted(old, -1);
            counted(e, 1);
            released(old);
            Associations.linked(owner, relationship, e);
        }
        return old;
    }

    @Override
    public E remove(int i) {
        E old = elements.remove(i);
        counted(old, -1);
        modCount++;
        released(old);
        return old;
    }

    @Override
    public void clear() {
        if (elements.isEmpty()) {
            return;
        }
        Object[] before = elements.toArray();
        elements.clear();
        index = null;
        modCount++;
        for (Object e : before) {
            Associations.unlinked(owner, relationship, e);
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        List<E> removed = CopyIterator.removeMatching(elements, filter);
        if (removed.isEmpty()) {
            return false;
        }
        index = null;
        modCount++;
        for (E e : removed) {
            released(e);
        }
        return true;
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
        return new CopyIterator<>(elements, last -> {
            if (Associations.removeSame(elements, last)) {
                counted(last, -1);
                modCount++;
                released(last);
            }
        });
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        CopyIterator.forEachOfCopy(elements, action);
    }

    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliterator(elements.toArray(), Spliterator.ORDERED);
    }

    /** Unlinks {@code old} unless another copy of it is still in the list. */
    private void released(E old) {
        if (old != null && !holds(old)) {
            Associations.unlinked(owner, relationship, old);
        }
    }

    /** Whether {@code element} is in the list, by identity. */
    private boolean holds(Object element) {
        int n = elements.size();
        if (n < INDEXED_FROM) {
            index = null;
            return Associations.containsSame(elements, element);
        }
        if (index == null || indexed != n) {
            index = new IdentityHashMap<>(n * 2);
            for (E e : elements) {
                index.merge(e, 1, Integer::sum);
            }
            indexed = n;
        }
        return index.containsKey(element);
    }

    /** Keeps the index in step with a change of {@code delta} occurrences of {@code element}. */
    private void counted(Object element, int delta) {
        if (index == null) {
            return;
        }
        int now = index.getOrDefault(element, 0) + delta;
        if (now > 0) {
            index.put(element, now);
        } else {
            index.remove(element);
        }
        indexed += delta;
    }

    @Override
    public void rawAdd(Object element) {
        if (!holds(element)) {
            @SuppressWarnings("unchecked")
            E e = (E) element;
            elements.add(e);
            counted(e, 1);
            modCount++;
        }
    }

    @Override
    public void rawRemove(Object element) {
        if (Associations.removeSame(elements, element)) {
            counted(element, -1);
            modCount++;
        }
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
        index = null;
        modCount++;
    }


    /** Serialises as a plain list of the elements: a copy away from the session keeps nothing in step. */
    private Object writeReplace() {
        return new java.util.ArrayList<>(elements);
    }
}
