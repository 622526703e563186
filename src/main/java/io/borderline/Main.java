package io.borderline;

import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.DataFileException;
import io.borderline.http.BorderlineApi;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        description = "data directory (env BORDERLINE_DATA; default ${DEFAULT-VALUE})")
    Path dataDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            System.err.println("--port must be 0 to 65535, got " + port);
            return 2;
        }
        long t0 = System.nanoTime();
        BorderlineData data;
        try {
            data = BorderlineData.load(resolveDataDir(dataDir));
        } catch (DataFileException e) {
            System.err.println("borderline: refusing to start: " + e.getMessage());
            return 1;
        }
        LOG.info("data loaded and indexed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        Javalin app = start(data, host, port, true);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        LOG.info("Borderline listening on http://{}:{}/", host, app.port());
        return waitForever();
    }

    /** Builds the object graph and starts the server; used by tests as well. */
    public static Javalin start(BorderlineData data, String host, int port) {
        return start(data, host, port, false);
    }

    /**
     * As {@link #start(BorderlineData, String, int)}; with {@code warmUp} the published layers (the
     * drone coverages from Belarus and Russia among them) are computed in the background at once, so the
     * first GIS client does not wait for them.
     */
    public static Javalin start(BorderlineData data, String host, int port, boolean warmUp) {
        DistanceService distances = new DistanceService();
        ClaimChecker claims = new ClaimChecker(data, distances);
        CoverageService coverages = new CoverageService(data, BoundaryFile.FACTORY);
        BorderlineApi api = new BorderlineApi(data, distances, claims, coverages);
        Javalin app = api.create().start(host, port);
        if (warmUp) {
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                api.layers().warmUp();
                LOG.info("published layers computed in {} ms", (System.nanoTime() - t0) / 1_000_000);
            }, "layer-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return app;
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
