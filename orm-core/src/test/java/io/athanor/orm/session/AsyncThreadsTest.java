package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.async.DefaultAsyncSessionFactory;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.util.concurrent.TimeUnit;

/**
 * Which threads async sessions use: virtual threads from the multi-release jar's Java 21 classes when the JVM has
 * them, the engine's pool of platform threads otherwise. The build runs this once on the compiled classes and, on
 * JDK 21 and later, once more on the packaged jar, where the Java 21 classes take effect.
 */
class AsyncThreadsTest {

    /** Whether the Java 21 classes are in effect: a Java 21+ JVM reading orm-core from its multi-release jar. */
    private static boolean java21ClassesInEffect() {
        String from = DefaultAsyncSessionFactory.class.getProtectionDomain().getCodeSource().getLocation().toString();
        return Runtime.version().feature() >= 21 && from.endsWith(".jar");
    }

    private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
    }

    @DatabaseTest(DatabaseKind.H2)
    void workRunsOnVirtualThreadsFromTheJava21ClassesElseOnTheEnginesPool(Engine engine) throws Exception {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        Thread worker = f.async().run(s -> Thread.currentThread()).get(30, TimeUnit.SECONDS);
        if (java21ClassesInEffect()) {
            assertThat(isVirtual(worker)).isTrue();
            assertThat(worker.getName()).startsWith("athanor-async-");
        } else {
            assertThat(isVirtual(worker)).isFalse();
            assertThat(worker.getName()).startsWith("athanor-async-" + engine.config().name() + "-");
            assertThat(worker.isDaemon()).isTrue();
        }
    }
}
