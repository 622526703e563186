package io.borderline.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.coverage.Cancellation;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTReader;

/** The repair that replaced GeometryFixer on coverage outlines: same result, less work, and it can be stopped. */
class PolygonRepairTest {
    private final WKTReader wkt = new WKTReader();

    @Test
    void aValidMultiPolygonIsReturnedAsItIs() throws Exception {
        Geometry g = wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2)), ((20 0, 21 0, 21 1, 20 0)))");
        assertThat(PolygonRepair.fix(g)).isSameAs(g);
    }

    @Test
    void invalidPartsAndOverlapsAreRepairedAsGeometryFixerRepairsThem() throws Exception {
        for (String s : new String[] {
            "MULTIPOLYGON (((0 0, 2 2, 2 0, 0 2, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))", // a bow tie beside a square
            "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))", // overlapping parts
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 0, 2 0, 2 1, 1 1, 1 0)))"}) { // parts sharing an edge
            Geometry g = wkt.read(s);
            Geometry ours = PolygonRepair.fix(g);
            assertThat(ours.isValid()).as(s).isTrue();
            Geometry jts = GeometryFixer.fix(g);
            assertThat(ours.symDifference(jts).getArea()).as(s).isLessThan(1e-12);
        }
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextPart() throws Exception {
        Geometry g = wkt.read("MULTIPOLYGON (((0 0, 2 2, 2 0, 0 2, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> PolygonRepair.fix(g)).isInstanceOf(Cancellation.CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
