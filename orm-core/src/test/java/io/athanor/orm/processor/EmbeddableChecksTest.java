package io.athanor.orm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.processor.InMemoryCompiler.Result;
import io.athanor.orm.query.Attribute;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile-time checks of {@code @Embeddable} classes and records. */
class EmbeddableChecksTest {

    private static final String IMPORTS = """
            package home;

            import io.athanor.orm.annotations.*;
            """;

    private static final String HOUSE = IMPORTS + """

            @Entity
            public class House {
                @Id
                long id;
                @Embedded
                Place place;
            }
            """;

    private static final String PLACE_RECORD = IMPORTS + """

            @Embeddable
            public record Place(@Column(length = 80) String street, String city, @Embedded Spot spot) {
            }
            """;

    private static final String SPOT_RECORD = IMPORTS + """

            @Embeddable
            public record Spot(double lat, double lon) {
            }
            """;

    @TempDir
    Path out;

    private Result compile(String... replacements) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("home.House", HOUSE);
        sources.put("home.Place", PLACE_RECORD);
        sources.put("home.Spot", SPOT_RECORD);
        for (int i = 0; i < replacements.length; i += 2) {
            sources.put(replacements[i], replacements[i + 1]);
        }
        return InMemoryCompiler.compile(out, sources);
    }

    private static List<String> errors(Result result) {
        return result.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void recordsCompileAndTheirComponentsBecomeNestedPaths() throws Exception {
        Result result = compile();
        assertThat(result.success()).as(describe(result)).isTrue();
        assertThat(result.sourceWarnings()).isEmpty();
        try (var loader = result.classLoader()) {
            Object place = loader.loadClass("home.House_").getField("place").get(null);
            Object spot = place.getClass().getField("spot").get(place);
            Object lat = spot.getClass().getField("lat").get(spot);
            assertThat(((Attribute<?, ?>) lat).path()).isEqualTo("place.spot.lat");
        }
    }

    @Test
    void anEmbeddableClassWithoutNoArgumentConstructorIsAnError() {
        String place = IMPORTS + """

                @Embeddable
                public class Place {
                    String city;

                    public Place(String city) {
                        this.city = city;
                    }
                }
                """;
        Result result = compile("home.Place", place);
        assertThat(errors(result)).containsExactly("Embeddable home.Place has no no-argument constructor, which loading"
                + " needs to create its values: add one (it need not be public), or declare it as a record.");
    }

    @Test
    void aFinalFieldOfAnEmbeddableClassIsAnErrorButRecordComponentsAreFine() {
        String place = IMPORTS + """

                @Embeddable
                public class Place {
                    final String city = "x";
                    @Transient
                    final String note = "ok";
                }
                """;
        Result result = compile("home.Place", place);
        assertThat(errors(result)).containsExactly("Field Place.city is final, but loading sets the fields of an"
                + " embeddable class: remove final, mark it @Transient, or declare Place as a record.");
    }

    @Test
    void aRelationshipInsideAnEmbeddableIsAnError() {
        String place = IMPORTS + """

                @Embeddable
                public record Place(String city, @ManyToOne House owner) {
                }
                """;
        Result result = compile("home.Place", place);
        assertThat(errors(result)).containsExactly("Field Place.owner is a @ManyToOne relationship inside an @Embeddable,"
                + " which Athanor does not map: relationships belong on the entity, so move it there.");
    }

    @Test
    void aJakartaEmbeddableRecordIsCheckedTheSameWay() {
        String place = """
                package home;

                @jakarta.persistence.Embeddable
                public record Place(String city, @jakarta.persistence.OneToOne House owner) {
                }
                """;
        Result result = compile("home.Place", place, "home.House", HOUSE.replace("@Embedded\n", ""));
        assertThat(errors(result)).containsExactly("Field Place.owner is a @OneToOne relationship inside an @Embeddable,"
                + " which Athanor does not map: relationships belong on the entity, so move it there.");
    }

    private static String describe(Result result) {
        StringBuilder text = new StringBuilder("diagnostics:");
        for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
            text.append("\n  ").append(d.getKind()).append(' ').append(d.getLineNumber()).append(' ')
                    .append(d.getMessage(Locale.ROOT));
        }
        return text.toString();
    }
}
