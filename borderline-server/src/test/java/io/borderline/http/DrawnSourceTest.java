package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.coverage.Sources;
import io.borderline.data.CountryCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The source feature of a coverage answer is drawn from the source's own vertices (Douglas-Peucker keeps a subset of
 * them; a part the simplification made invalid is drawn as the source has it), never from a repair's new ones, and
 * is valid. Norway's and Russia's simplified outlines cross themselves at the coarser tolerances: JTS's repair of
 * Russia's mainland took 170 s at 256 m and ran a 2 GB heap out of memory at 512 m, on the request's thread.
 */
class DrawnSourceTest {
    @ParameterizedTest(name = "{0} at {1} km")
    @CsvSource({"UKR, 1", "NOR, 100", "NOR, 1200", "RUS, 1000"})
    void theDrawnSourceIsValidAndMadeOfTheSourcesOwnVertices(String code, double rangeKm) {
        var ds = TestData.get().dataset("osm10m");
        double tol = GeodesicBuffer.toleranceM(rangeKm * 1000);
        Geometry source = Sources.countries(ds, List.of(CountryCode.parse(code).orElseThrow()), tol / 10).geometry();
        Geometry drawn = CoverageApi.simplified(source, Integer.highestOneBit((int) tol));
        assertThat(drawn.isEmpty()).isFalse();
        assertThat(io.borderline.topology.IndexedValidity.isValid(drawn)).isTrue();
        Set<Coordinate> own = new HashSet<>(List.of(source.getCoordinates()));
        int foreign = 0;
        for (Coordinate c : drawn.getCoordinates()) {
            foreign += own.contains(c) ? 0 : 1; // a HashSet lookup: AssertJ's contains would walk the set
        }
        assertThat(foreign).as("vertices that are not the source's").isZero();
        assertThat(drawn.getNumPoints()).isLessThanOrEqualTo(source.getNumPoints());
    }
}
