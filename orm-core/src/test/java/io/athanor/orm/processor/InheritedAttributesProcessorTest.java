package io.athanor.orm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.processor.InMemoryCompiler.Result;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metamodel of an entity holds the attributes it inherits from mapped superclasses (generic ones resolved to the
 * entity's type arguments) and from an entity superclass, and the processor's checks see inherited fields.
 */
class InheritedAttributesProcessorTest {

    private static final String IMPORTS = """
            package zoo;

            import io.athanor.orm.annotations.*;
            import java.util.*;
            """;

    private static final String BASE = IMPORTS + """

            @MappedSuperclass
            public abstract class Base<ID> {
                @Id
                @GeneratedValue
                ID id;
                @Version
                long version;
            }
            """;

    private static final String AUDITED = IMPORTS + """

            @MappedSuperclass
            public abstract class Audited<ID> extends Base<ID> {
                String createdBy;
                @ManyToOne
                Keeper keeper;
            }
            """;

    private static final String KEEPER = IMPORTS + """

            @Entity
            public class Keeper extends Base<Long> {
                String name;
                @OneToMany(mappedBy = "keeper")
                List<Animal> animals = new ArrayList<>();
            }
            """;

    private static final String ANIMAL = IMPORTS + """

            @Entity
            @Inheritance
            public abstract class Animal extends Audited<Long> {
                String name;
            }
            """;

    private static final String CAT = IMPORTS + """

            @Entity
            @DiscriminatorValue("cat")
            public class Cat extends Animal {
                int lives;
            }
            """;

    /** Not a mapped superclass: its field is not mapped, as in JPA. */
    private static final String PLAIN = IMPORTS + """

            public abstract class Plain {
                String ignored;
            }
            """;

    private static final String PLAIN_CHILD = IMPORTS + """

            @Entity
            public class PlainChild extends Plain {
                @Id
                UUID id;
            }
            """;

    @TempDir
    Path out;

    private static Map<String, String> zoo(String... replacements) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("zoo.Base", BASE);
        sources.put("zoo.Audited", AUDITED);
        sources.put("zoo.Keeper", KEEPER);
        sources.put("zoo.Animal", ANIMAL);
        sources.put("zoo.Cat", CAT);
        sources.put("zoo.Plain", PLAIN);
        sources.put("zoo.PlainChild", PLAIN_CHILD);
        for (int i = 0; i < replacements.length; i += 2) {
            sources.put(replacements[i], replacements[i + 1]);
        }
        return sources;
    }

    @Test
    void anEntityWithItsIdInAMappedSuperclassCompilesAndItsMetamodelHasTheInheritedAttributes() {
        Result result = InMemoryCompiler.compile(out, zoo());
        assertThat(result.errors()).as(result.diagnostics().toString()).isEmpty();
        String q = "io.athanor.orm.query.";
        String keeper = result.generatedSource("zoo.Keeper_").replaceAll("\\s+", " ");
        assertThat(keeper).contains(
                q + "NumberAttribute<zoo.Keeper, java.lang.Long> id = new " + q
                        + "NumberAttribute<>(zoo.Keeper.class, \"id\", java.lang.Long.class);",
                q + "NumberAttribute<zoo.Keeper, java.lang.Long> version",
                q + "StringAttribute<zoo.Keeper> name",
                q + "CollectionAttribute<zoo.Keeper, zoo.Animal> animals");
    }

    @Test
    void aSubclassEntityHasTheAttributesOfItsEntitySuperclassAndOfTheMappedSuperclassesAbove() {
        Result result = InMemoryCompiler.compile(out, zoo());
        assertThat(result.errors()).as(result.diagnostics().toString()).isEmpty();
        String q = "io.athanor.orm.query.";
        String cat = result.generatedSource("zoo.Cat_").replaceAll("\\s+", " ");
        assertThat(cat).contains(
                q + "NumberAttribute<zoo.Cat, java.lang.Long> id = new " + q + "NumberAttribute<>(zoo.Cat.class, \"id\", "
                        + "java.lang.Long.class);",
                q + "StringAttribute<zoo.Cat> createdBy",
                q + "ReferenceAttribute<zoo.Cat, zoo.Keeper> keeper",
                q + "StringAttribute<zoo.Cat> name",
                q + "NumberAttribute<zoo.Cat, java.lang.Integer> lives");
        assertThat(cat.indexOf(" id =")).as("the topmost class's fields first").isLessThan(cat.indexOf(" lives ="));
        assertThat(result.generatedExists("zoo.Animal_")).isTrue();
        assertThat(result.generatedExists("zoo.Base_")).as("a mapped superclass has no metamodel of its own").isFalse();
    }

    @Test
    void fieldsOfASuperclassThatIsNotMappedAreNotAttributes() {
        Result result = InMemoryCompiler.compile(out, zoo());
        assertThat(result.errors()).as(result.diagnostics().toString()).isEmpty();
        assertThat(result.generatedSource("zoo.PlainChild_")).contains(" id").doesNotContain("ignored");
    }

    @Test
    void checksApplyToInheritedFields() {
        String audited = AUDITED.replace("    Keeper keeper;", "    Keeper keeper;\n    @OneToMany(mappedBy = \"nobody\")\n"
                + "    List<Keeper> keepers = new ArrayList<>();");
        Result result = InMemoryCompiler.compile(out, zoo("zoo.Audited", audited));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.getMessage(Locale.ROOT))
                .contains("mappedBy 'nobody' on Audited.keepers names no field of Keeper"));
        assertThat(result.generatedExists("zoo.Cat_")).isFalse();
    }

    @Test
    void anEntityWhoseOnlyIdIsInAPlainSuperclassHasNoId() {
        String child = PLAIN_CHILD.replace("    @Id\n    UUID id;\n", "");
        String plain = PLAIN.replace("String ignored;", "@Id Long id;");
        Result result = InMemoryCompiler.compile(out, zoo("zoo.PlainChild", child, "zoo.Plain", plain));
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.getMessage(Locale.ROOT))
                .isEqualTo("Entity zoo.PlainChild has no @Id field: mark its primary key field with @Id."));
    }
}
