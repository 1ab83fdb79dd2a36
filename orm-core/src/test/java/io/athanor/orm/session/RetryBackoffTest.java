package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Retry;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.TransactionConflictException;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code Retry} waits before each new run, with exponential backoff and full jitter. The waits are
 * checked as figures (recorded by a sleeper, or drawn from a seeded generator), never timed.
 */
class RetryBackoffTest {

    @Test
    void theDefaultBackoffDoublesFrom10MillisecondsUpToOneSecond() {
        Retry retry = Retry.retry(10);
        assertThat(retry.baseDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.maxDelayAfter(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(retry.maxDelayAfter(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(retry.maxDelayAfter(7)).isEqualTo(Duration.ofMillis(640));
        assertThat(retry.maxDelayAfter(8)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.maxDelayAfter(1_000)).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> retry.maxDelayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachWaitIsDrawnBetweenZeroAndItsCap() {
        Retry retry = Retry.retry(10).backoff(Duration.ofMillis(50), Duration.ofMillis(300));
        Random random = new Random(21);
        for (int failedRuns = 1; failedRuns <= 9; failedRuns++) {
            Duration cap = retry.maxDelayAfter(failedRuns);
            Set<Duration> drawn = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration d = retry.delayAfter(failedRuns, random);
                assertThat(d).isBetween(Duration.ZERO, cap);
                drawn.add(d);
            }
            assertThat(drawn).as("jitter: the waits differ").hasSizeGreaterThan(100);
        }
        assertThat(retry.maxDelayAfter(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.maxDelayAfter(4)).isEqualTo(Duration.ofMillis(300));
        assertThat(Retry.retry(3).noBackoff().delayAfter(2)).isZero();
    }

    @Test
    void aBackoffOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Retry.retry(3).backoff(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> Retry.retry(3).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must not be shorter than its base");
        assertThatThrownBy(() -> Retry.retry(3).sleeper(null)).isInstanceOf(ConfigurationException.class);
    }

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> s.add(new Author("contended")));
        return f;
    }

    /** A block whose first {@code conflicts} runs lose a write-write race to another transaction. */
    private static String conflictingWork(SessionFactory f, io.athanor.orm.Session s, AtomicInteger runs, int conflicts) {
        Author mine = s.select(Author.class).one();
        if (runs.incrementAndGet() <= conflicts) {
            f.runInTransaction(other -> other.select(Author.class).one().name = "changed concurrently " + runs.get());
        }
        mine.name = "written on run " + runs.get();
        s.flush();
        return mine.name;
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aConflictIsRunAgainAfterAWaitWithinTheBackoff(Engine engine) {
        SessionFactory f = fresh(engine);
        SessionOptions repeatable = SessionOptions.isolation(IsolationLevel.REPEATABLE_READ);
        List<Duration> waits = new ArrayList<>();
        Retry retry = Retry.retry(4).sleeper(waits::add);
        AtomicInteger runs = new AtomicInteger();
        String result = f.inTransaction(repeatable, retry, s -> conflictingWork(f, s, runs, 3));
        assertThat(result).isEqualTo("written on run 4");
        assertThat(waits).as("one wait before each new run").hasSize(3);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, retry.maxDelayAfter(i + 1));
        }

        List<Duration> noWaits = new ArrayList<>();
        AtomicInteger lost = new AtomicInteger();
        assertThatThrownBy(() -> f.inTransaction(repeatable, Retry.retry(2).sleeper(noWaits::add),
                s -> conflictingWork(f, s, lost, 5)))
                .isInstanceOf(TransactionConflictException.class);
        assertThat(noWaits).as("no wait after the last run").hasSize(1);
        assertThat(lost.get()).isEqualTo(2);
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt(Engine engine) {
        SessionFactory f = fresh(engine);
        SessionOptions repeatable = SessionOptions.isolation(IsolationLevel.REPEATABLE_READ);
        AtomicInteger runs = new AtomicInteger();
        Retry interrupted = Retry.retry(5).sleeper(delay -> {
            throw new InterruptedException("shutting down");
        });
        try {
            assertThatThrownBy(() -> f.inTransaction(repeatable, interrupted, s -> conflictingWork(f, s, runs, 5)))
                    .isInstanceOf(TransactionConflictException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(runs.get()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }
}
