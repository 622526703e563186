package io.borderline.bench;

import io.borderline.analysis.ExposureCalculator;
import io.borderline.coverage.Coverage;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.coverage.Source;
import io.borderline.coverage.Sources;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A country's coverage phase by phase, as the service computes it cold (no cached source or outline): the source
 * (its simplified rings and their index), the outline ({@link GeodesicBuffer}) and the exposure statistics
 * ({@link ExposureCalculator}), repeated {@code -Dreps} times (default 4) in one JVM; the first repetition also pays
 * for the JIT and for decoding the neighbours' territories. Argument: {@code ISO3:range_km}, e.g. {@code RUS:5}.
 * {@code scripts/coverage-phases-against.sh} runs it side by side against an older commit.
 */
public final class CoveragePhaseTimes {
    private CoveragePhaseTimes() {}

    public static void main(String[] args) throws Exception {
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        Dataset ds = data.dataset(System.getProperty("dataset", "osm10m"));
        String[] spec = args[0].split(":");
        CountryCode country = CountryCode.parse(spec[0]).orElseThrow();
        double rangeM = Double.parseDouble(spec[1]) * 1000;
        // the source simplification the service uses (CoverageService: a tenth of the tolerance, to a power of two)
        double simplifyM = GeodesicBuffer.toleranceM(rangeM) / 10;
        double bucketM = Math.pow(2, Math.floor(Math.log(simplifyM) / Math.log(2)));
        ExposureCalculator exposure = new ExposureCalculator(data);
        System.out.println("# load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (int rep = 0; rep < Integer.getInteger("reps", 4); rep++) {
            long t0 = System.nanoTime();
            Source source = Sources.countries(ds, List.of(country), bucketM);
            long t1 = System.nanoTime();
            Coverage c = new GeodesicBuffer(BoundaryFile.FACTORY, 600).compute(source, rangeM);
            long t2 = System.nanoTime();
            exposure.compute(ds, c, c.geometry(), List.of());
            long t3 = System.nanoTime();
            System.out.printf("%s rep %d: source %d ms, outline %d ms, statistics %d ms, total %d ms (%d vertices,"
                    + " %d dropped, max error %.1f m)%n", args[0], rep, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t3 - t0) / 1_000_000, c.vertexCount(), c.droppedVertices(), c.maxOutlineErrorM());
        }
        System.out.println("# load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
