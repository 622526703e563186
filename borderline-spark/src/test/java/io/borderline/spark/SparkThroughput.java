package io.borderline.spark;

import io.borderline.points.BatchOutput;
import io.borderline.points.BatchRow;
import io.borderline.points.CsvPoints;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (not a test; run by {@code scripts/bench-spark.sh}): points per second per core of the Spark job in
 * local mode against the single-JVM engine loop (what {@code POST /distance/batch} computes per row, without
 * HTTP) and against the single-JVM batch (the same CSV file read, measured and written as {@code POST
 * /distance/batch} does, one thread), for the same seeded points, for each point count given. Prints one RESULT
 * line per count ({@code warm:N} runs N points first and prints it as WARMUP: the JIT's and Spark's first-job
 * costs, which a long-running cluster pays once).
 */
public final class SparkThroughput {
    private SparkThroughput() {}

    public static void main(String[] args) throws Exception {
        int cores = Integer.getInteger("cores", 2);
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("borderline-bench")
            .config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String a : args) { // a count written "warm:N" runs and prints as a warm-up, not a result
                boolean warmUp = a.startsWith("warm:");
                run(spark, Integer.parseInt(warmUp ? a.substring(5) : a), cores, warmUp ? "WARMUP" : "RESULT");
            }
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, int n, int cores, String label) throws Exception {
        Path dir = Files.createTempDirectory("borderline-bench");
        Path csv = dir.resolve("points.csv");
        double[] lat = new double[n];
        double[] lon = new double[n];
        Random random = new Random(42);
        try (var w = Files.newBufferedWriter(csv)) {
            w.write("id,lat,lon\n");
            for (int i = 0; i < n; i++) {
                lat[i] = 45 + 17 * random.nextDouble();
                lon[i] = 14 + 36 * random.nextDouble();
                w.write(i + "," + lat[i] + "," + lon[i] + "\n");
            }
        }
        Engine engine = Engine.get("data");
        for (int i = 0; i < Math.min(n, 20_000); i++) { // warm-up of the engine code
            engine.measure(lat[i], lon[i], "BLR", "osm10m");
        }
        long t0 = System.nanoTime();
        double checksum = 0;
        for (int i = 0; i < n; i++) {
            checksum += engine.measure(lat[i], lon[i], "BLR", "osm10m").distance().distanceM();
        }
        double singleS = (System.nanoTime() - t0) / 1e9;
        double batchS = singleJvmBatch(engine, csv, dir.resolve("out.csv"));
        long t1 = System.nanoTime();
        DistanceJob.run(spark, Map.of("input", csv.toString(), "output", dir.resolve("out.parquet").toString(),
            "to", "BLR", "data", "data", "partitions", Integer.toString(cores * 4)));
        double sparkS = (System.nanoTime() - t1) / 1e9;
        double single = n / singleS;
        double perCore = n / sparkS / cores;
        double batch = n / batchS;
        System.out.printf(label + " points=%d single_jvm_points_per_s=%.0f single_jvm_batch_points_per_s=%.0f"
            + " spark_local_cores=%d spark_points_per_s=%.0f spark_points_per_s_per_core=%.0f ratio_per_core=%.2f"
            + " ratio_per_core_to_batch=%.2f checksum=%.1f load_avg=%s%n", n, single, batch, cores, n / sparkS, perCore,
            perCore / single, perCore / batch, checksum, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * Seconds for what {@code POST /distance/batch} does for the same file in one thread, without HTTP: the CSV
     * read by {@link CsvPoints}, each row measured, the rows written by {@link BatchOutput.Csv} to a file (the
     * Spark job also reads a CSV file and writes its rows to files).
     */
    private static double singleJvmBatch(Engine engine, Path csv, Path out) throws Exception {
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(csv);
             CsvPoints reader = new CsvPoints(in);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
             BatchOutput.Csv writer = new BatchOutput.Csv(os)) {
            reader.start();
            for (BatchRow row = reader.next(); row != null; row = reader.next()) {
                writer.row(row, row.ok() ? engine.measure(row.lat(), row.lon(), "BLR", "osm10m").distance() : null,
                    reader.extras());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
