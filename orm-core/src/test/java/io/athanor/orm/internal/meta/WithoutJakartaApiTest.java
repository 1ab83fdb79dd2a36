package io.athanor.orm.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.User;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * orm-core without the Jakarta Persistence API on the class path: the API is an optional dependency, so
 * mapping Athanor's own annotations must neither need it nor mention it. Run in a class loader that
 * holds orm-core, orm-annotations, orm-pool, SLF4J and the test entities, and nothing else.
 */
class WithoutJakartaApiTest {

    private static URLClassLoader withoutJakarta() {
        URL[] urls = List.of(MetadataBuilder.class, Entity.class, Engine.class, LoggerFactory.class, User.class).stream()
                .map(c -> c.getProtectionDomain().getCodeSource().getLocation()).distinct().toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theJakartaFrontEndIsReadOnlyWhenTheApiIsThere() {
        assertThat(FrontEnds.jakartaAvailable()).as("on this test class path").isTrue();
        assertThat(FrontEnds.jakarta(ClassLoader.getPlatformClassLoader())).isNull();
    }

    @Test
    void athanorsOwnAnnotationsAreReadWithoutTheApi() throws Exception {
        try (URLClassLoader loader = withoutJakarta()) {
            assertThatThrownBy(() -> Class.forName(FrontEnds.JAKARTA_ENTITY, false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> frontEnds = Class.forName(FrontEnds.class.getName(), true, loader);
            Method available = frontEnds.getDeclaredMethod("jakartaAvailable");
            available.setAccessible(true);
            assertThat(available.invoke(null)).isEqualTo(false);

            Class<?> builder = Class.forName(MetadataBuilder.class.getName(), true, loader);
            Class<?> dialect = Class.forName("io.athanor.orm.dialect.Dialect", true, loader);
            Object h2 = Class.forName(H2Dialect.class.getName(), true, loader).getField("INSTANCE").get(null);
            Method build = builder.getMethod("build", Collection.class, dialect);
            Class<?> user = Class.forName(User.class.getName(), true, loader);
            Class<?> order = Class.forName(io.athanor.orm.model.Order.class.getName(), true, loader);
            Class<?> article = Class.forName(io.athanor.orm.model.Article.class.getName(), true, loader);
            Object metadata = build.invoke(null, List.of(user, order, article), h2);
            assertThat(metadata.getClass().getClassLoader()).isSameAs(loader);
            assertThat(metadata.getClass().getMethod("entity", Class.class).invoke(metadata, user)).isNotNull();

            Class<?> notAnEntity = Class.forName(WithoutJakartaApiTest.class.getName(), true, loader);
            InvocationTargetException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    InvocationTargetException.class, () -> build.invoke(null, List.of(notAnEntity), h2));
            assertThat(failure.getCause().getMessage()).contains("is not annotated @Entity; annotate it "
                    + "(io.athanor.orm.annotations.Entity), or do not register it").doesNotContain("jakarta");
        }
    }
}
