package io.borderline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the server's batch endpoint, as two independent programs: 100,000 seeded points
 * (with bad rows among them) go through {@code DistanceJob} in Spark's local mode with 2 threads, and the
 * same CSV body through {@code POST /distance/batch} of the server jar started as its own process. Every
 * number must be equal to the millimetre, every bad row a null result with a reason, and the engine loaded
 * once in the JVM that ran all the tasks.
 */
class SparkDistanceJobTest {
    private static final int POINTS = 100_000;
    private static final Path SERVER_JAR = Path.of("borderline-server", "target", "borderline.jar");
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("borderline-test")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theJobGivesTheBatchEndpointsNumbersAndNullsWithReasonsForBadRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        Map<String, String> badReason = writePoints(csv);
        Path out = dir.resolve("out.parquet");
        long t0 = System.nanoTime();
        DistanceJob.run(spark, Map.of("input", csv.toString(), "output", out.toString(), "to", "BLR",
            "data", "data", "partitions", "8"));
        System.out.printf("spark job: %d points in %d ms%n", POINTS, (System.nanoTime() - t0) / 1_000_000);
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertThat(rows).hasSize(POINTS);
        assertThat(Engine.loads()).as("the data was loaded once for all 8 tasks in this JVM").isEqualTo(1);
        assertThat(partFiles(out)).as("the CSV was read in 8 splits (one output file per task)").isEqualTo(8);

