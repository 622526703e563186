package io.borderline.http;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the requests being served, so background work (the start-up warm-up) can pause while a client waits.
 * Why not a low thread priority: Java's priorities are ignored on Linux (without root and
 * {@code -XX:ThreadPriorityPolicy=1}), and on two cores the warm-up's layer computations took one of them
 * from the web page's first requests. Health and readiness probes do not count (a load balancer's probes would
 * hold the warm-up back for ever). Thread-safe.
 */
public final class RequestActivity {
    /** How long the service must be idle before background work resumes, ms: the gap between a page's requests. */
    static final long QUIET_MS = 250;
    private static final Set<String> PROBES = Set.of("/ready", "/health", "/metrics");

    private int inFlight;
    private long lastNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(QUIET_MS);

    /**
     * Returns once no request has been served for {@value #QUIET_MS} ms, or after {@code maxMs} whatever the
     * traffic (so work that the requests themselves need is still done under constant load).
     */
    public void awaitQuiet(long maxMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        synchronized (this) {
            while (true) {
                long now = System.nanoTime();
                long quietFor = inFlight > 0 ? 0 : now - lastNanos;
                long wait = Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(QUIET_MS) - quietFor);
                if (wait <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    synchronized void enter() {
        inFlight++;
    }

    synchronized void exit() {
        inFlight--;
        lastNanos = System.nanoTime();
        notifyAll();
    }

    /** The Jetty handler that reports each request, from its arrival until its response is complete. */
    Handler.Wrapper handler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (PROBES.contains(Request.getPathInContext(request))) {
                    return super.handle(request, response, callback);
                }
                enter();
                AtomicBoolean done = new AtomicBoolean(); // exits once, whether the callback completes or handle throws
                Runnable exit = () -> {
                    if (done.compareAndSet(false, true)) {
                        exit();
                    }
                };
                boolean handled = false;
                try {
                    handled = super.handle(request, response, Callback.from(callback, exit));
                    return handled;
                } finally {
                    if (!handled) {
                        exit.run();
                    }
                }
            }
        };
    }
}
