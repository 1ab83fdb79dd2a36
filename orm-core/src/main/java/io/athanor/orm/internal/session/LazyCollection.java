package io.athanor.orm.internal.session;

import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A collection that asks its loader for its elements on the first call that needs them, then behaves as
 * the plain collection it holds. Not thread-safe, like the session that made it.
 */
abstract class LazyCollection<E, C extends Collection<E>> implements Collection<E>, LazyValue {
    /** Loads the elements of one collection of one instance. */
    interface Loader {
        /** Returns the elements, or throws if they cannot be loaded now. */
        Collection<?> load();

        /** The session that loads, or {@code null}. */
        DefaultSession session();
    }

    private Loader loader;
    C elements;

    LazyCollection(Loader loader) {
        this.loader = loader;
    }

    abstract C empty();

    /** The elements, loaded on first use. */
    @SuppressWarnings("unchecked")
    final C elements() {
        if (loader != null) {
            Loader l = loader;
            Collection<?> loaded = l.load();
            if (loader != null) {
                C c = empty();
                c.addAll((Collection<? extends E>) loaded);
                elements = c;
                loader = null;
            }
        }
        return elements;
    }

    @Override
    public final boolean isLoaded() {
        return loader == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final void fill(Collection<?> loaded) {
        C c = empty();
        c.addAll((Collection<? extends E>) loaded);
        elements = c;
        loader = null;
    }

    @Override
    public final DefaultSession session() {
        return loader == null ? null : loader.session();
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public boolean isEmpty() {
        return elements().isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return elements().contains(o);
    }

    @Override
    public Iterator<E> iterator() {
        return elements().iterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        elements().forEach(action);
    }

    @Override
    public Object[] toArray() {
        return elements().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return elements().toArray(a);
    }

    @Override
    public boolean add(E e) {
        return elements().add(e);
    }

    @Override
    public boolean remove(Object o) {
        return elements().remove(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return elements().containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return elements().addAll(c);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return elements().removeAll(c);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return elements().retainAll(c);
    }

    @Override
    public void clear() {
        elements().clear();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || Objects.equals(elements(), o);
    }

    @Override
    public int hashCode() {
        return elements().hashCode();
    }

    /** Does not load: an unloaded collection says so instead of printing its elements. */
    @Override
    public String toString() {
        return isLoaded() ? elements.toString() : "[not loaded]";
    }
}
