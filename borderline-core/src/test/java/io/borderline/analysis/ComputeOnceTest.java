package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The defect behind CI's wall of 429s: a coverage computed inside Caffeine's map lock blocked other coverages
 * for minutes. Here a computation that never finishes on its own must not delay other keys, callers of the
 * same key share one computation, and a failure is not cached.
 */
class ComputeOnceTest {
    private final Cache<String, String> cache = Caffeine.newBuilder().maximumSize(1000).recordStats().build();
    private final ComputeOnce<String> once = new ComputeOnce<>(cache);

    @Test
    void aComputationThatHangsDoesNotHoldUpAnyOtherKey() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> once.get("slow", () -> {
            started.countDown();
            await(release);
            return "slow";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // a thousand other keys (enough to resize the map several times) are computed while "slow" runs
        CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1000; i++) {
                String k = "k" + i;
                assertThat(once.get(k, () -> k.toUpperCase())).isEqualTo("K" + i);
            }
        });
        others.get(10, TimeUnit.SECONDS);
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat(cache.getIfPresent("slow")).isEqualTo("slow");
    }

    @Test
    void callersOfOneKeyShareOneComputationAndAFailureIsNotKept() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> once.get("k", () -> {
            runs.incrementAndGet();
            await(release);
            return "v";
        }));
        while (runs.get() == 0) {
            Thread.onSpinWait();
        }
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> once.get("k", () -> {
            runs.incrementAndGet();
            return "other";
        }));
        Thread.sleep(200);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("v");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("v");
        assertThat(runs).hasValue(1);

        assertThatThrownBy(() -> once.get("bad", () -> {
            throw new IllegalStateException("no");
        })).hasMessage("no");
        assertThat(once.get("bad", () -> "fine now")).isEqualTo("fine now");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
