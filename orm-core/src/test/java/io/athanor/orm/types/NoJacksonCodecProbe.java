package io.athanor.orm.types;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionFactoryBuilder;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Json;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link NoJacksonTest} inside a class loader that cannot see Jackson: reflection over the factory
 * builder's public methods (as Spring does), and a {@code @Json} field written by a codec of the application's own.
 */
public final class NoJacksonCodecProbe {
    private NoJacksonCodecProbe() {
    }

    /** A JSON field written as a JSON string by {@link QuotedText}. */
    @Entity
    @Table(name = "no_jackson_note")
    public static class Note {
        @Id
        Long id;
        @Json
        String text;
    }

    /** A codec of plain strings as JSON string values: enough JSON to need no library. */
    static final class QuotedText implements JsonCodec {
        @Override
        public OfType forType(Type type) {
            if (type != String.class) {
                throw new IllegalArgumentException("QuotedText writes only String fields, not " + type.getTypeName());
            }
            return new OfType() {
                @Override
                public String write(Object value) {
                    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                }

                @Override
                public Object read(String json) {
                    String t = json.trim();
                    if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
                        throw new IllegalArgumentException("not a JSON string: " + json);
                    }
                    return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
            };
        }
    }

    /** The names of the builder's public methods, each with its parameter types, found by reflection. */
    public static List<String> builderMethods() {
        assertNoJackson();
        List<String> out = new ArrayList<>();
        for (Method m : SessionFactoryBuilder.class.getMethods()) {
            StringBuilder signature = new StringBuilder(m.getName()).append('(');
            for (Class<?> p : m.getParameterTypes()) {
                signature.append(p.getSimpleName()).append(',');
            }
            out.add(signature.append(')').toString());
        }
        return out;
    }

    /** Writes and reads a {@code @Json} field through {@link QuotedText}; returns what it read back. */
    public static String roundTrip() {
        assertNoJackson();
        try (Engine engine = Engine.builder("jdbc:h2:mem:no_jackson_codec;DB_CLOSE_DELAY=-1").user("sa").password("").build()) {
            SessionFactory f = SessionFactory.builder(engine).entities(Note.class).jsonCodec(new QuotedText()).build();
            f.schema().dropAll();
            f.schema().createAll();
            try (Session s = f.open()) {
                Note n = new Note();
                n.id = 1L;
                n.text = "say \"no\" to Jackson";
                s.add(n);
                s.commit();
            }
            try (Session s = f.open()) {
                return s.get(Note.class, 1L).text;
            }
        }
    }

    private static void assertNoJackson() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, NoJacksonCodecProbe.class.getClassLoader());
            throw new IllegalStateException("Jackson is visible; the probe must run without it.");
        } catch (ClassNotFoundException expected) {
            // as intended
        }
    }
}
