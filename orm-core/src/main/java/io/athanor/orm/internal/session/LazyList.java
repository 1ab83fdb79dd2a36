package io.athanor.orm.internal.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;

/** A {@link List} relationship that loads on first use. */
final class LazyList<E> extends LazyCollection<E, List<E>> implements List<E> {
    LazyList(Loader loader) {
        super(loader);
    }

    @Override
    List<E> empty() {
        return new ArrayList<>();
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return elements().addAll(index, c);
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public E set(int index, E element) {
        return elements().set(index, element);
    }

    @Override
    public void add(int index, E element) {
        elements().add(index, element);
    }

    @Override
    public E remove(int index) {
        return elements().remove(index);
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
        return elements().listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return elements().listIterator(index);
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        return elements().subList(fromIndex, toIndex);
    }
}
