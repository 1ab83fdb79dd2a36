package io.athanor.orm.internal.async;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads, Java 21 and later: the multi-release jar's {@code META-INF/versions/21} version. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** An executor starting a named virtual thread per task. */
    static Optional<ExecutorService> executor() {
        return Optional.of(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("athanor-async-", 1).factory()));
    }
}
