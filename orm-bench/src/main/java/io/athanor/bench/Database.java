package io.athanor.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seeded benchmark schema: created once per trial, before any implementation's state starts,
 * so every benchmark method sees the same rows whichever ran before it.
 */
@State(Scope.Benchmark)
public class Database {
    /** Drops and seeds the schema. */
    @Setup(Level.Trial)
    public void seed() {
        BenchSchema.create();
    }
}
