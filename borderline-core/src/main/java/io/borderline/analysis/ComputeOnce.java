package io.borderline.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import io.borderline.coverage.Cancellation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A cache whose misses are computed once at a time per key and outside the cache's own lock. Caffeine's
 * {@code Cache.get(key, function)} runs the function inside {@code ConcurrentHashMap.compute}: a coverage
 * that takes minutes then blocks every other key hashed to the same bin and every resize of the map, so one
 * slow coverage stalled unrelated ones until their requests timed out holding their compute slots. Here a
 * miss registers a future, computes on the caller's thread, and publishes the value; callers asking for the
 * same key meanwhile wait for that future (interruptibly, so their own deadline still applies). A failed or
 * cancelled computation is not cached: the next caller computes again. Thread-safe.
 */
public final class ComputeOnce<V> {
    private final Cache<String, V> cache;
    private final ConcurrentHashMap<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    public ComputeOnce(Cache<String, V> cache) {
        this.cache = cache;
    }

    /** The cached value for {@code key}, or the one {@code compute} returns (then cached); one hit or miss counted. */
    public V get(String key, Supplier<V> compute) {
        V hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return await(other);
        }
        try {
            V done = cache.policy().getIfPresentQuietly(key); // finished between the miss and the registration
            V value = done != null ? done : compute.get();
            cache.put(key, value);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static <V> V await(CompletableFuture<V> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
