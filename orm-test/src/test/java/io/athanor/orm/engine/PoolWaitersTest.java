package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.error.PoolTimeoutException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pool's figures count the callers waiting for a connection, also in the timeout's own message. */
class PoolWaitersTest {
    private static final Pattern WAITING = Pattern.compile("waiting=(\\d+)");

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    @SuppressWarnings("try") // the connections are held to exhaust the pool, not used
    void aTimeoutCountsTheCallersWaitingWithIt(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(3)));
        int waiters = 3;
        ExecutorService threads = Executors.newFixedThreadPool(waiters);
        try (Connection held = engine.connect()) {
            List<Future<String>> messages = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                messages.add(threads.submit(() -> {
                    try (Connection c = engine.connect()) {
                        return "got a connection";
                    } catch (PoolTimeoutException e) {
                        return e.getMessage();
                    }
                }));
            }
            Await.until(Duration.ofSeconds(30), () -> engine.pool().waiting() == waiters, "three callers waiting");
            List<Integer> reported = new ArrayList<>();
            for (Future<String> f : messages) {
                String message = f.get(30, TimeUnit.SECONDS);
                Matcher m = WAITING.matcher(message);
                assertThat(m.find()).as(message).isTrue();
                reported.add(Integer.parseInt(m.group(1)));
            }
            // All three were waiting when the first gave up; each counts itself.
            assertThat(reported).allSatisfy(n -> assertThat(n).isBetween(1, waiters));
            assertThat(reported).contains(waiters);
        } finally {
            threads.shutdownNow();
        }
        assertThat(engine.pool().waiting()).isZero();
    }
}
