package io.borderline.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many expensive computations (uncached coverages) run at once, so cheap requests
 * (distances, cached coverages, health) stay fast under a burst. A request that cannot start
 * within the wait is refused with 429 and a Retry-After hint rather than queued without limit.
 * Thread-safe.
 */
final class ComputeGate {
    /** Concurrent uncached coverage computations (documented limit). */
    static final int PERMITS = 2;
    /** How long a request waits for a slot before it is refused, milliseconds. */
    static final long WAIT_MILLIS = 3_000;
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits = new Semaphore(PERMITS, true);

    <T> T run(Supplier<T> computation) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(429, "too-many-requests", "Too many requests",
                "all " + PERMITS + " coverage computation slots are busy; retry in " + RETRY_AFTER_SECONDS + " s"
                    + " (cached coverages are always served)", null, null);
        }
        try {
            return computation.get();
        } finally {
            permits.release();
        }
    }
}