        Map<String, JsonNode> batch = batch(csv);
        assertThat(batch).hasSize(POINTS);
        int compared = 0;
        for (Row r : rows) {
            String id = r.getAs("id");
            JsonNode b = batch.get(id);
            assertThat(b).as(id).isNotNull();
            assertThat((String) r.getAs("name")).as("input columns are kept").isEqualTo("p" + id);
            if (badReason.containsKey(id)) {
                assertThat((Object) r.getAs("distance_m")).as(id).isNull();
                assertThat((Object) r.getAs("inside")).as(id).isNull();
                assertThat((String) r.getAs("error")).as(id).isNotBlank();
                assertThat(b.has("error")).as("the batch refuses it too: " + id).isTrue();
                continue;
            }
            assertThat((String) r.getAs("error")).as(id).isNull();
            assertThat((Boolean) r.getAs("inside")).as(id).isEqualTo(b.get("inside").asBoolean());
            assertThat((double) r.getAs("distance_m")).as(id).isCloseTo(b.get("distance_m").asDouble(),
                org.assertj.core.data.Offset.offset(0.0005));
            assertThat((double) r.getAs("distance_km")).as(id).isEqualTo(b.get("distance_km").asDouble());
            JsonNode border = b.get("border");
            assertThat((double) r.getAs("border_distance_m")).as(id).isCloseTo(border.get("distance_m").asDouble(),
                org.assertj.core.data.Offset.offset(0.0005));
            assertThat((String) r.getAs("border_id")).as(id).isEqualTo(border.get("border_id").asText());
            assertThat((double) r.getAs("border_nearest_lat")).as(id)
                .isEqualTo(border.get("nearest_point").get("lat").asDouble());
            assertThat((double) r.getAs("border_nearest_lon")).as(id)
                .isEqualTo(border.get("nearest_point").get("lon").asDouble());
            compared++;
        }
        assertThat(compared).isGreaterThan(POINTS * 9 / 10);
    }

    /**
     * A Parquet file of one row group cannot be split: {@code partitions} then shuffles the rows into that many
     * partitions; the job's split size does not stay in the session.
     */
    @Test
    void partitionsShuffleWhatTheReaderCannotSplit(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.parquet");
        spark.range(200).selectExpr("cast(id as string) as id", "54 + id / 1000.0 as lat", "25 + id / 1000.0 as lon")
            .coalesce(1).write().parquet(in.toString());
        Path out = dir.resolve("out.parquet");
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        DistanceJob.run(spark, Map.of("input", in.toString(), "output", out.toString(), "to", "LTU", "data", "data",
            "partitions", "4"));
        assertThat(spark.read().parquet(out.toString()).count()).isEqualTo(200);
        assertThat(partFiles(out)).isEqualTo(4);
        assertThat(spark.conf().get("spark.sql.files.maxPartitionBytes")).isEqualTo(before);
    }

    private static long partFiles(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    @Test
    void theSqlFunctionsAnswerOnePointAndRefuseBadInputWithNull() {
        BorderlineFunctions.register(spark, "data");
        // arguments are DOUBLE (the D suffix; a DECIMAL column needs a CAST, as the job does)
        Row r = spark.sql("SELECT border_distance_m(54.6872D, 25.2797D, 'BLR') AS b, inside_country(54.6872D, 25.2797D,"
            + " 'LTU') AS i, country_distance_m_in(54.6872D, 25.2797D, 'BLR', 'ne10m') AS c,"
            + " border_distance_m(CAST('NaN' AS DOUBLE), 25.0D, 'BLR') AS nan, border_distance_m(95.0D, 25.0D, 'BLR') AS far,"
            + " border_distance_m(54.0D, 25.0D, 'XXX') AS unknown, border_distance_m(CAST(NULL AS DOUBLE), 25.0D, 'BLR') AS nul,"
            + " borderline_distance(95.0D, 25.0D, 'BLR', 'osm10m').error AS reason,"
            + " border_distance_m_line(59.437D, 24.7536D, 'EST', 'osm10m', 'political') AS political,"
            + " border_distance_m_line(59.437D, 24.7536D, 'EST', 'osm10m', 'land') AS land,"
            + " borderline_distance_line(59.437D, 24.7536D, 'EST', 'osm10m', 'land').border_segment_kind AS landKind,"
            + " borderline_distance_line(59.437D, 24.7536D, 'EST', 'osm10m', 'land').border_line AS landLine,"
            + " borderline_distance_line(59.437D, 24.7536D, 'EST', 'osm10m', 'sea').error AS badLine").first();
        double vilniusToBelarus = r.getAs("b");
        assertThat(vilniusToBelarus).as("Vilnius to the Belarusian border, m (README: 29.057 km)").isBetween(28_900.0,
            29_200.0);
        assertThat((Boolean) r.getAs("i")).isTrue();
        assertThat((double) r.getAs("c")).isPositive();
        assertThat((Object) r.getAs("nan")).isNull();
        assertThat((Object) r.getAs("far")).isNull();
        assertThat((Object) r.getAs("unknown")).isNull();
        assertThat((Object) r.getAs("nul")).isNull();
        assertThat((String) r.getAs("reason")).contains("lat 95.0");
        assertThat((String) r.getAs("landLine")).as("the struct names the line it measured to").isEqualTo("land");
        // Tallinn (docs/world.md): the political line's nearest point is at sea, the land line's on the Latvian border
        assertThat((double) r.getAs("political")).isEqualTo(new DistanceService().toCountry(
            Engine.get("data").data().dataset("osm10m"), 59.437, 24.7536, CountryCode.EST, BorderLine.POLITICAL).border().distanceM());
        assertThat((double) r.getAs("land")).isEqualTo(new DistanceService().toCountry(
            Engine.get("data").data().dataset("osm10m"), 59.437, 24.7536, CountryCode.EST, BorderLine.LAND).border().distanceM());
        assertThat((double) r.getAs("land")).isGreaterThan((double) r.getAs("political"));
        assertThat((String) r.getAs("landKind")).isEqualTo("land");
        assertThat((String) r.getAs("badLine")).contains("unknown border line 'sea'");
    }

    /** Seeded points over the region, one in a hundred bad; returns the bad ids with what is wrong. */
    private static Map<String, String> writePoints(Path csv) throws IOException {
        Random random = new Random(20261201L);
        Map<String, String> bad = new HashMap<>();
        StringBuilder b = new StringBuilder("id,lat,lon,name\n");
        for (int i = 0; i < POINTS; i++) {
            String id = Integer.toString(i);
            String lat = Double.toString(45 + 17 * random.nextDouble());
            String lon = Double.toString(14 + 36 * random.nextDouble());
            if (i % 100 == 7) {
                switch ((i / 100) % 4) {
                    case 0 -> lat = "";
                    case 1 -> lat = "NaN";
                    case 2 -> lat = "95.5";
                    default -> lon = "200";
                }
                bad.put(id, lat + "," + lon);
            }
            b.append(id).append(',').append(lat).append(',').append(lon).append(",p").append(id).append('\n');
        }
        Files.writeString(csv, b.toString());
        return bad;
    }

    /** The same body through the server jar's batch endpoint, in its own JVM; rows by id. */
    private static Map<String, JsonNode> batch(Path csv) throws Exception {
        if (!Files.isRegularFile(SERVER_JAR)) {
            String what = SERVER_JAR + " is missing (build the server module first: mvn -B verify builds it before"
                + " this module)";
            if (isCi()) {
                throw new AssertionError(what);
            }
            Assumptions.abort(what);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("java", "-Xmx1g", "-jar", SERVER_JAR.toString(), "--port",
            Integer.toString(port), "--data", "data").redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("borderline-server", ".log").toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            waitReady(client, base);
            HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(base.resolve("/distance/batch?to=BLR"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "text/csv")
                .header("Accept", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            ObjectMapper json = new ObjectMapper();
            Map<String, JsonNode> rows = new HashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode n = json.readTree(line);
                    if (!n.has("summary")) {
                        rows.put(n.get("id").asText(), n);
                    }
                }
            }
            return rows;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void waitReady(HttpClient client, URI base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become ready in 60 s");
    }

    private static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
