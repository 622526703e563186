package io.borderline;

import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.coverage.CoverageCost;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.DataFileException;
import io.borderline.http.BorderlineApi;
import io.borderline.http.ServerOptions;
import io.borderline.jobs.JobStore;
import io.borderline.userdata.LayerFolder;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Wires the service by hand, so the whole architecture is visible here: data, then the
 * analysis services, then the HTTP API.
 */
@Command(name = "borderline", mixinStandardHelpOptions = true, version = "Borderline 0.1.0",
    description = "Geodesic border distances and claim checks for the Baltic region, over HTTP.")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--port", defaultValue = "${env:BORDERLINE_PORT:-7070}",
        description = "TCP port (env BORDERLINE_PORT; default ${DEFAULT-VALUE}); 0 picks a free port")
    int port;

    @Option(names = "--host", defaultValue = "${env:BORDERLINE_HOST:-127.0.0.1}",
        description = "bind address (env BORDERLINE_HOST; default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--data", defaultValue = "${env:BORDERLINE_DATA:-data}",
        description = "data directory (env BORDERLINE_DATA; default ${DEFAULT-VALUE}); only read, never written")
    Path dataDir;

    @Option(names = "--layers", defaultValue = "${env:BORDERLINE_LAYERS:-}",
        description = "folder of user layers (GeoJSON .geojson/.json, GeoPackage .gpkg): each file becomes the source"
            + " layer:NAME and the collection layer-NAME; only read (env BORDERLINE_LAYERS; default: none)")
    String layersDir;

    @Option(names = "--cors-origins", split = ",", defaultValue = "${env:BORDERLINE_CORS_ORIGINS:-}",
        description = "origins allowed cross-origin access, comma-separated, e.g. https://gis.example.org, or * for"
            + " any (env BORDERLINE_CORS_ORIGINS; default: none, CORS off)")
    List<String> corsOrigins;

    @Option(names = "--batch-max-rows", defaultValue = "${env:BORDERLINE_BATCH_MAX_ROWS:-1000000}",
        description = "most rows in one POST /distance/batch (env BORDERLINE_BATCH_MAX_ROWS; default ${DEFAULT-VALUE})")
    int batchMaxRows;

    @Option(names = "--max-body-mib", defaultValue = "${env:BORDERLINE_MAX_BODY_MIB:-64}",
        description = "largest request body, MiB (env BORDERLINE_MAX_BODY_MIB; default ${DEFAULT-VALUE})")
    int maxBodyMib;

    @Option(names = "--batch-concurrency", defaultValue = "${env:BORDERLINE_BATCH_CONCURRENCY:-2}",
        description = "batches computed at once; more get 429 (env BORDERLINE_BATCH_CONCURRENCY; default ${DEFAULT-VALUE})")
    int batchConcurrency;

    @Option(names = "--coverage-concurrency", defaultValue = "${env:BORDERLINE_COVERAGE_CONCURRENCY:-2}",
        description = "uncached coverages computed at once; more get 429 (env BORDERLINE_COVERAGE_CONCURRENCY;"
            + " default ${DEFAULT-VALUE})")
    int coverageConcurrency;

    @Option(names = "--drain-s", defaultValue = "${env:BORDERLINE_DRAIN_S:-0}",
        description = "on SIGTERM, seconds /ready answers 503 while requests are still served, before the port closes:"
            + " set it above the load balancer's health-check interval times its fall count (env BORDERLINE_DRAIN_S;"
            + " default ${DEFAULT-VALUE})")
    int drainS;

    @Option(names = "--coverage-deadline-s", defaultValue = "${env:BORDERLINE_COVERAGE_DEADLINE_S:-25}",
        description = "seconds an uncached coverage, map or deck may compute before it is cancelled and answered 503;"
            + " above 25, the engine's own deadline (422, else 20 s) is 80 % of it and the largest estimated cost a"
            + " request may start (else 15 s) 60 % (env BORDERLINE_COVERAGE_DEADLINE_S; default ${DEFAULT-VALUE})")
    long coverageDeadlineS;

    @Option(names = "--jobs-max", defaultValue = "${env:BORDERLINE_JOBS_MAX:-100}",
        description = "most asynchronous process jobs held at once, queued, running or finished; more get 503 with"
            + " Retry-After (env BORDERLINE_JOBS_MAX; default ${DEFAULT-VALUE})")
    int jobsMax;

    @Option(names = "--jobs-max-mib", defaultValue = "${env:BORDERLINE_JOBS_MAX_MIB:-64}",
        description = "most MiB of job inputs and results held in memory (env BORDERLINE_JOBS_MAX_MIB; default"
            + " ${DEFAULT-VALUE})")
    int jobsMaxMib;

    @Option(names = "--jobs-ttl-s", defaultValue = "${env:BORDERLINE_JOBS_TTL_S:-3600}",
        description = "seconds a finished job and its results are kept, then forgotten; jobs never survive a"
            + " restart (env BORDERLINE_JOBS_TTL_S; default ${DEFAULT-VALUE})")
    long jobsTtlS;

    @Option(names = "--cache-mib", defaultValue = "${env:BORDERLINE_CACHE_MIB:-64}",
        description = "coverage cache size, MiB (env BORDERLINE_CACHE_MIB; default ${DEFAULT-VALUE})")
    int cacheMib;

    @Option(names = "--shutdown-timeout-s", defaultValue = "${env:BORDERLINE_SHUTDOWN_TIMEOUT_S:-10}",
        description = "on SIGTERM, how long requests in flight may take to finish, seconds (env"
            + " BORDERLINE_SHUTDOWN_TIMEOUT_S; default ${DEFAULT-VALUE})")
    int shutdownTimeoutS;

    @Option(names = "--cds-training", hidden = true,
        description = "start, answer a few representative requests to itself, stop: the build runs this under"
            + " -XX:ArchiveClassesAtExit to write the class-data archive the README's start command uses")
    boolean cdsTraining;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            System.err.println("--port must be 0 to 65535, got " + port);
            return 2;
        }
        ServerOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            System.err.println("borderline: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        // the HTTP server is configured on a second thread while the data loads (Javalin's and Jetty's classes,
        // the web page's routes): work the data does not wait on
        CompletableFuture<BorderlineApi> apiReady = new CompletableFuture<>();
        CompletableFuture<Javalin> created = CompletableFuture.supplyAsync(() -> BorderlineApi.create(apiReady::join),
            task -> {
                Thread t = new Thread(task, "http-setup");
                t.setDaemon(true);
                t.start();
            });
        BorderlineData data;
        try {
            data = BorderlineData.load(resolveDataDir(dataDir));
        } catch (DataFileException e) {
            System.err.println("borderline: refusing to start: " + e.getMessage());
            apiReady.cancel(false);
            return 1;
        }
        LOG.info("data loaded and indexed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        UserLayers layers = UserLayers.NONE;
        if (layersDir != null && !layersDir.isBlank()) {
            try {
                layers = LayerFolder.load(Path.of(layersDir), BoundaryFile.FACTORY);
            } catch (LayerFolder.LayerException e) {
                System.err.println("borderline: refusing to start: " + e.getMessage());
                apiReady.cancel(false);
                return 1;
            }
            for (UserLayer l : layers.all()) {
                LOG.info("user layer {} from {}: {} features, sha256 {}, loaded in {} ms", l.name(), l.fileName(),
                    l.target().features().size(), l.fileSha256(), l.loadMillis());
            }
        }
        BorderlineApi api = api(data, options, layers);
        apiReady.complete(api);
        Javalin app = started(api, created.join(), host, port, !cdsTraining);
        if (cdsTraining) {
            ClassDataTraining.run("http://" + host + ":" + app.port());
            app.stop();
            return 0;
        }
        // SIGTERM: /ready turns 503 (and stays so for --drain-s while still serving), then the port stops
        // accepting, requests in flight finish (bounded), then exit
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        LOG.info("Borderline listening on http://{}:{}/", host, app.port());
        return waitForever();
    }

    /** Builds the object graph and starts the server with the default limits; used by tests as well. */
    public static Javalin start(BorderlineData data, String host, int port) {
        return start(data, host, port, ServerOptions.DEFAULTS, false);
    }

    /**
     * As {@link #start(BorderlineData, String, int)}; with {@code warmUp} the published layers (the
     * drone coverages from Belarus and Russia among them) are computed in the background at once, so the
     * first GIS client does not wait for them.
     */
    public static Javalin start(BorderlineData data, String host, int port, boolean warmUp) {
        return start(data, host, port, ServerOptions.DEFAULTS, warmUp);
    }

    /** As {@link #start(BorderlineData, String, int)}, with the given limits and CORS origins. */
    public static Javalin start(BorderlineData data, String host, int port, ServerOptions options) {
        return start(data, host, port, options, false);
    }

    /** Builds the object graph and starts the server; {@code warmUp} as in {@link #start(BorderlineData, String, int, boolean)}. */
    public static Javalin start(BorderlineData data, String host, int port, ServerOptions options, boolean warmUp) {
        return start(data, host, port, options, warmUp, UserLayers.NONE);
    }

    /** As {@link #start(BorderlineData, String, int, ServerOptions, boolean)}, serving the user's {@code layers}. */
    public static Javalin start(BorderlineData data, String host, int port, ServerOptions options, boolean warmUp,
                                UserLayers layers) {
        BorderlineApi api = api(data, options, layers);
        return started(api, api.create(), host, port, warmUp);
    }

    /** The object graph: the analysis services over the data, and the HTTP API over them. */
    static BorderlineApi api(BorderlineData data, ServerOptions options, UserLayers layers) {
        DistanceService distances = new DistanceService();
        ClaimChecker claims = new ClaimChecker(data, distances);
        CoverageService coverages = new CoverageService(data, BoundaryFile.FACTORY, options.coverageCacheBytes(),
            layers, CoverageCost.engineDeadlineSeconds(options.coverageDeadlineSeconds()));
        return new BorderlineApi(data, distances, claims, coverages, options, layers);
    }

    private static Javalin started(BorderlineApi api, Javalin created, String host, int port, boolean warmUp) {
        Javalin app = created.start(host, port);
        if (warmUp) {
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                try {
                    api.warmUp();
                } catch (RuntimeException e) {
                    LOG.error("warm-up stopped: {}", e.getMessage(), e);
                }
                LOG.info("published layers computed and vector tile zoom copies built in {} ms",
                    (System.nanoTime() - t0) / 1_000_000);
                // the warm-up's garbage (decoded territories, full-resolution projections) grew the heap to its
                // maximum; one full collection now lets the JVM give back what the live data does not need
                // (with the README's -XX:MaxHeapFreeRatio), once, before the service is under load
                System.gc();
                Runtime r = Runtime.getRuntime();
                LOG.info("heap after the warm-up: {} MB live of {} MB committed",
                    (r.totalMemory() - r.freeMemory()) >> 20, r.totalMemory() >> 20);
            }, "layer-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // a hint at most (ignored on Linux): the warm-up also waits for requests
            t.start();
        }
        return app;
    }

    /** The limits and CORS origins from the flags; an out-of-range value is an IllegalArgumentException. */
    ServerOptions options() {
        List<String> origins = corsOrigins == null ? List.of()
            : corsOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String o : origins) {
            if (!o.equals("*") && !o.matches("https?://[^/\\s]+/?")) {
                throw new IllegalArgumentException("--cors-origins: '" + o + "' is not an origin such as"
                    + " https://gis.example.org or http://localhost:8080");
            }
        }
        if (maxBodyMib < 1 || maxBodyMib > 4096) {
            throw new IllegalArgumentException("--max-body-mib must be 1 to 4096, got " + maxBodyMib);
        }
        if (cacheMib < 0 || cacheMib > 1 << 20) {
            throw new IllegalArgumentException("--cache-mib must be 0 to 1048576, got " + cacheMib);
        }
        if (shutdownTimeoutS < 0 || shutdownTimeoutS > 3600) {
            throw new IllegalArgumentException("--shutdown-timeout-s must be 0 to 3600, got " + shutdownTimeoutS);
        }
        if (drainS < 0 || drainS > 300) {
            throw new IllegalArgumentException("--drain-s must be 0 to 300, got " + drainS);
        }
        if (coverageDeadlineS < 1 || coverageDeadlineS > 3600) {
            throw new IllegalArgumentException("--coverage-deadline-s must be 1 to 3600, got " + coverageDeadlineS);
        }
        if (batchMaxRows < 1 || batchConcurrency < 1 || coverageConcurrency < 1) {
            throw new IllegalArgumentException("--batch-max-rows, --batch-concurrency and --coverage-concurrency must"
                + " be at least 1");
        }
        if (jobsMax < 1 || jobsMax > 100_000) {
            throw new IllegalArgumentException("--jobs-max must be 1 to 100000, got " + jobsMax);
        }
        if (jobsMaxMib < 1 || jobsMaxMib > 1 << 20) {
            throw new IllegalArgumentException("--jobs-max-mib must be 1 to 1048576, got " + jobsMaxMib);
        }
        if (jobsTtlS < 1 || jobsTtlS > 7 * 24 * 3600) {
            throw new IllegalArgumentException("--jobs-ttl-s must be 1 to 604800, got " + jobsTtlS);
        }
        ServerOptions d = ServerOptions.DEFAULTS;
        return new ServerOptions(origins, batchMaxRows, (long) maxBodyMib << 20, batchConcurrency,
            coverageConcurrency, (long) cacheMib << 20, d.requestHeaderBytes(), shutdownTimeoutS * 1000L,
            coverageDeadlineS, drainS * 1000L, new JobStore.Limits(jobsMax, (long) jobsMaxMib << 20, jobsTtlS));
    }

    /** The data directory as given, or, if relative and absent, next to the jar's project. */
    static Path resolveDataDir(Path dir) {
        if (Files.isDirectory(dir) || dir.isAbsolute()) {
            return dir;
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().resolve(dir);
            return Files.isDirectory(candidate) ? candidate : dir;
        } catch (Exception e) {
            return dir;
        }
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
