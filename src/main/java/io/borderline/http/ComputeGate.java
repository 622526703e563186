package io.borderline.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many expensive computations (uncached coverages, batches) run at once, so cheap
 * requests (distances, cached coverages, health) stay fast under a burst. A request that cannot
 * start within the wait is refused with 429 and a Retry-After hint rather than queued without
 * limit. Thread-safe.
 */
final class ComputeGate {
    /** Default concurrent uncached coverage computations (documented limit). */
    static final int PERMITS = 2;
    /** How long a request waits for a slot before it is refused, milliseconds. */
    static final long WAIT_MILLIS = 3_000;
    static final int RETRY_AFTER_SECONDS = 5;

    private final int permitCount;
    private final String what;
    private final Semaphore permits;

    ComputeGate() {
        this(PERMITS, "coverage computation");
    }

    /**
     * @param permits computations allowed at once
     * @param what what a slot is for, as the refusal names it (e.g. "coverage computation")
     */
    ComputeGate(int permits, String what) {
        this.permitCount = permits;
        this.what = what;
        this.permits = new Semaphore(permits, true);
    }

    /** A held slot; closing it releases the slot (once). */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot, waiting up to {@link #WAIT_MILLIS}; throws a 429 {@link ApiException} if none frees up. */
    Permit enter() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(429, "too-many-requests", "Too many requests",
                "all " + permitCount + " " + what + " slots are busy; retry in " + RETRY_AFTER_SECONDS + " s"
                    + (what.startsWith("coverage") ? " (cached coverages are always served)" : ""), null, null);
        }
        return new Permit() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    permits.release();
                }
            }
        };
    }

    <T> T run(Supplier<T> computation) {
        Permit p = enter();
        try {
            return computation.get();
        } finally {
            p.close();
        }
    }

    /** Slots free right now (for the metrics gauge). */
    int available() {
        return permits.availablePermits();
    }

    int capacity() {
        return permitCount;
    }
}
