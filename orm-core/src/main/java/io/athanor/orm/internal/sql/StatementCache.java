package io.athanor.orm.internal.sql;

import io.athanor.orm.query.QueryCacheStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compiled statements by shape, the least recently used dropped first once more than {@code capacity} are held.
 * Thread-safe: a hit is a lock-free map read that stamps the entry with the current use clock; only a miss (which
 * compiles anyway) takes a lock, to drop the entries with the oldest stamps while the cache holds too many. The
 * clock advances once per new entry, so "least recently used" counts the shapes added since an entry's last use;
 * entries used within the same tick are equally old. Once the threads adding entries are done, the cache holds at
 * most {@code capacity}.
 */
final class StatementCache {
    private final int capacity;
    private final ConcurrentHashMap<ShapeKey, Entry> entries;
    /** Advanced once per entry added. */
    private final AtomicLong clock = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Held while dropping entries; never on a hit. */
    private final ReentrantLock eviction = new ReentrantLock();

    /** One compiled statement and the clock's value when it was last used. */
    private static final class Entry {
        final CompiledSelect compiled;
        volatile long used;

        Entry(CompiledSelect compiled, long used) {
            this.compiled = compiled;
            this.used = used;
        }
    }

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 1024)));
    }

    CompiledSelect get(ShapeKey key) {
        Entry e = capacity == 0 ? null : entries.get(key);
        if (e == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        long now = clock.get();
        if (e.used != now) {
            e.used = now; // written only when it changes, so threads sharing a hot shape do not keep writing one line
        }
        return e.compiled;
    }

    /**
     * Keeps {@code compiled} for {@code key} unless another thread kept one first, and returns the one kept, so that
     * threads compiling one shape at once all go on with the same statement.
     */
    CompiledSelect put(ShapeKey key, CompiledSelect compiled) {
        if (capacity == 0) {
            return compiled;
        }
        Entry fresh = new Entry(compiled, clock.incrementAndGet());
        Entry kept = entries.putIfAbsent(key, fresh);
        if (kept != null) {
            return kept.compiled;
        }
        if (entries.size() > capacity) {
            evict();
        }
        return compiled;
    }

    /** Drops the least recently used entries until no more than {@code capacity} remain. */
    private void evict() {
        eviction.lock();
        try {
            int excess = entries.size() - capacity;
            if (excess <= 0) {
                return;
            }
            List<Map.Entry<ShapeKey, Entry>> all = new ArrayList<>(entries.size());
            for (Map.Entry<ShapeKey, Entry> e : entries.entrySet()) {
                all.add(Map.entry(e.getKey(), e.getValue()));
            }
            all.sort((a, b) -> Long.compare(a.getValue().used, b.getValue().used));
            for (int i = 0; i < all.size() && entries.size() > capacity; i++) {
                entries.remove(all.get(i).getKey(), all.get(i).getValue());
            }
        } finally {
            eviction.unlock();
        }
    }

    QueryCacheStats stats() {
        return new QueryCacheStats(hits.sum(), misses.sum(), entries.size(), capacity);
    }
}
