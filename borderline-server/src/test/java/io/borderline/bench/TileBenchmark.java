package io.borderline.bench;

import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import io.borderline.features.Layers;
import io.borderline.tiles.TileId;
import io.borderline.tiles.VectorTiles;
import io.borderline.tiles.WebMercator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vector tile generation without HTTP and without the encoded-tile cache: every tile of zooms 4 to 7
 * that covers lon 13.5–50°E, lat 41–70.5°N (the region), in turn, one tile per operation (clip,
 * snap to the tile grid, MVT encoding of the four layers). The published layers (coverages included)
 * and the per-zoom simplified copies are built in the setup, as a running service has them after its
 * first requests; so this is the cost of a tile-cache miss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class TileBenchmark {
    private VectorTiles tiles;
    private final List<TileId> ids = new ArrayList<>();
    private int next;
    private long bytes;

    @Setup(Level.Trial)
    public void load() {
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        DistanceService distances = new DistanceService();
        Layers layers = new Layers(data, new ClaimChecker(data, distances),
            new CoverageService(data, BoundaryFile.FACTORY), BoundaryFile.FACTORY);
        layers.warmUp();
        tiles = new VectorTiles(layers);
        for (int z = 4; z <= 7; z++) {
            double size = 2 * WebMercator.HALF_WORLD_M / (1 << z);
            int x0 = (int) Math.floor((WebMercator.x(13.5) + WebMercator.HALF_WORLD_M) / size);
            int x1 = (int) Math.floor((WebMercator.x(50) + WebMercator.HALF_WORLD_M) / size);
            int y0 = (int) Math.floor((WebMercator.HALF_WORLD_M - WebMercator.y(70.5)) / size);
            int y1 = (int) Math.floor((WebMercator.HALF_WORLD_M - WebMercator.y(41)) / size);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    ids.add(new TileId(z, x, y));
                }
            }
            tiles.tile("osm10m", ids.get(ids.size() - 1)); // builds this zoom's simplified copies
        }
        System.out.println("tiles in the range: " + ids.size());
    }

    @Benchmark
    public int tile() {
        TileId id = ids.get(next);
        next = (next + 1) % ids.size();
        byte[] b = tiles.tile("osm10m", id);
        bytes += b.length;
        return b.length;
    }
}
