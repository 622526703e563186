package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.Main;
import io.borderline.TestData;
import io.borderline.data.BorderlineData;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Faults: a read-only data directory (the service starts and serves, and writes nothing there),
 * a corrupted data file (the process refuses to start, naming the file), a client that vanishes
 * in the middle of a streamed batch (the server stays healthy and leaks no batch slot).
 */
class FaultTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private void copyData() throws IOException {
        TestData.copyInto(dir);
    }

    /** Every file and directory under {@code dir}, with a SHA-256 and modification time for files. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String state = Files.isDirectory(p) ? "dir" : HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) + " "
                    + Files.getLastModifiedTime(p).toMillis();
                out.put(dir.relativize(p).toString(), state);
            }
        }
        return out;
    }

    private void setReadOnly(boolean readOnly) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                    ? (readOnly ? "r-xr-xr-x" : "rwxr-xr-x") : (readOnly ? "r--r--r--" : "rw-r--r--")));
            }
        }
    }

    @Test
    void aReadOnlyDataDirectoryServesAndIsNeverWritten() throws Exception {
        copyData();
        setReadOnly(true);
        try {
            Map<String, String> before = snapshot();
            Javalin app = Main.start(BorderlineData.load(dir), "127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                assertThat(get(base + "/ready").statusCode()).isEqualTo(200);
                HttpResponse<String> d = get(base + "/distance?from=vilnius&to=BLR");
                assertThat(d.statusCode()).isEqualTo(200);
                assertThat(BadInputTest.read(d.body()).get("distance_km").asDouble()).isEqualTo(29.057);
                assertThat(get(base + "/coverage/stats?site=narva&range_km=5").statusCode()).isEqualTo(200);
                assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/distance/batch?to=RUS")).timeout(java.time.Duration.ofSeconds(300))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("lat,lon\n59.3772,28.1903\n"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("776.873");
            } finally {
                app.stop();
            }
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            setReadOnly(false);
        }
    }

    @Test
    void aCorruptedDataFileStopsStartUpNamingTheFile() throws Exception {
        copyData();
        Path f = dir.resolve("boundaries/osm10m.bin");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 3] ^= 0x21;
        Files.write(f, b);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new Main()).execute("--data", dir.toString(), "--port", "0");
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("refusing to start").contains("osm10m.bin")
            .contains("checksum");
    }

    @Test
    void invalidLimitFlagsAreRefusedBeforeLoadingAnything() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new Main()).execute("--cors-origins", "gis.example.org", "--data", dir.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--cors-origins");
    }

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariable() {
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        for (String flag : List.of("--port", "--host", "--data", "--cors-origins", "--batch-max-rows", "--max-body-mib",
                "--batch-concurrency", "--coverage-concurrency", "--cache-mib", "--shutdown-timeout-s")) {
            String env = "BORDERLINE_" + flag.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            assertThat(out.toString()).contains(flag).contains(env);
        }
    }

    @Test
    void aClientThatVanishesMidStreamLeaksNothing() throws Exception {
        String slots = "borderline_compute_slots_available{gate=\"batch\"}";
        for (int attempt = 0; attempt < 3; attempt++) {
            try (RawHttp http = new RawHttp(ServerFixture.port())) {
                http.startChunkedPost("/distance/batch?to=BLR", "text/csv", "application/x-ndjson");
                StringBuilder rows = new StringBuilder("id,lat,lon\n");
                for (int i = 0; i < 3000; i++) {
                    rows.append(i).append(",5").append(3 + i % 4).append('.').append(i).append(",2")
                        .append(3 + i % 5).append('.').append(i).append('\n');
                }
                http.chunk(rows.toString());
                http.readHead();
                assertThat(http.status).isEqualTo(200);
                assertThat(BadInputTest.read(http.bodyLine()).get("index").asInt()).isZero();
                // gone: no end of the body, no reading of the answer
            }
        }
        OpsTest.eventually(() -> OpsTest.metric(slots) == ServerOptions.DEFAULTS.batchConcurrency());
        assertThat(ServerFixture.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> after = ServerFixture.post("/distance/batch?to=LTU", "text/csv", "application/x-ndjson",
            "id,lat,lon\nminsk,53.9,27.5667\n");
        assertThat(after.statusCode()).isEqualTo(200);
        List<String> lines = after.body().lines().toList();
        JsonNode summary = BadInputTest.read(lines.get(lines.size() - 1)).get("summary");
        assertThat(summary.get("ok").asInt()).isEqualTo(1);
        assertThat(summary.get("complete").asBoolean()).isTrue();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(300)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
