package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.or;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compiled-statement cache under threads: racing compilations agree, the cache stays bounded, LRU order holds. */
class StatementCacheConcurrencyTest {

    private static QueryCompiler compiler(int capacity) {
        return new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class),
                PostgresDialect.INSTANCE), capacity);
    }

    /** A statement of its own shape for each {@code terms}: {@code id = ? or id = ? ...}, {@code terms} times. */
    private static Select<?> shape(int count) {
        List<Expression<Boolean>> conditions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            conditions.add(User_.id.eq((long) i));
        }
        @SuppressWarnings("unchecked")
        Expression<Boolean>[] terms = (Expression<Boolean>[]) conditions.toArray(new Expression<?>[0]);
        return select(User_.name).where(or(terms));
    }

    @Test
    void threadsRacingToCompileTheSameShapesGetEqualStatementsAndTheCacheStaysBounded() throws Exception {
        int capacity = 16;
        int shapes = 40;
        int threads = 8;
        QueryCompiler compiler = compiler(capacity);
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompiledSelect>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<CompiledSelect> mine = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int k = 1; k <= shapes; k++) {
                            CompiledSelect c = compiler.compile(shape(k)).compiled();
                            if (round == 0) {
                                mine.add(c);
                            }
                        }
                    }
                    return mine;
                }));
            }
            List<List<CompiledSelect>> all = new ArrayList<>();
            for (Future<List<CompiledSelect>> f : results) {
                all.add(f.get(60, TimeUnit.SECONDS));
            }
            for (int k = 0; k < shapes; k++) {
                CompiledSelect first = all.get(0).get(k);
                assertThat(first.sql()).contains("users.id = ?");
                for (List<CompiledSelect> other : all) {
                    assertThat(other.get(k).sql()).isEqualTo(first.sql());
                    assertThat(other.get(k).binders()).hasSameSizeAs(first.binders());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        QueryCacheStats stats = compiler.stats();
        assertThat(stats.size()).isBetween(1, capacity);
        assertThat(stats.hits() + stats.misses()).isEqualTo((long) threads * 3 * shapes);
        assertThat(stats.misses()).isGreaterThanOrEqualTo(shapes);
    }

    @Test
    void threadsCompilingOneNewShapeAtOnceGoOnWithOneStatement() throws Exception {
        int threads = 8;
        for (int attempt = 0; attempt < 20; attempt++) {
            QueryCompiler compiler = compiler(10);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<CompiledSelect>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return compiler.compile(shape(3)).compiled();
                    }));
                }
                CompiledSelect first = results.get(0).get(30, TimeUnit.SECONDS);
                for (Future<CompiledSelect> f : results) {
                    // whoever lost the race to keep its compilation uses the one kept
                    assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(compiler.compile(shape(3)).compiled());
                    assertThat(f.get().sql()).isEqualTo(first.sql());
                }
                assertThat(compiler.stats().size()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theLeastRecentlyUsedShapeIsDroppedFirst() {
        QueryCompiler compiler = compiler(3);
        compiler.compile(shape(1));
        compiler.compile(shape(2));
        compiler.compile(shape(3));
        compiler.compile(shape(1)); // used again: shape 2 is now the oldest
        compiler.compile(shape(4)); // one too many: shape 2 goes
        assertThat(compiler.stats().size()).isEqualTo(3);
        QueryCacheStats before = compiler.stats();
        compiler.compile(shape(1));
        compiler.compile(shape(3));
        compiler.compile(shape(4));
        QueryCacheStats kept = compiler.stats();
        assertThat(kept.hits() - before.hits()).isEqualTo(3);
        assertThat(kept.misses()).isEqualTo(before.misses());
        compiler.compile(shape(2));
        assertThat(compiler.stats().misses() - kept.misses()).isEqualTo(1);
        assertThat(compiler.stats().size()).isEqualTo(3);
    }

    /** A projection target for {@code name, count(id)}. */
    record NameCount(String name, long count) {
    }

    @Test
    void aRowReaderIsBuiltOncePerConstructorAndColumnsEvenWhenTheShapeCompilesAgain() throws Exception {
        QueryCompiler compiler = compiler(0); // nothing cached: every compile renders afresh
        java.lang.invoke.MethodHandle constructor = java.lang.invoke.MethodHandles.lookup().findConstructor(NameCount.class,
                java.lang.invoke.MethodType.methodType(void.class, String.class, long.class));
        CompiledSelect first = compiler.compile(select(User_.name, Sql.count(User_.id)).groupBy(User_.name)).compiled();
        CompiledSelect again = compiler.compile(select(User_.name, Sql.count(User_.id)).groupBy(User_.name)).compiled();
        assertThat(again).isNotSameAs(first);
        java.lang.invoke.MethodHandle reader = compiler.rowReader(first, constructor);
        assertThat(reader).isNotNull();
        assertThat(reader.type()).isEqualTo(java.lang.invoke.MethodType.methodType(Object.class, java.sql.ResultSet.class));
        assertThat(compiler.rowReader(again, constructor)).isSameAs(reader);
        // a column the driver types (no reader of its own) leaves the array path in charge
        CompiledSelect lowered = compiler.compile(select(Sql.lower(User_.name), Sql.count(User_.id)).groupBy(User_.name))
                .compiled();
        assertThat(compiler.rowReader(lowered, constructor)).isNull();
    }

    @Test
    void aCacheOfSizeZeroCompilesEveryTimeAndHoldsNothing() {
        QueryCompiler compiler = compiler(0);
        compiler.compile(shape(1));
        compiler.compile(shape(1));
        QueryCacheStats stats = compiler.stats();
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.hits()).isZero();
        assertThat(stats.size()).isZero();
    }
}
