package io.borderline.bench;

import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.coverage.CoverageCost;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cold coverage times beside the work estimate that decides refusals ({@link CoverageCost}): outline alone and full
 * answer (statistics included), each from a fresh
 * {@link CoverageService}, repeated {@code -Dreps} times (default 3) in one JVM, with the load average.
 * Arguments: {@code kind:id[+id...]:range_km}, e.g. {@code country:RUS:5 site:lida-airbase:120 country:BLR+UKR:30};
 * {@code -Dreps=0} prints the estimates alone. {@code -Ddeadline=S}
 * sets the engine deadline (default 20 s, the service's): a larger one measures what the service refuses.
 * {@code -Ddataset=ne10m} measures the other dataset. Run with the classpath {@code scripts/bench.sh} builds
 * (see BENCHMARKS.md, "Issue 13").
 */
public final class CoverageColdTimes {
    private CoverageColdTimes() {}

    public static void main(String[] args) throws Exception {
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        System.out.println("# load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (String spec : args) {
            String[] p = spec.split(":");
            CoverageRequest req = new CoverageRequest(System.getProperty("dataset", "osm10m"), p[0], List.of(p[1].split("\\+")), Double.parseDouble(p[2]), null, false);
            CoverageCost.Estimate e = service(data).estimate(req);
            System.out.printf("%s estimate: %d outline vertices, %d source vertices, %.2f s%n",
                spec, e.outlineVertices(), e.sourceVertices(), e.seconds());
            for (int rep = 0; rep < Integer.getInteger("reps", 3); rep++) {
                long t0 = System.nanoTime();
                CoverageResult o = service(data).outline(req);
                long t1 = System.nanoTime();
                service(data).coverage(req);
                long t2 = System.nanoTime();
                System.out.printf("%s rep %d: outline %d ms, full %d ms, %d vertices, %d dropped, max error %.1f m%n",
                    spec, rep, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, o.coverage().vertexCount(),
                    o.coverage().droppedVertices(), o.coverage().maxOutlineErrorM());
            }
        }
        System.out.println("# load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static CoverageService service(BorderlineData data) {
        return new CoverageService(data, BoundaryFile.FACTORY, CoverageService.CACHE_BYTES,
            io.borderline.userdata.UserLayers.NONE, Long.getLong("deadline", GeodesicBuffer.DEADLINE_SECONDS));
    }
}
