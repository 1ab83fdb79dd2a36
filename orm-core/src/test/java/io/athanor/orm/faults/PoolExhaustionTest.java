package io.athanor.orm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.PoolTimeoutException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.ThrowawayPostgres;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pool of 2 with no overflow, all checked out: the next caller fails after {@code poolTimeout} with
 * {@link PoolTimeoutException}, or gets the first connection returned; once connections are returned,
 * everything works again, and none leaked.
 */
class PoolExhaustionTest {
    private static final String APP = "faults-pool";

    @RegisterExtension
    static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();

    private static ExecutorService waiter;

    @BeforeAll
    static void schema() {
        Engine setup = PG.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory.builder(setup).entities(FaultRow.class).build().schema().createAll();
        setup.close();
        waiter = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool-waiter"));
    }

    @AfterAll
    static void stopWaiter() {
        waiter.shutdownNow();
    }

    @BeforeEach
    void empty() {
        Faults.run(PG, "truncate fault_rows");
    }

    /**
     * An engine of two connections, both open before it is returned: the pool opens them one by one in the background,
     * and a checkout meant to find one ready must not time out while the second is still being opened.
     */
    private static Engine engine(String app, Duration poolTimeout) {
        Engine engine = PG.newEngine(b -> b.poolSize(2).maxOverflow(0).poolTimeout(poolTimeout)
                .connectionProperty("ApplicationName", app));
        Await.until(Faults.DEADLINE, () -> engine.pool().total() == 2, "the pool's two connections to be open");
        return engine;
    }

    @Test
    void aThirdConnectionTimesOutThenTheFirstOneReturnedServesIt() throws Exception {
        String app = APP + "-connections";
        Engine engine = engine(app, Duration.ofMillis(250));
        Connection first = engine.connect();
        Connection second = engine.connect();
        try {
            assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("No connection became free within poolTimeout (250 ms)")
                    .hasMessageContaining("max = poolSize 2 + maxOverflow 0")
                    .hasMessageContaining("Close every Connection and Session");
            assertThat(engine.pool().active()).isEqualTo(2);
            assertThat(engine.pool().total()).isEqualTo(2);

            first.close();
            try (Connection third = engine.connect()) {
                assertThat(third.execute(io.athanor.orm.engine.Text.text("select 1")).scalar(Integer.class)).isEqualTo(1);
            }
        } finally {
            first.close();
            second.close();
        }
        Faults.assertNoLeak(PG, engine, app);
    }

    @Test
    void aWaitingCallerGetsTheConnectionReturned() throws Exception {
        String app = APP + "-waiting";
        Engine engine = engine(app, Faults.DEADLINE);
        Connection first = engine.connect();
        Connection second = engine.connect();
        Future<Integer> third;
        try {
            third = waiter.submit(() -> {
                try (Connection c = engine.connect()) {
                    return c.execute(io.athanor.orm.engine.Text.text("select 1")).scalar(Integer.class);
                }
            });
            Await.until(Faults.DEADLINE, () -> engine.pool().waiting() == 1, "the third caller to wait for a connection");
            assertThat(third).isNotDone();

            second.close();
            assertThat(third.get(Faults.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            first.close();
            second.close();
        }
        Faults.assertNoLeak(PG, engine, app);
    }

    @Test
    @SuppressWarnings("try") // sessions are closed early on purpose, to return their connections
    void aSessionThatFoundThePoolExhaustedWorksOnceConnectionsAreReturned() {
        String app = APP + "-sessions";
        Engine engine = engine(app, Duration.ofMillis(250));
        SessionFactory sessions = SessionFactory.builder(engine).entities(FaultRow.class).build();
        try (Session a = sessions.open(); Session b = sessions.open(); Session c = sessions.open()) {
            a.add(new FaultRow(1, "a"));
            a.flush();
            b.add(new FaultRow(2, "b"));
            b.flush();

            c.add(new FaultRow(3, "c"));
            assertThatThrownBy(c::flush).isInstanceOf(PoolTimeoutException.class);

            a.commit();
            a.close();
            b.close();
            c.rollback();
            c.add(new FaultRow(3, "c again"));
            c.commit();
        }
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows of a and c; b rolled back").isEqualTo(2);
        Faults.assertNoLeak(PG, engine, app);
    }
}
