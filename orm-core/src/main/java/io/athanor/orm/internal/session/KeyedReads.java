package io.athanor.orm.internal.session;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.load.HeldClasses;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Sql;

/**
 * What a read by primary key ({@code get}, {@code getReference}) checks and answers before it runs a statement: the
 * key's form, and the instance the session already holds for it. Stateless.
 */
final class KeyedReads {
    /** {@link #held}'s answer when the session holds nothing usable for the key: the row must be read. */
    static final Object READ = new Object();

    private KeyedReads() {
    }

    /** Refuses a null key and an entity with a composite key, each with what to do instead. */
    static void checkGet(EntityModel model, Object id) {
        if (id == null) {
            throw new InvalidValueException("get(" + model.name() + ".class, null): a key is required. "
                    + "To look up an optional key, test it first: id == null ? null : session.get(" + model.name()
                    + ".class, id).");
        }
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; load it with select(" + model.name()
                    + ".class).where(...) instead of get().");
        }
    }

    /**
     * What the session holds for {@code (model, id, shard)} as {@code get(type, id)} answers it: the loaded instance,
     * {@code null} (deleted in this session, or held as an instance of another class), or {@link #READ}.
     *
     * @throws AthanorException if the row is held as an instance of a superclass of {@code type}
     */
    static Object held(IdentityMap map, EntityModel model, Class<?> type, Object id, String shard) {
        EntityEntry cached = map.get(model.rootType(), id, shard);
        if (cached != null && !cached.hollow && !cached.expired) {
            if (cached.status() != EntityEntry.Status.DELETED && HeldClasses.narrowerThanItsReference(cached, type)) {
                throw HeldClasses.referenceOfSuperclass(cached, type);
            }
            return cached.status() == EntityEntry.Status.DELETED || !type.isInstance(cached.instance) ? null
                    : cached.instance;
        }
        return cached != null && cached.status() == EntityEntry.Status.DELETED ? null : READ;
    }

    /** The key property, once {@code id} is known to be of its type. */
    static PropertyModel checkKeyType(EntityModel model, Object id) {
        PropertyModel idProperty = model.idProperties().get(0);
        if (!idProperty.javaType().isInstance(id)) {
            throw new AthanorException("get(" + model.name() + ".class, " + id + ") was given a " + id.getClass().getSimpleName()
                    + ", but the key of " + model.name() + " is a " + idProperty.javaType().getSimpleName() + ".");
        }
        return idProperty;
    }

    /** The statement that reads one row of {@code type} by key, compiled once per entity. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static CompiledSelect statement(DefaultSessionFactory factory, EntityModel model, Class<?> type, PropertyModel idProperty,
                                    Object id) {
        CompiledSelect byKey = factory.byIdStatement(model);
        if (byKey == null) {
            Attribute idAttribute = new Attribute(type, idProperty.path(), idProperty.javaType());
            Expression<Boolean> byId = idAttribute.eq(id);
            byKey = factory.byIdStatement(model, factory.compiler().compile(Sql.select(type).where(byId)).compiled());
        }
        return byKey;
    }

    /** Refuses a composite key, and a key that is null or not of the key's type, for {@code getReference}. */
    static void checkReference(EntityModel model, Object id) {
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; getReference() needs a single-column key.");
        }
        if (id == null || !model.idProperties().get(0).javaType().isInstance(id)) {
            throw new AthanorException("getReference(" + model.name() + ".class, " + id + ") needs a "
                    + model.idProperties().get(0).javaType().getSimpleName() + " key.");
        }
    }

    /** {@code reference} as a {@code type}, or the error that says which class the session holds the row as. */
    static <E> E asReference(IdentityMap map, Object reference, Class<E> type) {
        if (!type.isInstance(reference)) { // the session holds the row as an instance of another class
            EntityEntry held = map.entryOf(reference);
            throw HeldClasses.narrowerThanItsReference(held, type) ? HeldClasses.referenceOfSuperclass(held, type)
                    : HeldClasses.otherClass(held, type);
        }
        return type.cast(reference);
    }
}
