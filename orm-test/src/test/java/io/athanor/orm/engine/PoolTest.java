package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.PoolTimeoutException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class PoolTest {

    @DatabaseTest
    void poolGrowsToPoolSizePlusOverflowUnderConcurrentCheckoutThenTimesOutClearly(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(1).poolTimeout(Duration.ofMillis(300))
                .overflowIdleTimeout(Duration.ofSeconds(10)));
        assertThat(engine.pool().max()).isEqualTo(3);

        // the pool opens its connections one by one in the background: let it fill before the race, and let a holder
        // wait past poolTimeout for its connection, so that only the fourth checkout's timeout is what this checks
        Await.until(Duration.ofSeconds(30), () -> engine.pool().total() == 2, "the steady pool to be filled");
        int holders = 3;
        CountDownLatch allHeld = new CountDownLatch(holders);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger peakActive = new AtomicInteger();
        engine.events().onCheckout(e -> peakActive.accumulateAndGet(e.pool().active(), Math::max));
        ExecutorService threads = Executors.newFixedThreadPool(holders);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                results.add(threads.submit(() -> {
                    try (Connection c = connectWithin(engine, Duration.ofSeconds(30))) {
                        int one = c.execute(text("select 1")).scalar(Integer.class);
                        allHeld.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        return one;
                    }
                }));
            }
            assertThat(allHeld.await(30, TimeUnit.SECONDS)).as("all three connections checked out at once").isTrue();
            PoolStatus busy = engine.pool();
            assertThat(busy.active()).isEqualTo(3);
            assertThat(busy.total()).isEqualTo(3);

            assertThatThrownBy(engine::connect)
                    .isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("within poolTimeout (300 ms)")
                    .hasMessageContaining("active=3")
                    .hasMessageContaining("max = poolSize 2 + maxOverflow 1")
                    .hasMessageContaining("raise poolSize/maxOverflow");

            release.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(peakActive.get()).isLessThanOrEqualTo(3);
        assertThat(engine.pool().total()).isLessThanOrEqualTo(3);

        // The overflow connection is retired once idle past overflowIdleTimeout; the steady pool stays.
        Await.until(Duration.ofSeconds(60), () -> engine.pool().total() == 2, "the overflow connection to be closed");
        assertThat(engine.pool().idle()).isEqualTo(2);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    /** A connection of {@code engine}, trying again past its poolTimeout while the pool opens one (up to {@code patience}). */
    private static Connection connectWithin(Engine engine, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return engine.connect();
            } catch (PoolTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @DatabaseTest
    void manyThreadsNeverOpenMoreThanTheMaximum(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(2));
        AtomicInteger peakTotal = new AtomicInteger();
        engine.events().onCheckout(e -> peakTotal.accumulateAndGet(e.pool().total(), Math::max));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                long n = i;
                results.add(threads.submit(() -> {
                    try (Connection c = engine.connect()) {
                        return c.execute(text("select :n"), Params.of("n", n)).scalar(Long.class);
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(peakTotal.get()).isBetween(1, 3);
        // The last connections back may still be rolling back their read transactions on pool threads.
        Await.until(Duration.ofSeconds(20), () -> engine.pool().active() == 0, "every connection back in the pool");
        assertThat(engine.pool().total()).isBetween(1, 3);
    }

    @DatabaseTest
    void closedEngineRefusesToConnect(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        engine.close();
        assertThatThrownBy(engine::connect).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    @DatabaseTest
    void databaseInfoNamesTheProduct(Engine engine, io.athanor.orm.test.DatabaseKind kind) {
        DatabaseInfo info = engine.database();
        String expected = kind == io.athanor.orm.test.DatabaseKind.POSTGRESQL ? "PostgreSQL"
                : kind == io.athanor.orm.test.DatabaseKind.H2 ? "H2" : "MariaDB";
        assertThat(info.productName()).containsIgnoringCase(expected);
        assertThat(info.majorVersion()).isPositive();
        assertThat(engine.database()).isSameAs(info);
    }
}
