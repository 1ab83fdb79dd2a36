package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/** Async sessions on the application's executor, and the caller's MDC in the work on every executor. */
class AsyncExecutorTest {

    private static SessionFactory fresh(io.athanor.orm.engine.Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void workRunsOnTheApplicationsExecutorWithTheCallersMdc(TestDatabase db) throws Exception {
        SessionFactory f = fresh(db.newEngine(b -> b.poolSize(2).maxOverflow(0)));
        ExecutorService executor = Executors.newFixedThreadPool(1, r -> new Thread(r, "application-worker"));
        try {
            executor.submit(() -> MDC.put("worker", "own")).get(30, TimeUnit.SECONDS);
            AsyncSessionFactory async = f.async(executor);
            MDC.put("request", "r-1");
            try {
                List<String> seen = async.inTransaction(s -> {
                    s.add(new Author("Ada"));
                    return List.of(Thread.currentThread().getName(), String.valueOf(MDC.get("request")),
                            String.valueOf(MDC.get("worker")));
                }).get(30, TimeUnit.SECONDS);
                assertThat(seen).containsExactly("application-worker", "r-1", "null");

                MDC.put("request", "r-2");
                try (AsyncSession session = async.open()) {
                    MDC.put("request", "r-3");
                    String step = session.call(s -> MDC.get("request") + " " + s.select(Author.class).count())
                            .get(30, TimeUnit.SECONDS);
                    assertThat(step).isEqualTo("r-3 1");
                }
            } finally {
                MDC.remove("request");
            }
            // The worker got its own MDC back.
            assertThat(executor.submit(() -> MDC.get("worker") + " " + MDC.get("request")).get(30, TimeUnit.SECONDS))
                    .isEqualTo("own null");
        } finally {
            executor.shutdown();
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void theEnginesOwnThreadsCarryTheCallersMdcToo(TestDatabase db) throws Exception {
        SessionFactory f = fresh(db.newEngine(b -> b.poolSize(1).maxOverflow(0)));
        MDC.put("request", "r-9");
        try {
            assertThat(f.async().run(s -> MDC.get("request")).get(30, TimeUnit.SECONDS)).isEqualTo("r-9");
        } finally {
            MDC.remove("request");
        }
        assertThat(f.async().run(s -> String.valueOf(MDC.get("request"))).get(30, TimeUnit.SECONDS)).isEqualTo("null");
    }

    @DatabaseTest(DatabaseKind.H2)
    void aRefusingExecutorAClosedEngineAndNoExecutorAreClearErrors(TestDatabase db) throws Exception {
        io.athanor.orm.engine.Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory f = fresh(engine);
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        assertThatThrownBy(() -> f.async(stopped).run(s -> 1).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("sessions.async(executor) refused this work");
        assertThatThrownBy(() -> f.async(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("async(executor) needs an Executor");

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AsyncSessionFactory async = f.async(executor);
            engine.close();
            assertThatThrownBy(() -> async.run(s -> 1).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdown();
        }
    }
}
