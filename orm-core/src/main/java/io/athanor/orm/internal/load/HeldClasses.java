package io.athanor.orm.internal.load;

import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.InheritanceModel;
import io.athanor.orm.internal.state.EntityEntry;

/**
 * What to say when the instance a session holds for a key of a single-table hierarchy is not of the class asked
 * for. Either the row is of another class (a sibling's row: the entity is not there), or the session holds a lazy
 * reference made by {@code getReference} of a superclass before the row was read: a reference keeps the class it
 * was made with, so it can never be returned as the row's subclass, and saying so beats a
 * {@code ClassCastException}. Stateless.
 */
public final class HeldClasses {
    private HeldClasses() {
    }

    /**
     * Whether {@code held} is a lazy reference of a superclass of {@code asked} whose row is, or may be, of
     * {@code asked}: unread, or read and of that class (its discriminator in the snapshot says).
     */
    public static boolean narrowerThanItsReference(EntityEntry held, Class<?> asked) {
        Class<?> declared = Loading.entityClass(held.instance);
        if (asked.isInstance(held.instance) || !(held.instance instanceof io.athanor.orm.internal.proxy.Proxied)
                || !declared.isAssignableFrom(asked)) {
            return false;
        }
        InheritanceModel inheritance = held.model.inheritance();
        if (held.hollow || held.snapshot == null || inheritance == null) {
            return true;
        }
        Class<?> row = inheritance.classes().get(held.snapshot[inheritance.discriminatorIndex()]);
        return row != null && asked.isAssignableFrom(row);
    }

    /** The error for {@link #narrowerThanItsReference} being true: names the reference, the class asked and the fix. */
    public static AthanorException referenceOfSuperclass(EntityEntry held, Class<?> asked) {
        String declared = Loading.entityClass(held.instance).getSimpleName();
        Object id = held.id();
        return new AthanorException("The session holds " + held.model.name() + " " + id + " as a lazy reference of "
                + declared + " (made by getReference(" + declared + ".class, " + id + ") before its row was read), and a "
                + "reference keeps the class it was made with, so it cannot be returned as a " + asked.getSimpleName()
                + ". Use get(" + asked.getSimpleName() + ".class, " + id + ") or a query instead of getReference where the "
                + "subclass matters (they read the row's class), or ask getReference for the subclass itself.");
    }

    /** The error of {@code getReference(asked, id)} when the session holds the row as an instance of a sibling class. */
    public static EntityNotFoundException otherClass(EntityEntry held, Class<?> asked) {
        return new EntityNotFoundException("There is no " + asked.getSimpleName() + " with key " + held.id() + ": the "
                + "session holds that row as a " + Loading.entityClass(held.instance).getSimpleName() + ". Use get("
                + asked.getSimpleName() + ".class, id), which returns null for a row of another class, where the class "
                + "is not known.");
    }
}
