package io.athanor.orm.internal.async;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Virtual threads where the JVM has them. This is the Java 17 version: none. The jar is multi-release, and its
 * {@code META-INF/versions/21} holds the version that returns a virtual-thread-per-task executor (from
 * {@code src/main/java21}, compiled when the build runs on JDK 21 or later).
 */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** An executor starting a virtual thread per task, or empty before Java 21. */
    static Optional<ExecutorService> executor() {
        return Optional.empty();
    }
}
