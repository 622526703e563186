package io.borderline.http;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The service's Prometheus metrics (Micrometer). Every tag has a bounded set of values: requests
 * are tagged with the route template ({@code /sites/{id}}, never the raw path; {@code unmatched}
 * when no route matched), the method (GET, POST, HEAD, OPTIONS or {@code other}) and the status
 * code. Thread-safe.
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds} (histogram: count, sum, buckets 5 ms to 30 s) by method, route, status</li>
 *   <li>{@code cache_gets_total{cache="coverage",result="hit|miss"}}, {@code cache_evictions_total}, {@code cache_size}, ... (Caffeine)</li>
 *   <li>{@code borderline_coverage_compute_seconds}: uncached coverage computations</li>
 *   <li>{@code borderline_batch_rows_total{outcome="ok|error"}}: rows of {@code POST /distance/batch}</li>
 *   <li>{@code borderline_compute_slots_available{gate="coverage|batch"}}: free slots of the concurrency gates</li>
 *   <li>{@code borderline_compute_running{gate}} and {@code borderline_compute_running_max{gate}}: computations
 *       running now, and the most that ran at once since start (never above the gate's slots)</li>
 *   <li>JVM memory, GC, threads, CPU and uptime</li>
 * </ul>
 */
public final class Metrics {
    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer coverageCompute;
    private final Counter batchOk;
    private final Counter batchErrors;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        coverageCompute = Timer.builder("borderline.coverage.compute")
            .description("Uncached coverage computations (buffer, overlay and statistics)")
            .serviceLevelObjectives(BUCKETS).register(registry);
        batchOk = Counter.builder("borderline.batch.rows").tag("outcome", "ok")
            .description("Rows of POST /distance/batch answered with a distance").register(registry);
        batchErrors = Counter.builder("borderline.batch.rows").tag("outcome", "error")
            .description("Rows of POST /distance/batch answered with a per-row error").register(registry);
    }

    /** One finished HTTP request. */
    void request(String method, String route, int status, long nanos) {
        String m = method == null ? "other" : method.toUpperCase(Locale.ROOT);
        Timer.builder("http.server.requests")
            .description("HTTP requests by method, route template and status")
            .tag("method", METHODS.contains(m) ? m : "other")
            .tag("route", route == null ? UNMATCHED : route)
            .tag("status", Integer.toString(status))
            .serviceLevelObjectives(BUCKETS)
            .register(registry)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    void coverageComputed(long nanos) {
        coverageCompute.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batchRows(long ok, long errors) {
        batchOk.increment(ok);
        batchErrors.increment(errors);
    }

    /** Publishes hit, miss, eviction and size figures of a Caffeine cache built with {@code recordStats()}. */
    void monitorCache(Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** Jobs and bytes held by the process job store (both bounded, see {@link io.borderline.jobs.JobStore}). */
    void monitorJobs(io.borderline.jobs.JobStore jobs) {
        Gauge.builder("borderline.jobs.held", jobs, io.borderline.jobs.JobStore::size)
            .description("Asynchronous process jobs held now (queued, running, finished)").register(registry);
        Gauge.builder("borderline.jobs.bytes", jobs, io.borderline.jobs.JobStore::bytesHeld)
            .description("Bytes of job inputs and results held now").baseUnit("bytes").register(registry);
    }

    void monitorGate(ComputeGate gate, String name) {
        Gauge.builder("borderline.compute.slots.available", gate, ComputeGate::available)
            .description("Free slots of a concurrency gate").tag("gate", name).register(registry);
        Gauge.builder("borderline.compute.running", gate, ComputeGate::running)
            .description("Computations running now through a concurrency gate").tag("gate", name).register(registry);
        Gauge.builder("borderline.compute.running.max", gate, ComputeGate::mostRunning)
            .description("Most computations that ran at once through a concurrency gate since start")
            .tag("gate", name).register(registry);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }
}
