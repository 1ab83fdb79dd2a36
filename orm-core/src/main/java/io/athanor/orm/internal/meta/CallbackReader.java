package io.athanor.orm.internal.meta;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves an entity's lifecycle callbacks into method handles, once: those of the factory-wide listeners,
 * of its {@code @EntityListeners} classes, and its own methods and its superclasses' (superclass first; a
 * method a subclass overrides runs once, as the subclass defines it). Athanor's and Jakarta Persistence's
 * callback annotations are both read. Problems go to the list the metadata builder reports.
 */
final class CallbackReader {
    private static final String NATIVE = "io.athanor.orm.annotations.";
    private static final String JAKARTA = "jakarta.persistence.";
    private static final MethodType ON_ENTITY = MethodType.methodType(void.class, Object.class);

    private final List<String> problems;
    /** One instance per listener class, shared by the entities that name it. */
    private final Map<Class<?>, Object> listenerInstances = new java.util.HashMap<>();

    CallbackReader(List<String> problems) {
        this.problems = problems;
    }

    /** The callbacks of the entity in {@code draft}, or {@link EntityCallbacks#NONE} when it has none. */
    EntityCallbacks read(EntityDraft draft, List<Object> factoryListeners, Clock clock) {
        Map<EntityCallbacks.Kind, List<EntityCallbacks.Callback>> found = new EnumMap<>(EntityCallbacks.Kind.class);
        for (Object listener : factoryListeners) {
            listenerMethods(listener.getClass(), listener, draft.type, false, found);
        }
        for (Class<?> listenerClass : entityListeners(draft.type)) {
            Object listener = listenerInstances.computeIfAbsent(listenerClass, this::instantiate);
            if (listener != null) {
                listenerMethods(listenerClass, listener, draft.type, true, found);
            }
        }
        entityMethods(draft.type, found);
        if (found.isEmpty() && draft.createdAt == null && draft.updatedAt == null) {
            return EntityCallbacks.NONE;
        }
        EntityCallbacks.Callback[][] byKind = new EntityCallbacks.Callback[EntityCallbacks.Kind.values().length][];
        found.forEach((k, list) -> byKind[k.ordinal()] = list.toArray(new EntityCallbacks.Callback[0]));
        return new EntityCallbacks(byKind, draft.createdAt, draft.updatedAt, clock);
    }

