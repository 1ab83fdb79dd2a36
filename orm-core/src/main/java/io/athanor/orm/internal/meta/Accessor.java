package io.athanor.orm.internal.meta;

/** Reads and writes one mapped field of an entity (or of an embedded value inside it). */
public interface Accessor {

    Object get(Object entity);

    void set(Object entity, Object value);
}
