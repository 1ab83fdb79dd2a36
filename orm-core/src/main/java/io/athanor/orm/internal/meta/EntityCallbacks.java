package io.athanor.orm.internal.meta;

import io.athanor.orm.error.AthanorException;
import java.lang.invoke.MethodHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The lifecycle callbacks of one entity, resolved once at start-up into method handles, in the order they run
 * (factory-wide listeners, then {@code @EntityListeners}, then the entity's own methods, superclass first), and
 * its {@code @CreatedAt} / {@code @UpdatedAt} fields with the factory's clock. Immutable; called on the
 * session's thread.
 */
public final class EntityCallbacks {

    /** The kinds of callback, named as JPA names them. */
    public enum Kind {
        PRE_PERSIST("PrePersist"), POST_PERSIST("PostPersist"), PRE_UPDATE("PreUpdate"), POST_UPDATE("PostUpdate"),
        PRE_REMOVE("PreRemove"), POST_REMOVE("PostRemove"), POST_LOAD("PostLoad");

        final String annotation;

        Kind(String annotation) {
            this.annotation = annotation;
        }
    }

    private static final Callback[] EMPTY = new Callback[0];

    /** An entity without callbacks or timestamps: every call returns at once. */
    static final EntityCallbacks NONE = new EntityCallbacks(new Callback[Kind.values().length][], null, null, null);

    private final Callback[][] byKind;
    private final PropertyModel createdAt;
    private final PropertyModel updatedAt;
    private final Clock clock;
    private final boolean watchesUpdates;

    EntityCallbacks(Callback[][] byKind, PropertyModel createdAt, PropertyModel updatedAt, Clock clock) {
        this.byKind = byKind;
        for (int k = 0; k < byKind.length; k++) {
            if (byKind[k] == null) {
                byKind[k] = EMPTY;
            }
        }
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.clock = clock;
        this.watchesUpdates = updatedAt != null || byKind[Kind.PRE_UPDATE.ordinal()].length > 0
                || byKind[Kind.POST_UPDATE.ordinal()].length > 0;
    }

    /** Whether a flush must find out which of these entities changed: something runs before or after their UPDATE. */
    public boolean watchesUpdates() {
        return watchesUpdates;
    }

    /** Whether any callback of {@code kind} is registered. */
    public boolean has(Kind kind) {
        return byKind[kind.ordinal()].length > 0;
    }

    /** An instance became pending: timestamps first, then the {@code PrePersist} callbacks. */
    public void prePersist(Object entity) {
        if (createdAt != null || updatedAt != null) {
            stamp(createdAt, entity);
            stamp(updatedAt, entity);
        }
        fire(Kind.PRE_PERSIST, entity);
    }

    /** An instance was found changed at a flush: its {@code @UpdatedAt} first, then the {@code PreUpdate} callbacks. */
    public void preUpdate(Object entity) {
        stamp(updatedAt, entity);
        fire(Kind.PRE_UPDATE, entity);
    }

    /**
     * Runs the callbacks of {@code kind} on {@code entity}, in order.
     *
     * @throws RuntimeException what a callback threw, as it was; a checked exception wrapped in an
     *                          {@link AthanorException} naming the method
     */
    public void fire(Kind kind, Object entity) {
        for (Callback c : byKind[kind.ordinal()]) {
            c.call(entity);
        }
    }

    private void stamp(PropertyModel p, Object entity) {
        if (p == null) {
            return;
        }
        Class<?> t = p.javaType();
        Object now = t == Instant.class ? clock.instant().truncatedTo(ChronoUnit.MICROS)
                : t == LocalDateTime.class ? LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)
                : OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        p.accessor().set(entity, now);
    }

    /** One callback method: on the entity (no argument) or on a listener instance (taking the entity). */
    static final class Callback {
        private final MethodHandle handle;
        private final String where;

        /** {@code handle} is typed {@code (Object)void}. */
        Callback(MethodHandle handle, String where) {
            this.handle = handle;
            this.where = where;
        }

        void call(Object entity) {
            try {
                handle.invokeExact(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AthanorException("The lifecycle callback " + where + " threw " + t, t);
            }
        }

        @Override
        public String toString() {
            return where;
        }
    }
}
