package io.borderline.http;

import java.util.List;

/**
 * Operational settings of the HTTP server: limits and CORS. Every limit is documented in the
 * README's "Limits" table with the value of {@link #DEFAULTS}; {@code Main} sets them from flags
 * and environment variables.
 *
 * @param corsOrigins origins allowed to read answers cross-origin (exact {@code scheme://host[:port]});
 *     empty means CORS is off and no {@code Access-Control-*} header is ever sent
 * @param batchMaxRows most input rows (points, good or bad) one {@code POST /distance/batch} may carry
 * @param batchMaxBodyBytes largest request body, bytes; Jetty refuses larger bodies on every route
 * @param batchConcurrency batch requests computing at once; more wait up to 3 s, then get 429
 * @param coverageConcurrency uncached coverage computations at once; more wait up to 3 s, then get 429
 * @param coverageCacheBytes upper bound of the coverage cache, bytes
 * @param requestHeaderBytes largest request line plus headers, bytes (a longer request line is a 414, larger
 *     headers a 431)
 * @param shutdownTimeoutMillis how long a stop waits for requests in flight to finish, milliseconds
 * @param coverageDeadlineSeconds how long an uncached coverage, map or deck may compute before it is cancelled
 *     and answered 503, seconds; above 25 s the largest estimated cost a request may start (422 above) is 60 % of
 *     it and the coverage engine's own deadline (422) 80 % ({@link io.borderline.coverage.CoverageCost})
 * @param drainMillis on a stop, how long {@code /ready} answers 503 while the server still serves, so a load
 *     balancer's health check takes the instance out of rotation before its port closes, milliseconds
 * @param jobs limits of the asynchronous process jobs (count, bytes, time to live), held in memory only
 */
public record ServerOptions(List<String> corsOrigins, int batchMaxRows, long batchMaxBodyBytes, int batchConcurrency,
                            int coverageConcurrency, long coverageCacheBytes, int requestHeaderBytes,
                            long shutdownTimeoutMillis, long coverageDeadlineSeconds, long drainMillis,
                            io.borderline.jobs.JobStore.Limits jobs) {
    public static final ServerOptions DEFAULTS = new ServerOptions(List.of(), 1_000_000, 64L << 20, 2,
        ComputeGate.PERMITS, 64L << 20, 8 * 1024, 10_000, ComputeGate.DEADLINE_SECONDS, 0,
        io.borderline.jobs.JobStore.DEFAULTS);

    public ServerOptions {
        corsOrigins = List.copyOf(corsOrigins);
        if (batchMaxRows < 1 || batchMaxBodyBytes < 1 || batchConcurrency < 1 || coverageConcurrency < 1
            || coverageCacheBytes < 0 || requestHeaderBytes < 1024 || shutdownTimeoutMillis < 0
            || coverageDeadlineSeconds < 1 || drainMillis < 0 || jobs == null) {
            throw new IllegalArgumentException("every limit must be positive, request headers at least 1024 bytes");
        }
    }

    public ServerOptions withCorsOrigins(List<String> origins) {
        return new ServerOptions(origins, batchMaxRows, batchMaxBodyBytes, batchConcurrency, coverageConcurrency,
            coverageCacheBytes, requestHeaderBytes, shutdownTimeoutMillis, coverageDeadlineSeconds, drainMillis, jobs);
    }

    public ServerOptions withBatchLimits(int maxRows, long maxBodyBytes) {
        return new ServerOptions(corsOrigins, maxRows, maxBodyBytes, batchConcurrency, coverageConcurrency,
            coverageCacheBytes, requestHeaderBytes, shutdownTimeoutMillis, coverageDeadlineSeconds, drainMillis, jobs);
    }

    public ServerOptions withCoverageDeadlineSeconds(long seconds) {
        return new ServerOptions(corsOrigins, batchMaxRows, batchMaxBodyBytes, batchConcurrency, coverageConcurrency,
            coverageCacheBytes, requestHeaderBytes, shutdownTimeoutMillis, seconds, drainMillis, jobs);
    }

    public ServerOptions withJobLimits(io.borderline.jobs.JobStore.Limits limits) {
        return new ServerOptions(corsOrigins, batchMaxRows, batchMaxBodyBytes, batchConcurrency, coverageConcurrency,
            coverageCacheBytes, requestHeaderBytes, shutdownTimeoutMillis, coverageDeadlineSeconds, drainMillis, limits);
    }
}
