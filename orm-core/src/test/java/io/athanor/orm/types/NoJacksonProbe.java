package io.athanor.orm.types;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Json;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link NoJacksonTest} inside a class loader that cannot see Jackson: maps, writes and reads entities
 * without JSON fields, then maps one with a JSON field and returns what start-up said.
 */
public final class NoJacksonProbe {
    private NoJacksonProbe() {
    }

    /** A JSON field whose type names no Jackson class. */
    @Entity
    @Table(name = "no_jackson_json")
    public static class WithJson {
        @Id
        Long id;
        @Json
        Map<String, Object> data;
    }

    /** Returns the start-up error for {@link WithJson}; throws if anything else went wrong. */
    public static String run() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, NoJacksonProbe.class.getClassLoader());
            throw new IllegalStateException("Jackson is visible; the probe must run without it.");
        } catch (ClassNotFoundException expected) {
            // as intended
        }
        try (Engine engine = Engine.builder("jdbc:h2:mem:no_jackson_probe;DB_CLOSE_DELAY=-1").user("sa").password("").build()) {
            SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Tagged.class).build();
            f.schema().dropAll();
            f.schema().createAll();
            try (Session s = f.open()) {
                Tagged t = new Tagged(1, "works");
                t.tags = new ArrayList<>(List.of("no", "jackson"));
                s.add(t);
                s.commit();
            }
            try (Session s = f.open()) {
                if (!s.get(Tagged.class, 1L).tags.equals(List.of("no", "jackson"))) {
                    throw new IllegalStateException("The row did not read back.");
                }
            }
            try {
                SessionFactory.builder(engine).entities(WithJson.class).build();
                throw new IllegalStateException("A @Json field was mapped without Jackson.");
            } catch (MappingException e) {
                return e.getMessage();
            }
        }
    }
}
