package io.borderline.http;

import io.borderline.coverage.Cancellation;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many expensive computations (uncached coverages, batches) run at once, so cheap
 * requests (distances, cached coverages, health) stay fast under a burst. A request that cannot
 * start within the wait is refused with 429 and a Retry-After hint rather than queued without
 * limit. It also counts the computations running right now and the most that ever ran at once (the
 * high-water mark, published as a metric), so a test can prove the limit holds instead of inferring it.
 * Thread-safe.
 */
final class ComputeGate {
    /** Default concurrent uncached coverage computations (documented limit). */
    static final int PERMITS = 2;
    /** How long a request waits for a slot before it is refused, milliseconds. */
    static final long WAIT_MILLIS = 3_000;
    static final int RETRY_AFTER_SECONDS = 5;
    /** How long a request waits for its computation before it is answered 503, seconds (documented limit). */
    static final long DEADLINE_SECONDS = 25;
    /** Retry hint after a 503 (the computation was stopped; it may fit the deadline under less load). */
    static final int DEADLINE_RETRY_AFTER_SECONDS = 30;
    // Threads for computations that may outlive their request; at most one per held slot.
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "compute-worker");
        t.setDaemon(true);
        return t;
    });

    private final int permitCount;
    private final String what;
    private final Semaphore permits;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();

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
        return enter(WAIT_MILLIS);
    }

    /** As {@link #enter()}, waiting up to {@code waitMillis} for a slot. */
    Permit enter(long waitMillis) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
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
            return counted(computation);
        } finally {
            p.close();
        }
    }

    /** Runs the computation, counted as running (and in the high-water mark) while it does. */
    private <T> T counted(Supplier<T> computation) {
        int now = running.incrementAndGet();
        mostRunning.accumulateAndGet(now, Math::max);
        try {
            return computation.get();
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Runs the computation in a slot on a worker thread and waits at most {@code deadlineSeconds} for it.
     * Past the deadline the request is answered 503 and the computation is cancelled: the worker is
     * interrupted, the long loops of the engine notice it within one step ({@code Cancellation.check()}),
     * and the slot is freed when the worker returns. Nothing runs on in the background, so runaway
     * requests cannot hold the slots and starve the requests behind them.
     */
    <T> T runWithin(long deadlineSeconds, Supplier<T> computation) {
        return runWithin(deadlineSeconds, WAIT_MILLIS, computation);
    }

    /**
     * As {@link #runWithin(long, Supplier)}, waiting up to {@code waitMillis} for a slot (a queued job waits
     * longer than a request). If the waiting thread is interrupted (a dismissed job), the computation is
     * cancelled as at the deadline and {@link Cancellation.CancelledException} is thrown.
     */
    <T> T runWithin(long deadlineSeconds, long waitMillis, Supplier<T> computation) {
        Permit p = enter(waitMillis);
        Future<T> f;
        try {
            f = WORKERS.submit(() -> {
                try {
                    return counted(computation);
                } finally {
                    p.close();
                }
            });
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        try {
            return f.get(deadlineSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(503, "deadline-exceeded", "Computation deadline exceeded", "the " + what
                + " did not finish within the request deadline of " + deadlineSeconds + " s and was stopped;"
                + " under less load it may finish in time (retry in " + DEADLINE_RETRY_AFTER_SECONDS + " s), or ask"
                + " for a smaller range or fewer sources", null, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // the caller was cancelled: stop the computation too, so its slot frees within one step
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        }
    }

    /** Slots free right now (for the metrics gauge). */
    int available() {
        return permits.availablePermits();
    }

    /** Computations running right now. */
    int running() {
        return running.get();
    }

    /** The most computations that ever ran at once through this gate (since start). */
    int mostRunning() {
        return mostRunning.get();
    }

    int capacity() {
        return permitCount;
    }
}
