package io.athanor.orm.internal.proxy;

import io.athanor.orm.error.AthanorException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.TypeCache;
import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.SuperMethodCall;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates, once per entity class, a subclass whose methods (all but the id getter and those of
 * {@code Object} the entity does not override) first ask the instance's {@link ProxyHandler} to load its
 * state. The class is defined in the entity's own package through a private lookup, so no agent and no
 * build step are needed. Thread-safe.
 */
public final class ProxyFactory {
    private static final String FIELD = "athanor$handler";
    private static final TypeCache<Class<?>> CLASSES = new TypeCache.WithInlineExpunction<>(TypeCache.Sort.WEAK);
    private final Map<Class<?>, MethodHandle> constructors = new ConcurrentHashMap<>();

    /**
     * A new, empty proxy of {@code entity} whose calls go through {@code handler}.
     *
     * @param idGetter the name of the no-argument method that returns the id, which never loads
     * @throws AthanorException if the entity class cannot be subclassed (final, or no usable constructor)
     */
    public Object create(Class<?> entity, String idGetter, ProxyHandler handler) {
        MethodHandle constructor = constructors.computeIfAbsent(entity, e -> constructor(e, idGetter));
        try {
            Object proxy = constructor.invoke();
            ((Proxied) proxy).athanor$handler(handler);
            return proxy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AthanorException("Could not create a lazy reference to " + entity.getSimpleName() + ": " + t, t);
        }
    }

    /** Whether {@code o} is a generated proxy. */
    public static boolean isProxy(Object o) {
        return o instanceof Proxied;
    }

    private static MethodHandle constructor(Class<?> entity, String idGetter) {
        if (Modifier.isFinal(entity.getModifiers())) {
            throw new AthanorException(entity.getSimpleName() + " is final, but lazy references to it are subclasses of it. "
                    + "Make the class non-final, or load the relationship eagerly (fetch = FetchMode.SELECTIN or JOINED).");
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new AthanorException("Cannot define lazy reference classes for " + entity.getName() + ": its module does not "
                    + "open " + entity.getPackageName() + " to Athanor. Add 'opens " + entity.getPackageName()
                    + "' to module-info.java.", e);
        }
        Class<?> type = CLASSES.findOrInsert(entity.getClassLoader(), entity, () -> generate(entity, idGetter, lookup), CLASSES);
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findConstructor(type,
                    MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new AthanorException(entity.getSimpleName() + " needs a constructor without arguments that is not private, "
                    + "so that lazy references to it can be made: " + e.getMessage(), e);
        }
    }

    private static Class<?> generate(Class<?> entity, String idGetter, MethodHandles.Lookup lookup) {
        DynamicType.Builder<?> builder = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .subclass(entity, ConstructorStrategy.Default.IMITATE_SUPER_CLASS)
                .name(entity.getName() + "$AthanorProxy")
                .method(ElementMatchers.isVirtual()
                        .and(ElementMatchers.not(ElementMatchers.isFinalizer()))
                        .and(ElementMatchers.not(ElementMatchers.isDeclaredBy(Object.class)))
                        .and(ElementMatchers.not(ElementMatchers.named(idGetter).and(ElementMatchers.takesArguments(0))))
                        // the enhancer's methods that tell the session of writes: never a reason to load
                        .and(ElementMatchers.not(ElementMatchers.nameStartsWith("athanor$"))))
                .intercept(MethodDelegation.to(ProxyHook.class).andThen(SuperMethodCall.INSTANCE))
                .defineField(FIELD, ProxyHandler.class, Visibility.PRIVATE, FieldPersistence.TRANSIENT)
                .implement(Proxied.class)
                .intercept(FieldAccessor.ofField(FIELD));
        if (java.io.Serializable.class.isAssignableFrom(entity) && !declaresWriteReplace(entity)) {
            builder = builder.defineMethod("writeReplace", Object.class, Visibility.PROTECTED)
                    .throwing(java.io.ObjectStreamException.class)
                    .intercept(MethodDelegation.to(ProxySerialization.class));
        }
        return builder.make()
                .load(entity.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
    }

    /** Whether the proxy would inherit a {@code writeReplace} of the entity's (a private one is not inherited). */
    private static boolean declaresWriteReplace(Class<?> entity) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("writeReplace") && m.getParameterCount() == 0
                        && !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A new instance of {@code entity} itself (not a proxy), through its constructor without arguments. */
    static Object newPlain(Class<?> entity) {
        try {
            return MethodHandles.privateLookupIn(entity, MethodHandles.lookup())
                    .findConstructor(entity, MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AthanorException("Cannot make a plain " + entity.getSimpleName() + " to serialise a lazy reference in "
                    + "its place: " + t, t);
        }
    }

    /**
     * A plain instance of {@code entity} (made by {@code newInstance}) holding a copy of every instance
     * field {@code proxy} holds, declared by the entity class or its superclasses.
     */
    public static Object plainCopy(Object proxy, Class<?> entity, java.util.function.Supplier<Object> newInstance) {
        Object plain = newInstance.get();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue; // not serialised anyway
                }
                try {
                    if (!f.trySetAccessible()) {
                        throw new IllegalAccessException("its package is not open to Athanor");
                    }
                    f.set(plain, f.get(proxy));
                } catch (IllegalAccessException e) {
                    throw new AthanorException("Cannot copy " + c.getSimpleName() + "." + f.getName() + " of a lazy reference "
                            + "to serialise it: " + e.getMessage() + ". Add 'opens " + c.getPackageName()
                            + "' to module-info.java.", e);
                }
            }
        }
        return plain;
    }
}
