package io.borderline.spark;

import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.BorderLine;
import io.borderline.data.Dataset;
import io.borderline.points.BatchRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Borderline engine inside one executor JVM: the data and its indexes, loaded once per JVM on
 * first use (a lazy, thread-safe singleton per data location) and shared by every task and row that
 * JVM runs. Spark ships the function objects to the executors, not the engine: a UDF holds only the
 * data location, and {@link #get(String)} resolves it against this JVM's singleton, so the data is
 * never serialised, broadcast or reloaded per task.
 *
 * <p>The data comes from a directory (option {@code borderline.data}, or the environment variable
 * {@code BORDERLINE_DATA}) or, when none is given, from the copy bundled in the borderline-spark
 * jar, extracted once to a temporary directory. Either way the files are verified against their
 * SHA-256 manifest as the server does.
 */
public final class Engine {
    /** Classpath folder of the bundled data (see the module's pom). */
    static final String BUNDLED = "borderline-data/";
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static volatile Engine instance;
    private static volatile String instanceKey;

    private final BorderlineData data;
    private final DistanceService distances = new DistanceService();
    private final long loadMillis;

    private Engine(BorderlineData data, long loadMillis) {
        this.data = data;
        this.loadMillis = loadMillis;
    }

    /**
     * This JVM's engine for the data at {@code dataDir} (null or empty: the bundled data).
     * Loads it on the first call; every later call returns the same instance.
     */
    public static Engine get(String dataDir) {
        String key = dataDir == null || dataDir.isBlank() ? "" : dataDir;
        Engine e = instance;
        if (e != null && key.equals(instanceKey)) {
            return e;
        }
        synchronized (Engine.class) {
            if (instance == null || !key.equals(instanceKey)) {
                long t0 = System.nanoTime();
                Path dir = key.isEmpty() ? extractBundled() : Path.of(key);
                BorderlineData data = BorderlineData.load(dir);
                LOADS.incrementAndGet();
                instance = new Engine(data, (System.nanoTime() - t0) / 1_000_000);
                instanceKey = key;
            }
            return instance;
        }
    }

    /** How many times this JVM has loaded the data (1 after any number of rows and tasks). */
    public static int loads() {
        return LOADS.get();
    }

    /** Milliseconds the load took (checksums, decoding, indexing). */
    public long loadMillis() {
        return loadMillis;
    }

    public BorderlineData data() {
        return data;
    }

    /**
     * Distance of one point to one country, exactly as {@code POST /distance/batch} computes it.
     *
     * @return the answer, or a failure reason for a row that is not a position or names an unknown
     *     country or dataset (never an exception: one bad row must not fail a job of billions)
     */
    public Result measure(Double lat, Double lon, String to, String datasetId) {
        return measure(lat, lon, to, datasetId, null);
    }

    /**
     * As {@link #measure(Double, Double, String, String)} with the border line of {@code POST /distance/batch?border=}:
     * "political" (null: the default) or "land"; an unknown line is a failure reason, as an unknown country is.
     */
    public Result measure(Double lat, Double lon, String to, String datasetId, String borderLine) {
        if (lat == null || lon == null) {
            return Result.failed("lat or lon is null");
        }
        String bad = BatchRow.check(lat, lon);
        if (bad != null) {
            return Result.failed(bad);
        }
        if (to == null) {
            return Result.failed("the target country is null");
        }
        var code = CountryCode.parse(to);
        if (code.isEmpty()) {
            return Result.failed("unknown country '" + to + "'; known: " + CountryCode.allowed());
        }
        String id = datasetId == null ? BorderlineData.DEFAULT_DATASET : datasetId;
        if (!BorderlineData.DATASETS.contains(id)) {
            return Result.failed("unknown dataset '" + id + "'; known: " + String.join(", ", BorderlineData.DATASETS));
        }
        var line = borderLine == null ? Optional.of(BorderLine.DEFAULT) : BorderLine.parse(borderLine);
        if (line.isEmpty()) {
            return Result.failed("unknown border line '" + borderLine + "'; known: political, land");
        }
        Dataset ds = data.dataset(id);
        return new Result(distances.toCountry(ds, lat, lon, code.get(), line.get()), null);
    }

    /** One point's answer: the distance, or why there is none. */
    public record Result(CountryDistance distance, String error) {
        static Result failed(String error) {
            return new Result(null, error);
        }
    }

    private static InputStream resource(String f) {
        InputStream in = Engine.class.getClassLoader().getResourceAsStream(BUNDLED + f);
        if (in == null) {
            throw new IllegalStateException("the borderline-spark jar carries no " + BUNDLED + f
                + "; pass the data directory with --data or BORDERLINE_DATA");
        }
        return in;
    }

    private static Path extractBundled() {
        try {
            Path dir = Files.createTempDirectory("borderline-data");
            dir.toFile().deleteOnExit();
            List<String> files = new java.util.ArrayList<>(List.of("MANIFEST.sha256"));
            try (InputStream in = resource("MANIFEST.sha256")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String[] parts = line.trim().split("\\s+", 2); // "<sha-256>  <relative path>"
                    if (parts.length == 2) {
                        files.add(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1]);
                    }
                }
            }
            for (String f : files) {
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(f)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled data", e);
        }
    }
}
