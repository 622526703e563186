package io.borderline.bench;

import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Point-to-country distance (territory and border line, as {@code GET /distance} computes it),
 * single thread, over a fixed seeded set of 100,000 points spread over the region
 * (lat 45–65°N, lon 15–45°E). SampleTime mode reports the median and p99 per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DistanceBenchmark {
    static final int POINTS = 100_000;

    @Param({"osm10m", "ne10m"})
    String dataset;

    @Param({"BLR", "RUS"})
    String country;

    private Dataset ds;
    private CountryCode to;
    private final DistanceService service = new DistanceService();
    private final double[] lat = new double[POINTS];
    private final double[] lon = new double[POINTS];
    private int next;

    @Setup(Level.Trial)
    public void load() {
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        ds = data.dataset(dataset);
        to = CountryCode.parse(country).orElseThrow();
        Random r = new Random(20250124);
        for (int i = 0; i < POINTS; i++) {
            lat[i] = 45 + 20 * r.nextDouble();
            lon[i] = 15 + 30 * r.nextDouble();
        }
    }

    @Benchmark
    public double pointToCountry() {
        int i = next;
        next = i + 1 == POINTS ? 0 : i + 1;
        return service.toCountry(ds, lat[i], lon[i], to).distanceM();
    }
}
