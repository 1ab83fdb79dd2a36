package io.athanor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.athanor.bench.CpuProfiler}) that reports the processor time one operation costs,
 * apart from the time it waits: {@code cpu.client.norm}, the benchmark threads' own CPU time (the JVM's thread CPU
 * clock, summed over JMH's worker threads), and {@code cpu.server.norm}, the CPU time of every {@code postgres}
 * process on this machine (from {@code /proc}, in 10 ms ticks; meaningful when nothing else uses the server), both in
 * microseconds an operation. Wall time on a machine whose round trips swing with its processors' idle states says
 * little about what a change saved; the client's CPU time per operation does. Garbage collection and compilation
 * run on threads of their own and are not counted. Linux only for the server figure (zero elsewhere).
 */
public final class CpuProfiler implements InternalProfiler {
    private static final double TICK_NANOS = 10_000_000; // USER_HZ is 100 on Linux
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> clientBefore = Map.of();
    private Map<String, Long> serverBefore = Map.of();

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark threads' own, and the local PostgreSQL server's";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        clientBefore = workerTimes();
        serverBefore = serverTicks();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        long client = 0;
        for (Map.Entry<Long, Long> e : workerTimes().entrySet()) {
            client += e.getValue() - clientBefore.getOrDefault(e.getKey(), 0L);
        }
        long ticks = 0;
        for (Map.Entry<String, Long> e : serverTicks().entrySet()) { // a backend started meanwhile counts from zero
            ticks += Math.max(0, e.getValue() - serverBefore.getOrDefault(e.getKey(), 0L));
        }
        double server = ticks * TICK_NANOS;
        return List.of(
                new ScalarResult("cpu.client.norm", client / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.server.norm", server / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu >= 0) {
                    times.put(t.getId(), cpu);
                }
            }
        }
        return times;
    }

    /** The user and system ticks of each process named {@code postgres}, by process id; empty without {@code /proc}. */
    private static Map<String, Long> serverTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : procs) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open >= 0 && close > open && stat.substring(open + 1, close).startsWith("postgres")) {
                        String[] f = stat.substring(close + 2).split(" ");
                        ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime: fields 14, 15
                    }
                } catch (IOException | RuntimeException exited) {
                    // gone meanwhile, or not a process we can read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            // not Linux, or /proc changed under the listing: what was read so far
        }
        return ticks;
    }
}
