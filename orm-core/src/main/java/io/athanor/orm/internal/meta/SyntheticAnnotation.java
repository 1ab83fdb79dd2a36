package io.athanor.orm.internal.meta;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Instances of Athanor's annotation types made from values read elsewhere (another front end's
 * annotations): each member answers its given value, or its declared default. Immutable; thread-safe.
 */
final class SyntheticAnnotation {
    private SyntheticAnnotation() {
    }

    /**
     * An instance of {@code type} with {@code values} by member name; members left out take their defaults.
     *
     * @throws IllegalArgumentException if a member without a default is left out, or a name is no member
     */
    static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            Object value = values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
            if (value == null) {
                throw new IllegalArgumentException("@" + type.getSimpleName() + "." + m.getName() + " needs a value");
            }
            all.put(m.getName(), value);
        }
        for (String name : values.keySet()) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("@" + type.getSimpleName() + " has no member " + name);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "hashCode":
                    return all.hashCode();
                case "equals":
                    return self == args[0];
                case "toString":
                    return "@" + type.getName() + render(all);
                default:
                    Object value = all.get(method.getName());
                    return value instanceof Object[] array ? array.clone() : value;
            }
        });
        return type.cast(proxy);
    }

    private static String render(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("(");
        values.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append('=')
                .append(v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v)));
        return out.append(')').toString();
    }
}
