package io.borderline.bench;

import io.borderline.data.BoundaryFile;
import io.borderline.userdata.UserFeature;
import io.borderline.userdata.UserLimits;
import io.borderline.userdata.UserTarget;
import io.borderline.userdata.UserTargets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
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
 * User geometries (issue 17): the cost of indexing a line a user sends (repair check, geodesic densification,
 * segment index), what the same line costs when it comes again (parse excluded: hashing and the cache lookup),
 * and one distance query against the indexed line. The line is a seeded random walk in eastern Ukraine with
 * edges of about 1.5 km (so one indexed segment per edge, as a hand-digitised front line has), of
 * {@code vertices} vertices, kept within 33-40 E, 46-51 N; queries are seeded points over 32-41 E, 45-52 N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class UserTargetBenchmark {
    @Param({"1000", "10000", "100000"})
    int vertices;

    private List<UserFeature> features;
    private UserTarget target;
    private UserTargets cache;
    private final double[] lat = new double[4096];
    private final double[] lon = new double[4096];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(20250124);
        Coordinate[] c = new Coordinate[vertices];
        double x = 36.0;
        double y = 50.0;
        double heading = 3 * Math.PI / 2;
        for (int i = 0; i < vertices; i++) {
            c[i] = new Coordinate(x, y);
            // a wandering walk of 1.5 km steps, turned back into the box 33-40 E, 46-51 N when it leaves it
            heading += (r.nextDouble() - 0.5) * 0.6;
            double nx = x + 0.0135 * Math.sin(heading) / Math.cos(Math.toRadians(y));
            double ny = y + 0.0135 * Math.cos(heading);
            if (nx < 33 || nx > 40 || ny < 46 || ny > 51) {
                heading += Math.PI;
                continue;
            }
            x = nx;
            y = ny;
        }
        features = List.of(new UserFeature(0, "line", BoundaryFile.FACTORY.createLineString(c), Map.of()));
        target = UserTarget.build(features, UserTarget.hash(features), UserLimits.LAYER, BoundaryFile.FACTORY);
        cache = new UserTargets(BoundaryFile.FACTORY, UserLimits.LAYER, 512L << 20);
        cache.index(features);
        for (int i = 0; i < lat.length; i++) {
            lat[i] = 45 + 7 * r.nextDouble();
            lon[i] = 32 + 9 * r.nextDouble();
        }
    }

    /** Building the index of a new geometry: divide by {@code vertices} for the cost per vertex. */
    @Benchmark
    public UserTarget index() {
        return UserTarget.build(features, UserTarget.hash(features), UserLimits.LAYER, BoundaryFile.FACTORY);
    }

    /** The same geometry sent again: its hash and the cache hit. */
    @Benchmark
    public UserTarget cachedLookup() {
        return cache.index(features);
    }

    /** One point's distance to the indexed line. */
    @Benchmark
    public double query() {
        int i = next++ & 4095;
        return target.measure(lat[i], lon[i]).distanceM();
    }
}
