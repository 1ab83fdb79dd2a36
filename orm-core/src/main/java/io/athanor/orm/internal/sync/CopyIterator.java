package io.athanor.orm.internal.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Iterates a copy of a relationship collection taken when it starts, so changes the loop makes on the
 * other side (which change this collection too) neither skip elements nor fail; {@code remove()} hands
 * the last element to the collection's own removal. Also the collections' shared bulk helpers.
 */
final class CopyIterator<E> implements Iterator<E> {
    private final Object[] copy;
    private final Consumer<E> remover;
    private int next;
    private boolean removable;

    CopyIterator(Collection<E> elements, Consumer<E> remover) {
        this.copy = elements.toArray();
        this.remover = remover;
    }

    @Override
    public boolean hasNext() {
        return next < copy.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E next() {
        if (next >= copy.length) {
            throw new NoSuchElementException();
        }
        removable = true;
        return (E) copy[next++];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void remove() {
        if (!removable) {
            throw new IllegalStateException("remove() needs a next() first");
        }
        removable = false;
        remover.accept((E) copy[next - 1]);
    }

    /** Runs {@code action} on a copy of {@code elements}. */
    @SuppressWarnings("unchecked")
    static <E> void forEachOfCopy(Collection<E> elements, Consumer<? super E> action) {
        java.util.Objects.requireNonNull(action);
        for (Object e : elements.toArray()) {
            action.accept((E) e);
        }
    }

    /** Removes the elements {@code filter} accepts, telling no one, and returns them. */
    static <E> List<E> removeMatching(Collection<E> elements, Predicate<? super E> filter) {
        java.util.Objects.requireNonNull(filter);
        List<E> removed = new ArrayList<>();
        for (Iterator<E> it = elements.iterator(); it.hasNext(); ) {
            E e = it.next();
            if (filter.test(e)) {
                it.remove();
                removed.add(e);
            }
        }
        return removed;
    }
}
