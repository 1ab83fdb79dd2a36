package io.athanor.orm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.processor.InMemoryCompiler.Result;
import io.athanor.orm.query.Attribute;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetamodelProcessorTest {

    private static final String IMPORTS = """
            package shop;

            import io.athanor.orm.annotations.*;
            import java.math.BigDecimal;
            import java.util.*;
            """;

    private static final String USER = IMPORTS + """

            @Entity
            public class User {
                @Id
                @GeneratedValue
                private Long id;
                private String name;
                @OneToMany(mappedBy = "user")
                private List<Order> orders = new ArrayList<>();
                @Embedded
                private Address homeAddress;
                private byte[] avatar;
                @Enumerated
                private Status status;
                private BigDecimal balance;
                private int logins;
                private boolean active;
                private java.time.Instant createdAt;
                @ManyToMany
                private Set<Tag> tags = new HashSet<>();
                @OneToOne
                private Profile profile;
                @Transient
                private String displayCache;
                private transient int scratch;
                private static int instances;

                protected User() {
                }
            }
            """;

    private static final String ORDER = IMPORTS + """

            @Entity
            public class Order {
                @Id
                private long id;
                @ManyToOne
                private User user;
                private java.time.LocalDate placedOn;
            }
            """;

    private static final String ADDRESS = IMPORTS + """

            @Embeddable
            public class Address {
                private String city;
                private String street;
                @Embedded
                private GeoPoint location;
            }
            """;

    private static final String GEO_POINT = IMPORTS + """

            @Embeddable
            public class GeoPoint {
                private double lat;
                private double lon;
            }
            """;

    private static final String TAG = IMPORTS + """

            @Entity
            public class Tag {
                @Id
                private long id;
                @ManyToMany(mappedBy = "tags")
                private Set<User> users;
            }
            """;

    private static final String PROFILE = IMPORTS + """

            @Entity
            public class Profile {
                @Id
                private long id;
                @OneToOne(mappedBy = "profile")
                private User user;
            }
            """;

    private static final String STATUS = "package shop;\npublic enum Status { ACTIVE, BLOCKED }\n";

    @TempDir
    Path out;

    /** The good model, with {@code replacements} of whole sources by class name. */
    private static Map<String, String> shop(String... replacements) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("shop.User", USER);
        sources.put("shop.Order", ORDER);
        sources.put("shop.Address", ADDRESS);
        sources.put("shop.GeoPoint", GEO_POINT);
        sources.put("shop.Tag", TAG);
        sources.put("shop.Profile", PROFILE);
        sources.put("shop.Status", STATUS);
        for (int i = 0; i < replacements.length; i += 2) {
            sources.put(replacements[i], replacements[i + 1]);
        }
        return sources;
    }

    @Test
    void goodModelCompilesWithoutErrorsOrWarnings() {
        Result result = InMemoryCompiler.compile(out, shop());

        assertThat(result.errors()).as(describe(result)).isEmpty();
        assertThat(result.sourceWarnings()).as(describe(result)).isEmpty();
        assertThat(result.success()).isTrue();
        for (String metamodel : List.of("User_", "Order_", "Address_", "GeoPoint_", "Tag_", "Profile_")) {
            assertThat(result.generatedExists("shop." + metamodel)).as(metamodel).isTrue();
        }
    }

    @Test
    void generatedSourceDeclaresOneHandlePerMappedField() {
        Result result = InMemoryCompiler.compile(out, shop());
        String user = normalize(result.generatedSource("shop.User_"));
        String q = "io.athanor.orm.query.";

        assertThat(user).contains(
                "@javax.annotation.processing.Generated(\"io.athanor.orm.annotations.processor.MetamodelProcessor\")",
                "public final class User_ {",
                "private User_() { }",
                "public static final " + q + "NumberAttribute<shop.User, java.lang.Long> id = new " + q
                        + "NumberAttribute<>(shop.User.class, \"id\", java.lang.Long.class);",
                "public static final " + q + "StringAttribute<shop.User> name = new " + q
                        + "StringAttribute<>(shop.User.class, \"name\");",
                "public static final " + q + "CollectionAttribute<shop.User, shop.Order> orders = new " + q
                        + "CollectionAttribute<>(shop.User.class, \"orders\", shop.Order.class);",
                "public static final HomeAddressPath homeAddress = new HomeAddressPath();",
                "public static final " + q + "Attribute<shop.User, byte[]> avatar = new " + q
                        + "Attribute<>(shop.User.class, \"avatar\", byte[].class);",
                "public static final " + q + "ComparableAttribute<shop.User, shop.Status> status = new " + q
                        + "ComparableAttribute<>(shop.User.class, \"status\", shop.Status.class);",
                "public static final " + q + "NumberAttribute<shop.User, java.math.BigDecimal> balance = new " + q
                        + "NumberAttribute<>(shop.User.class, \"balance\", java.math.BigDecimal.class);",
                "public static final " + q + "NumberAttribute<shop.User, java.lang.Integer> logins = new " + q
                        + "NumberAttribute<>(shop.User.class, \"logins\", java.lang.Integer.class);",
                "public static final " + q + "Attribute<shop.User, java.lang.Boolean> active = new " + q
                        + "Attribute<>(shop.User.class, \"active\", java.lang.Boolean.class);",
                "public static final " + q + "ComparableAttribute<shop.User, java.time.Instant> createdAt = new " + q
                        + "ComparableAttribute<>(shop.User.class, \"createdAt\", java.time.Instant.class);",
                "public static final " + q + "CollectionAttribute<shop.User, shop.Tag> tags = new " + q
                        + "CollectionAttribute<>(shop.User.class, \"tags\", shop.Tag.class);",
                "public static final " + q + "ReferenceAttribute<shop.User, shop.Profile> profile = new " + q
                        + "ReferenceAttribute<>(shop.User.class, \"profile\", shop.Profile.class);",
                "public static final class HomeAddressPath { ",
                "public final " + q + "StringAttribute<shop.User> city = new " + q
                        + "StringAttribute<>(shop.User.class, \"homeAddress.city\");",
                "public final LocationPath location = new LocationPath();",
                "private HomeAddressPath() { }",
                "public static final class LocationPath { ",
                "public final " + q + "NumberAttribute<shop.User, java.lang.Double> lat = new " + q
                        + "NumberAttribute<>(shop.User.class, \"homeAddress.location.lat\", java.lang.Double.class);");
        assertThat(user).doesNotContain("displayCache", "scratch", "instances");

        assertThat(normalize(result.generatedSource("shop.Order_"))).contains(
                "public static final " + q + "ReferenceAttribute<shop.Order, shop.User> user = new " + q
                        + "ReferenceAttribute<>(shop.Order.class, \"user\", shop.User.class);",
                "public static final " + q + "ComparableAttribute<shop.Order, java.time.LocalDate> placedOn = new " + q
                        + "ComparableAttribute<>(shop.Order.class, \"placedOn\", java.time.LocalDate.class);");
        assertThat(normalize(result.generatedSource("shop.Address_"))).contains(
                "public static final " + q + "StringAttribute<shop.Address> city = new " + q
                        + "StringAttribute<>(shop.Address.class, \"city\");",
                "public static final LocationPath location = new LocationPath();");
    }

    @Test
    void generatedClassesLoadAndNameTheirPaths() throws Exception {
        Result result = InMemoryCompiler.compile(out, shop());
        assertThat(result.errors()).as(describe(result)).isEmpty();

        try (URLClassLoader loader = result.classLoader()) {
            Class<?> user = loader.loadClass("shop.User");
            Class<?> metamodel = Class.forName("shop.User_", true, loader);
            assertThat(Modifier.isFinal(metamodel.getModifiers())).isTrue();
            assertThat(metamodel.getDeclaredConstructors())
                    .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());

            Attribute<?, ?> name = attribute(metamodel.getField("name").get(null));
            assertThat(name.path()).isEqualTo("name");
            assertThat(name.entityType()).isSameAs(user);
            assertThat(name.javaType()).isSameAs(String.class);

            Object homeAddress = metamodel.getField("homeAddress").get(null);
            Attribute<?, ?> city = attribute(homeAddress.getClass().getField("city").get(homeAddress));
            assertThat(city.path()).isEqualTo("homeAddress.city");
            assertThat(city.entityType()).isSameAs(user);

            Object location = homeAddress.getClass().getField("location").get(homeAddress);
            Attribute<?, ?> lat = attribute(location.getClass().getField("lat").get(location));
            assertThat(lat.path()).isEqualTo("homeAddress.location.lat");
            assertThat(lat.javaType()).isSameAs(Double.class);

            Attribute<?, ?> orders = attribute(metamodel.getField("orders").get(null));
            assertThat(orders.javaType()).isSameAs(loader.loadClass("shop.Order"));
            assertThat(attribute(metamodel.getField("avatar").get(null)).javaType()).isSameAs(byte[].class);
            assertThat(attribute(metamodel.getField("logins").get(null)).javaType()).isSameAs(Integer.class);
        }
    }

    @Test
    void nestedEntityGetsOuterUnderscoreInnerMetamodel() throws Exception {
        String source = IMPORTS + """

                public class Catalog {
                    @Entity
                    public static class Item {
                        @Id
                        long id;
                        String title;
                    }
                }
                """;
        Result result = InMemoryCompiler.compile(out, Map.of("shop.Catalog", source));

        assertThat(result.errors()).as(describe(result)).isEmpty();
        assertThat(normalize(result.generatedSource("shop.Catalog_Item_"))).contains(
                "public final class Catalog_Item_ {",
                "io.athanor.orm.query.StringAttribute<shop.Catalog.Item> title");
        try (URLClassLoader loader = result.classLoader()) {
            Class<?> metamodel = Class.forName("shop.Catalog_Item_", true, loader);
            assertThat(attribute(metamodel.getField("title").get(null)).path()).isEqualTo("title");
        }
    }

    @Test
    void otherTypesGenericEntitiesAndDeprecatedClassesCompileWithoutWarnings() throws Exception {
        String doc = IMPORTS + """

                @Entity
                public class Doc {
                    @Id
                    UUID id;
                    @Convert(TagsConverter.class)
                    List<String> tags;
                    Map<String, List<Integer>> counts;
                    char grade;
                    Character initial;
                    java.time.Duration ttl;
                    java.time.OffsetDateTime seen;
                    java.time.LocalTime at;
                    java.time.LocalDateTime when;
                    short small;
                    Byte tiny;
                    float ratio;
                    java.math.BigInteger big;
                    Boolean flag;
                    String[] lines;
                    Old old;
                    int io;
                    String java;
                }
                """;
        String converter = IMPORTS + """

                public class TagsConverter implements AttributeConverter<List<String>, String> {
                    public String toDatabase(List<String> tags) { return String.join(",", tags); }
                    public List<String> fromDatabase(String text) { return List.of(text.split(",")); }
                }
                """;
        String box = IMPORTS + """

                @Entity
                public class Box<T extends Comparable<T>> {
                    @Id
                    long id;
                    T content;
                    List<T> history;
                }
                """;
        String old = IMPORTS + """

                @Deprecated
                @Embeddable
                public class Old {
                    String note;
                }
                """;
        Result result = InMemoryCompiler.compile(out,
                Map.of("shop.Doc", doc, "shop.TagsConverter", converter, "shop.Box", box, "shop.Old", old));

        assertThat(result.errors()).as(describe(result)).isEmpty();
        assertThat(result.sourceWarnings().stream().filter(d -> !d.getSource().getName().endsWith("/Doc.java")))
                .as(describe(result)).isEmpty();
        String q = "io.athanor.orm.query.";
        assertThat(normalize(result.generatedSource("shop.Doc_"))).contains(
                "@SuppressWarnings(\"unchecked\") public static final " + q
                        + "Attribute<shop.Doc, java.util.List<java.lang.String>> tags = new " + q
                        + "Attribute<>(shop.Doc.class, \"tags\", (java.lang.Class<java.util.List<java.lang.String>>)"
                        + " (java.lang.Class<?>) java.util.List.class);",
                q + "Attribute<shop.Doc, java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>> counts",
                q + "ComparableAttribute<shop.Doc, java.lang.Character> grade",
                q + "ComparableAttribute<shop.Doc, java.lang.Character> initial",
                q + "ComparableAttribute<shop.Doc, java.time.Duration> ttl",
                q + "ComparableAttribute<shop.Doc, java.time.OffsetDateTime> seen",
                q + "ComparableAttribute<shop.Doc, java.time.LocalTime> at",
                q + "ComparableAttribute<shop.Doc, java.time.LocalDateTime> when",
                q + "ComparableAttribute<shop.Doc, java.util.UUID> id",
                q + "NumberAttribute<shop.Doc, java.lang.Short> small",
                q + "NumberAttribute<shop.Doc, java.lang.Byte> tiny",
                q + "NumberAttribute<shop.Doc, java.lang.Float> ratio",
                q + "NumberAttribute<shop.Doc, java.math.BigInteger> big",
                q + "Attribute<shop.Doc, java.lang.Boolean> flag",
                q + "Attribute<shop.Doc, java.lang.String[]> lines = new " + q
                        + "Attribute<>(shop.Doc.class, \"lines\", java.lang.String[].class);",
                q + "Attribute<shop.Doc, shop.Old> old");
        assertThat(normalize(result.generatedSource("shop.Box_"))).contains(
                "@SuppressWarnings({\"rawtypes\"})",
                q + "Attribute<shop.Box, java.lang.Comparable<?>> content",
                q + "Attribute<shop.Box, java.util.List<?>> history");
        assertThat(normalize(result.generatedSource("shop.Old_"))).contains("@SuppressWarnings({\"deprecation\"})");

        try (URLClassLoader loader = result.classLoader()) {
            Class<?> metamodel = Class.forName("shop.Doc_", true, loader);
            assertThat(attribute(metamodel.getField("tags").get(null)).javaType()).isSameAs(List.class);
            assertThat(attribute(metamodel.getField("java").get(null)).path()).isEqualTo("java");
        }
    }

    @Test
    void entityWithoutIdIsAnError() {
        String user = USER.replace("    @Id\n", "");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "public class User",
                "Entity shop.User has no @Id field: mark its primary key field with @Id.");
        assertThat(result.generatedExists("shop.User_")).isFalse();
        assertThat(result.generatedExists("shop.Order_")).isTrue();
    }

    @Test
    void checksCanBeReportedAsWarningsForDeliberatelyWrongSources() {
        String user = USER.replace("    @Id\n", "");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user), List.of("-Aathanor.metamodel.checks=warning"));

        assertThat(result.success()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.getMessage(java.util.Locale.ROOT))
                .isEqualTo("Entity shop.User has no @Id field: mark its primary key field with @Id."));
        assertThat(result.generatedExists("shop.User_")).isFalse();
    }

    @Test
    void checksCanBeReportedAsNotesSoThatABuildShowsNoWarning() {
        String user = USER.replace("    @Id\n", "");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user), List.of("-Aathanor.metamodel.checks=note"));

        assertThat(result.success()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.diagnostics()).as("the mistake is not reported as a warning")
                .noneMatch(d -> (d.getKind() == javax.tools.Diagnostic.Kind.WARNING
                        || d.getKind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING)
                        && d.getMessage(java.util.Locale.ROOT).contains("@Id"));
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.getKind()).isEqualTo(javax.tools.Diagnostic.Kind.NOTE);
            assertThat(d.getMessage(java.util.Locale.ROOT))
                    .isEqualTo("Entity shop.User has no @Id field: mark its primary key field with @Id.");
        });
        assertThat(result.generatedExists("shop.User_")).isFalse();
    }

    @Test
    void finalEntityIsAnError() {
        String user = USER.replace("public class User", "public final class User");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "public final class User",
                "Entity shop.User is final, but lazy loading stands in for unloaded User rows with a subclass"
                        + " proxy: remove the final modifier.");
    }

    @Test
    void entityWithoutNoArgumentConstructorIsAnError() {
        String user = USER.replace("protected User() {", "protected User(String name) {");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "public class User",
                "Entity shop.User has no no-argument constructor, which lazy loading needs to create its subclass"
                        + " proxies and loading needs to create instances: add one (it need not be public).");
    }

    @Test
    void privateNoArgumentConstructorIsEnough() {
        Result result = InMemoryCompiler.compile(out, shop("shop.User", USER.replace("protected User()", "private User()")));

        assertThat(result.errors()).as(describe(result)).isEmpty();
    }

    @Test
    void mappedByNamingNoFieldIsAnError() {
        String user = USER.replace("@OneToMany(mappedBy = \"user\")", "@OneToMany(mappedBy = \"owner\")");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "List<Order> orders",
                "mappedBy 'owner' on User.orders names no field of Order; Order's fields are: [id, user, placedOn].");
    }

    @Test
    void mappedByNamingAFieldOfAnotherEntityTypeIsAnError() {
        String order = ORDER.replace("private User user;", "private Customer user;");
        String customer = IMPORTS + "\n@Entity\npublic class Customer {\n    @Id\n    long id;\n}\n";
        Result result = InMemoryCompiler.compile(out, shop("shop.Order", order, "shop.Customer", customer));

        assertSingleError(result, "shop.User", USER, "List<Order> orders",
                "mappedBy 'user' on User.orders names Order.user, which does not refer back to User: it is a"
                        + " @ManyToOne of Customer; mappedBy must name the @ManyToOne field of Order that refers to User.");
    }

    @Test
    void mappedByNamingAPlainColumnIsAnError() {
        String order = ORDER.replace("    @ManyToOne\n    private User user;", "    private String user;");
        Result result = InMemoryCompiler.compile(out, shop("shop.Order", order));

        assertSingleError(result, "shop.User", USER, "List<Order> orders",
                "mappedBy 'user' on User.orders names Order.user, which does not refer back to User: it is a plain"
                        + " column, not a @ManyToOne; mappedBy must name the @ManyToOne field of Order that refers to User.");
    }

    @Test
    void oneToOneWithMappedByOnBothSidesIsAnError() {
        String user = USER.replace("@OneToOne\n", "@OneToOne(mappedBy = \"user\")\n");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertThat(result.errors()).as(describe(result)).hasSize(2);
        assertThat(result.errors()).extracting(d -> d.getMessage(Locale.ROOT)).containsExactlyInAnyOrder(
                "mappedBy 'user' on User.profile names Profile.user, which does not refer back to User: it has"
                        + " mappedBy 'profile' itself, so neither side owns the relationship; remove mappedBy from the"
                        + " side that should own it.",
                "mappedBy 'profile' on Profile.user names User.profile, which does not refer back to Profile: it has"
                        + " mappedBy 'user' itself, so neither side owns the relationship; remove mappedBy from the"
                        + " side that should own it.");
    }

    @Test
    void manyToManyMappedByNamingNoFieldIsAnError() {
        String tag = TAG.replace("mappedBy = \"tags\"", "mappedBy = \"labels\"");
        Result result = InMemoryCompiler.compile(out, shop("shop.Tag", tag));

        assertSingleError(result, "shop.Tag", tag, "Set<User> users",
                "mappedBy 'labels' on Tag.users names no field of User; User's fields are: [id, name, orders,"
                        + " homeAddress, avatar, status, balance, logins, active, createdAt, tags, profile].");
    }

    @Test
    void toManyFieldThatIsNotAGenericCollectionIsAnError() {
        String user = USER.replace("private List<Order> orders = new ArrayList<>();", "private Order orders;");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "Order orders;",
                "@OneToMany field User.orders has type shop.Order, which is not a generic collection type with one"
                        + " type argument naming the related entity: declare it as List<E>, Set<E> or Collection<E>,"
                        + " with E the related entity class.");
    }

    @Test
    void toManyMapIsAnError() {
        String user = USER.replace("private Set<Tag> tags = new HashSet<>();", "private Map<Long, Tag> tags;");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "Map<Long, Tag> tags;",
                "@ManyToMany field User.tags has type java.util.Map<java.lang.Long,shop.Tag>, which is not a generic"
                        + " collection type with one type argument naming the related entity: declare it as List<E>,"
                        + " Set<E> or Collection<E>, with E the related entity class.");
    }

    @Test
    void embeddedFieldOfNonEmbeddableTypeIsAnError() {
        String address = ADDRESS.replace("@Embeddable\n", "");
        Result result = InMemoryCompiler.compile(out, shop("shop.Address", address));

        assertSingleError(result, "shop.User", USER, "Address homeAddress;",
                "@Embedded field User.homeAddress has type shop.Address, which is not @Embeddable: annotate Address"
                        + " with @Embeddable, or remove @Embedded.");
    }

    @Test
    void embeddableContainingItselfIsAnErrorOnItsOwnField() {
        String geoPoint = GEO_POINT.replace("private double lon;", "private double lon;\n    @Embedded\n    private Address near;");
        Result result = InMemoryCompiler.compile(out, shop("shop.GeoPoint", geoPoint));

        assertThat(result.errors()).as(describe(result)).hasSize(2);
        assertThat(result.errors()).extracting(d -> d.getMessage(Locale.ROOT)).containsExactlyInAnyOrder(
                "@Embedded field Address.location makes Address contain itself (Address.location.near), which no row"
                        + " can store: make one of these fields a relationship to an entity, or @Transient.",
                "@Embedded field GeoPoint.near makes GeoPoint contain itself (GeoPoint.near.location), which no row"
                        + " can store: make one of these fields a relationship to an entity, or @Transient.");
        assertThat(result.generatedExists("shop.User_")).isFalse();
    }

    @Test
    void fieldOfAPrivateTypeIsAnError() {
        String user = USER.replace("private static int instances;", "private static int instances;\n    private Level level;\n    private enum Level { LOW, HIGH }");
        Result result = InMemoryCompiler.compile(out, shop("shop.User", user));

        assertSingleError(result, "shop.User", user, "private Level level;",
                "Field User.level has type shop.User.Level, but shop.User.Level is private, so the generated"
                        + " metamodel (in package shop) can't refer to it: make it package-private or public.");
    }

    @Test
    void innerEntityClassIsAnError() {
        String source = IMPORTS + """

                public class Catalog {
                    @Entity
                    public class Item {
                        @Id
                        long id;
                    }
                }
                """;
        Result result = InMemoryCompiler.compile(out, Map.of("shop.Catalog", source));

        assertSingleError(result, "shop.Catalog", source, "public class Item",
                "Entity shop.Catalog.Item is an inner class, so it can't be created without an instance of Catalog:"
                        + " declare it static.");
    }

    @Test
    void unresolvedFieldTypeLeavesTheErrorToJavac() {
        String source = IMPORTS + "\n@Entity\npublic class Broken {\n    @Id\n    long id;\n    Missing thing;\n}\n";
        Result result = InMemoryCompiler.compile(out, Map.of("shop.Broken", source));

        assertThat(result.errors()).as(describe(result)).hasSize(1);
        assertThat(result.errors().get(0).getCode()).isEqualTo("compiler.err.cant.resolve.location");
        assertThat(result.generatedExists("shop.Broken_")).isFalse();
    }

    private static void assertSingleError(Result result, String className, String source, String marker, String message) {
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).as(describe(result)).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = result.errors().get(0);
        assertThat(error.getMessage(Locale.ROOT)).isEqualTo(message);
        assertThat(error.getSource().getName()).endsWith("/" + className.replace('.', '/') + ".java");
        assertThat(error.getLineNumber()).as("line of %s", marker).isEqualTo(lineOf(source, marker));
    }

    private static long lineOf(String source, String marker) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }

    private static Attribute<?, ?> attribute(Object value) {
        assertThat(value).isInstanceOf(Attribute.class);
        return (Attribute<?, ?>) value;
    }

    private static String normalize(String source) {
        return source.replaceAll("\\s+", " ");
    }

    private static String describe(Result result) {
        StringBuilder text = new StringBuilder("diagnostics:");
        for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
            text.append("\n  ").append(d.getKind()).append(' ')
                    .append(d.getSource() == null ? "-" : d.getSource().getName()).append(':').append(d.getLineNumber())
                    .append(' ').append(d.getMessage(Locale.ROOT));
        }
        return text.toString();
    }
}
