package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A collection that asks its loader for its elements on the first call that needs them, then behaves as
 * the plain collection it holds. Changes go through a view that keeps the other side of a two-way
 * relationship in step; changes made from the other side while unloaded are queued and applied after
 * loading, so no statement is run for them. Not thread-safe, like the session that made it.
 */
abstract class LazyCollection<E, C extends Collection<E>> implements Collection<E>, LazyValue, RawCollection,
        java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Loads the elements of one collection of one instance. */
    interface Loader {
        /** Returns the elements, or throws if they cannot be loaded now. */
        Collection<?> load();
    }

    private transient Loader loader;
    transient C elements;
    private final transient Object owner;
    private final transient RelationshipModel relationship;
    private transient Collection<E> view;
    /** Changes from the other side while unloaded: element, then Boolean.TRUE for an add. */
    private transient List<Object> pending;

    LazyCollection(Loader loader, Object owner, RelationshipModel relationship) {
        this.loader = loader;
        this.owner = owner;
        this.relationship = relationship;
    }

    abstract C empty();

    /** The elements, loaded on first use. */
    @SuppressWarnings("unchecked")
    final C elements() {
        if (loader != null) {
            Loader l = loader;
            Collection<?> loaded = l.load();
            if (loader != null) {
                fill(loaded);
            }
        }
        return elements;
    }

    /** The elements, loaded on first use, seen through the view that tells the other side of changes. */
    @SuppressWarnings("unchecked")
    final Collection<E> view() {
        C e = elements();
        if (view == null) {
            view = relationship == null ? e : (Collection<E>) Associations.wrap(owner, relationship, e);
        }
        return view;
    }

    /** What loads the elements; {@code null} once loaded. */
    final Loader loader() {
        return loader;
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
        view = null;
        loader = null;
        if (pending != null) {
            List<Object> queued = pending;
            pending = null;
            for (int i = 0; i < queued.size(); i += 2) {
                if (queued.get(i + 1) == Boolean.TRUE) {
                    rawAdd(queued.get(i));
                } else {
                    rawRemove(queued.get(i));
                }
            }
        }
    }

    @Override
    public final void rawAdd(Object element) {
        if (loader != null) {
            queue(element, Boolean.TRUE);
        } else if (view() instanceof RawCollection) {
            ((RawCollection) view).rawAdd(element);
        } else if (!Associations.containsSame(elements, element)) {
            @SuppressWarnings("unchecked")
            E e = (E) element;
            elements.add(e);
        }
    }

    @Override
    public final void rawRemove(Object element) {
        if (loader != null) {
            queue(element, Boolean.FALSE);
        } else if (view() instanceof RawCollection) {
            ((RawCollection) view).rawRemove(element);
        } else {
            Associations.removeSame(elements, element);
        }
    }

    @Override
    public final Collection<?> current() {
        return loader == null ? elements : List.of();
    }

    @Override
    public final Collection<?> all() {
        return elements();
    }

    @Override
    public final Object owner() {
        return owner;
    }

    @Override
    public final void reset(Collection<?> replacement) {
        if (loader != null) {
            fill(replacement);
        } else if (view() instanceof RawCollection) {
            ((RawCollection) view).reset(replacement);
        } else {
            elements.clear();
            @SuppressWarnings("unchecked")
            Collection<? extends E> typed = (Collection<? extends E>) replacement;
            elements.addAll(typed);
        }
    }

    private void queue(Object element, Boolean add) {
        if (pending == null) {
            pending = new ArrayList<>();
        }
        pending.add(element);
        pending.add(add);
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
        return view().iterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        view().forEach(action);
    }

    @Override
    public java.util.Spliterator<E> spliterator() {
        return view().spliterator();
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
        return view().add(e);
    }

    @Override
    public boolean remove(Object o) {
        return view().remove(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return elements().containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return view().addAll(c);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return view().removeAll(c);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return view().retainAll(c);
    }

    @Override
    public void clear() {
        view().clear();
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

    /**
     * Serialises a loaded collection as a plain copy of its elements; an unloaded one cannot be, since
     * the copy could never load it.
     */
    protected final Object writeReplace() throws java.io.ObjectStreamException {
        if (loader != null) {
            throw new java.io.NotSerializableException((relationship == null ? "A lazy collection" : relationship.toString())
                    + " is not loaded, so it cannot be serialised; load it first (use it, or query with "
                    + ".options(selectinLoad(...))).");
        }
        C copy = empty();
        copy.addAll(elements);
        return copy;
    }
}
