package io.borderline.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.coverage.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

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
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 0, 2 0, 2 1, 1 1, 1 0)))", // parts sharing an edge
            // crossing only at shared vertices, which the rings repeat
            "MULTIPOLYGON (((30 0, 32 0, 32 2, 32 2, 30 2, 30 0)), ((30 0, 30 0, 32 2, 32 2, 33 -1, 30 0)))"}) {
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

    @Test
    void onlyThePartsThatOverlapAreMerged() throws Exception {
        // a large part far from the rest, two overlapping squares, two sharing an edge, two touching at a corner,
        // and a triangle that enters a square through two of its corners (crossing only at shared vertices)
        Geometry g = wkt.read("MULTIPOLYGON (((100 0, 140 0, 140 40, 100 40, 100 0), (110 10, 120 10, 120 20, 110 20, 110 10)),"
            + " ((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)),"
            + " ((10 0, 11 0, 11 1, 10 1, 10 0)), ((11 0, 12 0, 12 1, 11 1, 11 0)),"
            + " ((20 0, 21 0, 21 1, 20 1, 20 0)), ((21 1, 22 1, 22 2, 21 2, 21 1)),"
            + " ((30 0, 32 0, 32 2, 30 2, 30 0)), ((30 0, 32 2, 33 -1, 30 0)))");
        Geometry ours = PolygonRepair.fix(g);
        assertThat(ours.isValid()).isTrue();
        assertThat(ours.symDifference(OverlayNGRobust.union(g)).getArea()).isLessThan(1e-12);
        assertThat(ours.getNumGeometries()).isEqualTo(6);
        List<Geometry> kept = new ArrayList<>();
        for (int i = 0; i < ours.getNumGeometries(); i++) {
            kept.add(ours.getGeometryN(i));
        }
        // untouched parts are the caller's own objects, not copies a union made
        for (int i : new int[] {0, 5, 6}) {
            assertThat(kept).as("part %d", i).anySatisfy(k -> assertThat(k).isSameAs(g.getGeometryN(i)));
        }
    }

    @Property(tries = 200, seed = "20261205")
    void theRepairCoversWhatTheUnionOfTheValidPartsCovers(@ForAll long seed) {
        // parts snapped to a coarse grid, so that they share vertices and edges, touch at corners, cross at shared
        // vertices and lie in each other's holes as often as they overlap
        Random rnd = new Random(seed);
        GeometryFactory f = new GeometryFactory();
        List<Polygon> parts = new ArrayList<>();
        int n = 2 + rnd.nextInt(25);
        for (int k = 0; k < n; k++) {
            double cx = rnd.nextInt(12), cy = rnd.nextInt(12), r = 1 + rnd.nextInt(4);
            int sides = 3 + rnd.nextInt(4);
            double turn = rnd.nextInt(8) * Math.PI / 4;
            Coordinate[] ring = new Coordinate[sides + 1];
            for (int v = 0; v < sides; v++) {
                double a = turn + 2 * Math.PI * v / sides;
                ring[v] = new Coordinate(Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a)));
            }
            ring[sides] = ring[0].copy();
            Geometry part = GeometryFixer.fix(f.createPolygon(ring));
            if (rnd.nextInt(4) == 0 && r >= 3) { // a square hole, where another part may lie
                part = part.difference(f.toGeometry(new org.locationtech.jts.geom.Envelope(cx - 1, cx + 1, cy - 1, cy + 1)));
            }
            for (int i = 0; i < part.getNumGeometries(); i++) {
                if (part.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                    parts.add(p);
                }
            }
        }
        Geometry g = f.createMultiPolygon(parts.toArray(Polygon[]::new));
        Geometry ours = PolygonRepair.fix(g);
        assertThat(ours.isValid()).as("%s", g).isTrue();
        assertThat(ours.symDifference(OverlayNGRobust.union(g)).getArea()).as("%s", g).isLessThan(1e-9);
    }
}
