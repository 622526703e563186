package io.borderline.bench;

import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import java.nio.file.Path;
import java.util.List;
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
 * Coverage of Belarus (osm10m) and of Lida airfield at a range: "cold" builds a fresh service
 * (empty cache) each time, so it measures source preparation, the geodesic buffer and the
 * exposure statistics; "cached" asks a warm service for the same request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 8)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class CoverageBenchmark {
    @Param({"country:BLR:20", "country:BLR:30", "country:BLR:100", "country:BLR:1000", "site:lida-airbase:120",
        "country:RUS:5", "country:UKR:1"})
    String request;

    private BorderlineData data;
    private CoverageRequest req;
    private CoverageService warm;

    @Setup(Level.Trial)
    public void load() {
        data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        String[] p = request.split(":");
        req = new CoverageRequest("osm10m", p[0], List.of(p[1]), Double.parseDouble(p[2]), null, false);
        warm = new CoverageService(data, BoundaryFile.FACTORY);
        warm.coverage(req);
    }

    @Benchmark
    public CoverageResult cold() {
        return new CoverageService(data, BoundaryFile.FACTORY).coverage(req);
    }

    @Benchmark
    public CoverageResult cached() {
        return warm.coverage(req);
    }
}
