package io.borderline.bench;

import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Territory;
import io.borderline.geodesy.BruteForce;
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
 * The baseline the index is measured against, side by side on the same points: the
 * brute-force reference of the accuracy test (every boundary segment, spherical pre-filter,
 * golden-section minimisation with GeographicLib), and the index alone on the same territory
 * boundary. Same seeded points as {@link DistanceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DistanceBaselineBenchmark {
    @Param({"osm10m", "ne10m"})
    String dataset;

    private Territory blr;
    private BruteForce bruteForce;
    private final double[] lat = new double[DistanceBenchmark.POINTS];
    private final double[] lon = new double[DistanceBenchmark.POINTS];
    private int next;

    @Setup(Level.Trial)
    public void load() {
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        blr = data.dataset(dataset).territory(CountryCode.BLR);
        bruteForce = new BruteForce(blr.land());
        Random r = new Random(20250124);
        for (int i = 0; i < lat.length; i++) {
            lat[i] = 45 + 20 * r.nextDouble();
            lon[i] = 15 + 30 * r.nextDouble();
        }
    }

    private int advance() {
        int i = next;
        next = i + 1 == lat.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public double indexBoundaryOnly() {
        int i = advance();
        return blr.boundary().nearest(lat[i], lon[i]).distanceM();
    }

    @Benchmark
    public double bruteForceBoundary() {
        int i = advance();
        return bruteForce.distance(lat[i], lon[i]);
    }
}
