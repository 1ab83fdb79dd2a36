package io.athanor.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The IDE metadata the configuration processor writes at compile time names every athanor.* setting. */
class ConfigurationMetadataTest {

    private static String metadata() throws IOException {
        try (InputStream in = AthanorProperties.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> settings() {
        List<String> names = new ArrayList<>();
        for (Field f : AthanorProperties.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                names.add("athanor." + f.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    @Test
    void everySettingIsListedWithADescriptionFromItsJavadoc() throws IOException {
        String json = metadata();
        List<String> settings = settings();
        assertThat(settings).contains("athanor.packages", "athanor.query-cache-size", "athanor.n-plus-one");
        for (String name : settings) {
            Matcher entry = Pattern.compile("\\{\\s*\"name\": \"" + Pattern.quote(name) + "\",[^}]*}").matcher(json);
            assertThat(entry.find()).as("an entry for %s in %s", name, json).isTrue();
            assertThat(entry.group()).as(name).containsPattern("\"description\": \"[A-Z][^\"]{10,}\"");
        }
        assertThat(json).contains("\"defaultValue\": 500", "\"defaultValue\": \"warn\"");
    }
}
