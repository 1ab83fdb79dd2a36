package io.athanor.orm.internal.load;

import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.DynamicCollection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.proxy.Proxied;
import io.athanor.orm.internal.proxy.ProxyHandler;
import java.lang.reflect.Field;

/** The answers behind {@code io.athanor.orm.Athanor}. */
public final class Loading {
    private Loading() {
    }

    public static boolean isLoaded(Object entity) {
        if (entity instanceof Proxied) {
            ProxyHandler h = ((Proxied) entity).athanor$handler();
            return h == null || h.isLoaded();
        }
        return true;
    }

    public static boolean isLoaded(Object entity, String relationship) {
        Object value = read(entity, relationship);
        if (value instanceof LazyValue) {
            return ((LazyValue) value).isLoaded();
        }
        if (value instanceof DynamicCollection) {
            return false;
        }
        return value == null || isLoaded(value);
    }

    public static void load(Object entity) {
        if (entity instanceof Proxied) {
            ProxyHandler h = ((Proxied) entity).athanor$handler();
            if (h != null) {
                h.beforeCall();
            }
        }
    }

    public static Class<?> entityClass(Object entity) {
        return entity instanceof Proxied ? entity.getClass().getSuperclass() : entity.getClass();
    }

    /**
     * Whether rows of {@code target} may be instances of its subclasses (it has entity subclasses in a single-table
     * hierarchy), so a reference to it cannot be a proxy of its class: such a to-one loads with its owners, with
     * one {@code IN} query, instead of lazily.
     */
    public static boolean polymorphic(io.athanor.orm.internal.meta.EntityModel target) {
        io.athanor.orm.internal.meta.InheritanceModel i = target.inheritance();
        return i != null && !i.values().equals(java.util.Collections.singletonList(i.value()));
    }

    private static Object read(Object entity, String name) {
        for (Class<?> c = entityClass(entity); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(entity);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AthanorException("Cannot read " + name + " of " + c.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        throw new AthanorException(entityClass(entity).getSimpleName() + " has no relationship field '" + name + "'.");
    }
}
