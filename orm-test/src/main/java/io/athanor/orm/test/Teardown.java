package io.athanor.orm.test;

import io.athanor.orm.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a throwaway server closes when it ends: the engines made for it, and the JVM shutdown hook that ends it
 * if a test run is cut short. Guarded by the owning server's lock, except {@link #removeHook()}.
 */
final class Teardown {
    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private final List<Engine> engines = new ArrayList<>();
    private volatile Thread hook;

    /** Runs {@code shutDown} at JVM exit unless {@link #removeHook()} is called first. */
    void onExit(Runnable shutDown, String threadName) {
        Thread t = new Thread(shutDown, threadName);
        Runtime.getRuntime().addShutdownHook(t);
        hook = t;
    }

    /** Closes {@code engine} with the server. */
    Engine track(Engine engine) {
        engines.add(engine);
        return engine;
    }

    /** Closes the tracked engines, logging (not throwing) what fails. */
    void closeEngines() {
        for (Engine e : engines) {
            try {
                e.close();
            } catch (RuntimeException failure) {
                LOG.debug("Closing an engine failed", failure);
            }
        }
        engines.clear();
    }

    /** Drops the shutdown hook after an orderly close; harmless while the JVM is already shutting down. */
    void removeHook() {
        Thread t = hook;
        if (t != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(t);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it finds the server closed
            }
        }
    }
}