    /**
     * Checks a factory-wide listener when it is registered: it must have at least one callback method, each
     * taking one parameter (the entity).
     */
    void checkFactoryListener(Object listener) {
        int methods = 0;
        for (Class<?> c = listener.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                methods += kinds(m).size();
            }
        }
        if (methods == 0) {
            problems.add("Entity listener " + listener.getClass().getName() + " has no callback method; annotate methods "
                    + "taking the entity with @PrePersist, @PreUpdate, @PostLoad and so on.");
        }
    }

    private List<Class<?>> entityListeners(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        List<Class<?>> hierarchy = hierarchy(type);
        for (Class<?> c : hierarchy) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                String n = a.annotationType().getName();
                if (n.equals(NATIVE + "EntityListeners")) {
                    classes.addAll(List.of(((io.athanor.orm.annotations.EntityListeners) a).value()));
                } else if (n.equals(JAKARTA + "EntityListeners")) {
                    classes.addAll(List.of(JakartaListeners.value(a)));
                }
            }
        }
        return classes;
    }

    private Object instantiate(Class<?> listenerClass) {
        try {
            MethodHandle ctor = MethodHandles.privateLookupIn(listenerClass, MethodHandles.lookup())
                    .findConstructor(listenerClass, MethodType.methodType(void.class));
            return ctor.invoke();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.add("Entity listener " + listenerClass.getName() + " has no no-argument constructor Athanor can call; "
                    + "add one (it may be private), or register an instance with SessionFactory.builder(..).entityListener(...).");
        } catch (Throwable t) {
            problems.add("The constructor of entity listener " + listenerClass.getName() + " threw " + t + ".");
        }
        return null;
    }

    private void listenerMethods(Class<?> listenerClass, Object listener, Class<?> entity, boolean named,
                                 Map<EntityCallbacks.Kind, List<EntityCallbacks.Callback>> found) {
        Set<String> added = new HashSet<>();
        for (Class<?> c : hierarchy(listenerClass)) {
            Set<EntityCallbacks.Kind> inClass = java.util.EnumSet.noneOf(EntityCallbacks.Kind.class);
            for (Method m : c.getDeclaredMethods()) {
                List<EntityCallbacks.Kind> kinds = kinds(m);
                if (kinds.isEmpty()) {
                    continue;
                }
                String where = c.getName() + "." + m.getName() + "(" + (m.getParameterCount() == 1
                        ? m.getParameterTypes()[0].getSimpleName() : "") + ")";
                if (!checkMethod(m, where, kinds, inClass, 1, "take the entity as its one parameter")) {
                    continue;
                }
                Class<?> parameter = m.getParameterTypes()[0];
                if (!parameter.isAssignableFrom(entity)) {
                    if (named) {
                        problems.add("Entity listener method " + where + " takes a " + parameter.getName() + ", but "
                                + entity.getName() + " names the listener and is not one; make the parameter a type the "
                                + "entity is (Object works for any).");
                    }
                    continue;
                }
                // a method a subclass overrides is called through the superclass's handle (virtual dispatch), once
                String signature = m.getName() + MethodType.methodType(void.class, m.getParameterTypes());
                MethodHandle h = handle(c, m, where);
                if (h != null) {
                    MethodHandle bound = h.bindTo(listener).asType(ON_ENTITY);
                    for (EntityCallbacks.Kind k : kinds) {
                        if (Modifier.isPrivate(m.getModifiers()) || added.add(k + signature)) {
                            found.computeIfAbsent(k, x -> new ArrayList<>()).add(new EntityCallbacks.Callback(bound, where));
                        }
                    }
                }
            }
        }
    }

    private void entityMethods(Class<?> type, Map<EntityCallbacks.Kind, List<EntityCallbacks.Callback>> found) {
        Set<String> added = new HashSet<>();
        for (Class<?> c : hierarchy(type)) {
            Set<EntityCallbacks.Kind> inClass = java.util.EnumSet.noneOf(EntityCallbacks.Kind.class);
            for (Method m : c.getDeclaredMethods()) {
                List<EntityCallbacks.Kind> kinds = kinds(m);
                if (kinds.isEmpty()) {
                    continue;
                }
                String where = c.getName() + "." + m.getName() + "()";
                if (!checkMethod(m, where, kinds, inClass, 0, "take no parameter (a callback on the entity is called on "
                        + "the instance itself; one taking the entity belongs in an @EntityListeners class)")) {
                    continue;
                }
                // a method a subclass overrides is called through the superclass's handle (virtual dispatch), once
                MethodHandle h = handle(c, m, where);
                if (h != null) {
                    MethodHandle typed = h.asType(ON_ENTITY);
                    for (EntityCallbacks.Kind k : kinds) {
                        if (Modifier.isPrivate(m.getModifiers()) || added.add(k + m.getName())) {
                            found.computeIfAbsent(k, x -> new ArrayList<>()).add(new EntityCallbacks.Callback(typed, where));
                        }
                    }
                }
            }
        }
    }

    /** Notes what is wrong with a callback method; {@code false} if it cannot be used. */
    private boolean checkMethod(Method m, String where, List<EntityCallbacks.Kind> kinds, Set<EntityCallbacks.Kind> inClass,
                                int parameters, String rule) {
        boolean ok = true;
        for (EntityCallbacks.Kind k : kinds) {
            if (!inClass.add(k)) {
                problems.add(m.getDeclaringClass().getName() + " has more than one @" + k.annotation + " method ("
                        + where + " is another); keep one per class and call the others from it.");
                ok = false;
            }
        }
        if (Modifier.isStatic(m.getModifiers())) {
            problems.add("Callback method " + where + " is static; lifecycle callbacks are called on an instance. Remove "
                    + "'static'.");
            return false;
        }
        if (m.getParameterCount() != parameters) {
            problems.add("Callback method " + where + " has " + m.getParameterCount() + " parameter(s); it must " + rule + ".");
            return false;
        }
        return ok;
    }

    private MethodHandle handle(Class<?> c, Method m, String where) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflect(m);
        } catch (IllegalAccessException e) {
            problems.add("Athanor cannot call callback method " + where + ": its module does not open package "
                    + c.getPackageName() + ". Add 'opens " + c.getPackageName() + ";' to module-info.java.");
            return null;
        }
    }

    /** The callback kinds a method is annotated with, in Athanor's or Jakarta Persistence's annotations. */
    private static List<EntityCallbacks.Kind> kinds(Method m) {
        List<EntityCallbacks.Kind> kinds = new ArrayList<>(1);
        for (Annotation a : m.getDeclaredAnnotations()) {
            String n = a.annotationType().getName();
            if (n.startsWith(NATIVE) || n.startsWith(JAKARTA)) {
                String simple = a.annotationType().getSimpleName();
                for (EntityCallbacks.Kind k : EntityCallbacks.Kind.values()) {
                    if (k.annotation.equals(simple) && n.length() == simple.length() + (n.startsWith(NATIVE)
                            ? NATIVE.length() : JAKARTA.length())) {
                        kinds.add(k);
                    }
                }
            }
        }
        return kinds;
    }

    /** {@code type}'s classes from the topmost superclass below Object down to {@code type}. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        return classes;
    }

    /** Reads {@code jakarta.persistence.EntityListeners#value} without naming the API (orm-core runs without it). */
    private static final class JakartaListeners {
        private JakartaListeners() {
        }

        static Class<?>[] value(Annotation a) {
            try {
                return (Class<?>[]) a.annotationType().getMethod("value").invoke(a);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + a, e);
            }
        }
    }
}
