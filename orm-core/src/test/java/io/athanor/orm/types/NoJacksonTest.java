package io.athanor.orm.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * orm-core without Jackson on the class path: entities without JSON fields work, and a {@code @Json} field
 * fails at start-up naming the field and the dependency to add. Athanor's classes are loaded again in a class
 * loader that hides Jackson.
 */
class NoJacksonTest {

    /** Defines Athanor's classes itself (from the test class path) and refuses Jackson's; the rest comes from the parent. */
    private static final class WithoutJackson extends ClassLoader {
        WithoutJackson(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.fasterxml.jackson.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.athanor.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void withoutJacksonOrmCoreWorksAndAJsonFieldIsRefusedNamingTheDependency() throws Exception {
        ClassLoader loader = new WithoutJackson(NoJacksonTest.class.getClassLoader());
        Class<?> probe = loader.loadClass(NoJacksonProbe.class.getName());
        assertThat(probe).isNotSameAs(NoJacksonProbe.class);
        String message = (String) probe.getMethod("run").invoke(null);
        assertThat(message)
                .contains("Field io.athanor.orm.types.NoJacksonProbe$WithJson.data is marked @Json")
                .contains("Jackson is not on the class path")
                .contains("com.fasterxml.jackson.core:jackson-databind");
    }

    @Test
    void reflectionOverTheFactoryBuildersPublicMethodsNeedsNoJackson() throws Exception {
        ClassLoader loader = new WithoutJackson(NoJacksonTest.class.getClassLoader());
        Class<?> probe = loader.loadClass(NoJacksonCodecProbe.class.getName());
        @SuppressWarnings("unchecked")
        List<String> methods = (List<String>) probe.getMethod("builderMethods").invoke(null);
        assertThat(methods).contains("jsonCodec(JsonCodec,)", "entities(Class[],)", "build()")
                .noneMatch(m -> m.contains("ObjectMapper"));
    }

    @Test
    void aCodecOfTheApplicationsOwnWritesJsonFieldsWithoutJackson() throws Exception {
        ClassLoader loader = new WithoutJackson(NoJacksonTest.class.getClassLoader());
        Class<?> probe = loader.loadClass(NoJacksonCodecProbe.class.getName());
        assertThat(probe.getMethod("roundTrip").invoke(null)).isEqualTo("say \"no\" to Jackson");
    }
}
