package io.athanor.orm.internal.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;

/** A {@link List} relationship that loads on first use. */
final class LazyList<E> extends LazyCollection<E, List<E>> implements List<E> {
    LazyList(Loader loader, Object owner, io.athanor.orm.internal.meta.RelationshipModel relationship) {
        super(loader, owner, relationship);
    }

    @SuppressWarnings("unchecked")
    private List<E> list() {
        return (List<E>) view();
    }

    @Override
    List<E> empty() {
        return new ArrayList<>();
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return list().addAll(index, c);
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public E set(int index, E element) {
        return list().set(index, element);
    }

    @Override
    public void add(int index, E element) {
        list().add(index, element);
    }

    @Override
    public E remove(int index) {
        return list().remove(index);
    }

    @Override
    public int indexOf(Object o) {
        return elements().indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return elements().lastIndexOf(o);
    }

    @Override
    public ListIterator<E> listIterator() {
        return list().listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return list().listIterator(index);
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        return list().subList(fromIndex, toIndex);
    }
}
