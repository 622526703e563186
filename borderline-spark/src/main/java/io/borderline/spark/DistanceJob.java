package io.borderline.spark;

import io.borderline.data.BorderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The batch job: every input point's distance to one or more countries, written as Parquet.
 *
 * <pre>
 * spark-submit --class io.borderline.spark.DistanceJob borderline-spark.jar \
 *   --input points.parquet|points.csv --output distances.parquet --to BLR,RUS \
 *   [--dataset osm10m|ne10m] [--border political|land] [--lat lat] [--lon lon] [--format parquet|csv]
 *   [--data /path/to/data]
 *   [--partitions N]    (at least N input partitions: smaller file splits first, a shuffle only if they cannot be)
 * </pre>
 *
 * The output has every input column, then {@code to} and the fields of {@link BorderlineFunctions#RESULT}
 * (one row per input row and target). Bad rows (null, NaN or out-of-range coordinates) get null results
 * and a reason in {@code error}; the job does not fail on them. CSV input needs a header row.
 */
public final class DistanceJob {
    private DistanceJob() {}

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        SparkSession spark = SparkSession.builder().appName("borderline-distance").getOrCreate();
        try {
            run(spark, o);
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on an existing session (tests use a local one). */
    public static void run(SparkSession spark, Map<String, String> o) {
        String dataDir = o.get("data");
        BorderlineFunctions.register(spark, dataDir);
        String format = o.getOrDefault("format", o.get("input").endsWith(".csv") ? "csv" : "parquet");
        String splitKey = "spark.sql.files.maxPartitionBytes";
        String splitBefore = spark.conf().get(splitKey, null);
        try {
            write(spark, o, format, splitKey);
        } finally { // the split size is this job's, not the session's
            if (splitBefore == null) {
                spark.conf().unset(splitKey);
            } else {
                spark.conf().set(splitKey, splitBefore);
            }
        }
    }

    private static void write(SparkSession spark, Map<String, String> o, String format, String splitKey) {
        Dataset<Row> in = read(spark, o, format);
        if (o.containsKey("partitions")) { // a few large input files would otherwise leave cores idle
            int partitions = Integer.parseInt(o.get("partitions"));
            // first ask the reader for smaller splits (no data moves); only if the files cannot be split that
            // finely (one Parquet row group, compressed CSV) shuffle the rows into the partitions asked for
            long bytes = inputBytes(spark, o.get("input"));
            if (bytes > 0) {
                spark.conf().set(splitKey, Long.toString(Math.max(1 << 16, (bytes + partitions - 1) / partitions)));
                in = read(spark, o, format);
            }
            if (in.rdd().getNumPartitions() < partitions) {
                in = in.repartition(partitions);
            }
        }
        Column lat = functions.col(o.getOrDefault("lat", "lat")).cast("double");
        Column lon = functions.col(o.getOrDefault("lon", "lon")).cast("double");
        String dataset = o.getOrDefault("dataset", "osm10m");
        String border = o.getOrDefault("border", BorderLine.DEFAULT.id());
        List<Column> keep = new ArrayList<>(Arrays.stream(in.columns()).map(functions::col).toList());
        Dataset<Row> out = null;
        for (String to : o.get("to").split(",")) {
            Dataset<Row> part = in.select(concat(keep,
                functions.lit(to.trim()).as("to"),
                functions.callUDF("borderline_distance_line", lat, lon, functions.lit(to.trim()), functions.lit(dataset),
                        functions.lit(border))
                    .as("r")))
                .select(concat(Arrays.stream(in.columns()).map(functions::col).toList(),
                    functions.col("to"), functions.col("r.*")));
            out = out == null ? part : out.unionByName(part);
        }
        out.write().mode(SaveMode.Overwrite).parquet(o.get("output"));
    }

    private static Dataset<Row> read(SparkSession spark, Map<String, String> o, String format) {
        return format.equals("csv")
            ? spark.read().option("header", "true").csv(o.get("input"))
            : spark.read().parquet(o.get("input"));
    }

    /** The input's size in bytes (a file or a directory of files), or -1 when the file system cannot say. */
    private static long inputBytes(SparkSession spark, String input) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(path).getLength();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Column[] concat(List<Column> first, Column... more) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all.toArray(Column[]::new);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs; got '" + args[i] + "'. " + USAGE);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("input", "output", "to")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required. " + USAGE);
            }
        }
        if (o.containsKey("border") && BorderLine.parse(o.get("border")).isEmpty()) {
            throw new IllegalArgumentException("--border is '" + o.get("border") + "'; allowed: political, land. " + USAGE);
        }
        return o;
    }

    static final String USAGE = "Usage: DistanceJob --input PATH --output PATH --to BLR[,RUS...] [--dataset osm10m|ne10m]"
        + " [--border political|land] [--lat COLUMN] [--lon COLUMN] [--format parquet|csv] [--data DIR] [--partitions N]";
}
