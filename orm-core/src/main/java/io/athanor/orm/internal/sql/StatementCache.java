package io.athanor.orm.internal.sql;

import io.athanor.orm.query.QueryCacheStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Compiled statements by shape, least recently used evicted first. Thread-safe. */
final class StatementCache {
    private final int capacity;
    private final Map<ShapeKey, CompiledSelect> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.max(16, capacity / 4), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ShapeKey, CompiledSelect> eldest) {
                return size() > StatementCache.this.capacity;
            }
        };
    }

    synchronized CompiledSelect get(ShapeKey key) {
        CompiledSelect c = capacity == 0 ? null : entries.get(key);
        (c == null ? misses : hits).incrementAndGet();
        return c;
    }

    synchronized void put(ShapeKey key, CompiledSelect compiled) {
        if (capacity > 0) {
            entries.put(key, compiled);
        }
    }

    synchronized QueryCacheStats stats() {
        return new QueryCacheStats(hits.get(), misses.get(), entries.size(), capacity);
    }
}
