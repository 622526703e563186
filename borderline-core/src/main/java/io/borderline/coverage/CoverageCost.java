package io.borderline.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The work a coverage will take, estimated from its source and range before any of it is done, so
 * that a request that cannot finish within the deadline is refused up front (422) instead of being
 * stopped at the deadline.
 *
 * <p>Model: the outline has about {@code L / s} vertices, where {@code L} is its length and {@code s}
 * the edge length the tolerance allows. {@code L} is the length of the source's rings walked with a
 * divider of R, at most 200 km (the outline smooths anything smaller; a line counts twice, once per side),
 * plus one circle of 2πR per group of source parts whose coverages merge ({@link #clusters}). {@code s} is
 * the chord whose sagitta is half the tolerance on a circle of radius R, 2√(R·tol), at most max(R/4, 10 km)
 * (the edge-length limit of the correction step). The time is a cost per estimated outline vertex plus a
 * cost per source vertex, fitted to 27 measured cold coverages from Lida air base to Russia whole
 * (BENCHMARKS.md, "Issue 13, session 22"): for every one over 0.5 s the estimate lies within 0.8 to 2.8 times
 * the measured time. O(n) in the source's vertices, no geodesics.
 *
 * <p>Thread-safe: stateless.
 */
public final class CoverageCost {
    /**
     * Largest estimated computation a coverage request may start by default, seconds (documented limit): 60 % of
     * the default HTTP deadline of 25 s, leaving room for the statistics and for a loaded machine.
     */
    public static final int MAX_SECONDS = 15;
    /**
     * Cost per estimated outline vertex, seconds: correction, repair, statistics (fitted to Russia at 5 to 30 km,
     * whose first request in a fresh server takes about 1.5 times as long as a warm one: BENCHMARKS.md).
     */
    static final double SECONDS_PER_OUTLINE_VERTEX = 60e-6;
    /** Cost per source vertex (simplification, segment index, first guess), seconds (Russia at 1,000 km). */
    static final double SECONDS_PER_SOURCE_VERTEX = 2e-6;
    private static final double M_PER_DEG = 111_320;

    private CoverageCost() {}

    /**
     * The largest estimate a request may start under an HTTP deadline of {@code deadlineSeconds}: 60 % of it, at
     * least {@link #MAX_SECONDS} (60 % of the default 25 s), so an operator who raises the deadline to compute
     * larger coverages raises the limit too. A shorter deadline keeps the default limit: requests it cuts short
     * get the deadline's 503, the documented exception.
     */
    public static long limitSeconds(long deadlineSeconds) {
        return Math.max(MAX_SECONDS, Math.round(0.6 * deadlineSeconds));
    }

    /**
     * The engine's own deadline for one outline under an HTTP deadline of {@code deadlineSeconds}: 80 % of it, at
     * least {@link GeodesicBuffer#DEADLINE_SECONDS} (80 % of 25 s), leaving the rest for the statistics; past it
     * the engine refuses with a 422 before the HTTP deadline's 503.
     */
    public static long engineDeadlineSeconds(long deadlineSeconds) {
        return Math.max(GeodesicBuffer.DEADLINE_SECONDS, Math.round(0.8 * deadlineSeconds));
    }

    /**
     * @param outlineVertices estimated vertices of the coverage outline
     * @param sourceVertices vertices of the source geometry
     * @param seconds estimated computation time on the reference machine (BENCHMARKS.md), seconds
     */
    public record Estimate(long outlineVertices, long sourceVertices, double seconds) {}

    /** The estimate for a coverage of {@code sources} (territories, lines or points, lon/lat) at {@code rangeM}. */
    public static Estimate estimate(List<Geometry> sources, double rangeM) {
        double tol = GeodesicBuffer.toleranceM(rangeM);
        double step = Math.min(rangeM, 200_000);
        double spacing = Math.min(2 * Math.sqrt(rangeM * tol), Math.max(rangeM / 4, 10_000));
        double length = 0;
        long sourceVertices = 0;
        List<Coordinate[]> parts = new ArrayList<>();
        for (Geometry g : sources) {
            sourceVertices += g.getNumPoints();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                Coordinate[] ring = part instanceof Polygon p ? p.getExteriorRing().getCoordinates()
                    : part instanceof LineString l ? l.getCoordinates() : part.getCoordinates();
                // the outline passes a line on both sides, a polygon on its outer side
                length += (part instanceof LineString ? 2 : 1) * dividerLengthM(ring, step);
                parts.add(ring);
            }
        }
        double outline = length + 2 * Math.PI * rangeM * clusters(parts, rangeM);
        long vertices = (long) Math.ceil(outline / spacing);
        double seconds = vertices * SECONDS_PER_OUTLINE_VERTEX + sourceVertices * SECONDS_PER_SOURCE_VERTEX;
        return new Estimate(vertices, sourceVertices, seconds);
    }

    /**
     * How many separate outlines the parts make at range R, roughly: parts that pass through one grid cell of 2R
     * (walked every R/2) are joined, as their coverages merge; each separate group closes round its own outline.
     * An island off a coast joins the coast's group, so Russia's 9,300 parts at 5 km make about 1,900 groups,
     * not the 4,500 cells their first vertices fall in.
     */
    static int clusters(List<Coordinate[]> parts, double rangeM) {
        int[] parent = new int[parts.size()];
        Map<Long, Integer> owner = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            int part = i;
            walk(parts.get(i), rangeM / 2, (c, stepM) -> {
                Integer other = owner.putIfAbsent(cell(c, 2 * rangeM), part);
                if (other != null) {
                    parent[root(parent, other)] = root(parent, part);
                }
            });
        }
        int groups = 0;
        for (int i = 0; i < parent.length; i++) {
            groups += root(parent, i) == i ? 1 : 0;
        }
        return groups;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Length of the line walked with a divider of {@code step} metres (equirectangular, enough for an estimate). */
    static double dividerLengthM(Coordinate[] line, double step) {
        double[] length = {0};
        walk(line, step, (c, stepM) -> length[0] += stepM);
        return length[0];
    }

    /**
     * Walks the line with a divider of {@code step} metres: visits its first point (step 0), then every point at
     * least {@code step} from the last one visited, with that distance.
     */
    private static void walk(Coordinate[] line, double step, java.util.function.ObjDoubleConsumer<Coordinate> visit) {
        Coordinate last = line[0];
        visit.accept(last, 0);
        for (int k = 1; k < line.length; k++) {
            double d = approxM(last, line[k]);
            if (d >= step) {
                visit.accept(line[k], d);
                last = line[k];
            }
        }
    }

    private static double approxM(Coordinate a, Coordinate b) {
        double dx = (b.x - a.x) * Math.cos(Math.toRadians((a.y + b.y) / 2));
        double dy = b.y - a.y;
        return Math.hypot(dx, dy) * M_PER_DEG;
    }

    /** A grid cell of about {@code sizeM} metres containing c, as one number. */
    private static long cell(Coordinate c, double sizeM) {
        double deg = sizeM / M_PER_DEG;
        long row = (long) Math.floor(c.y / deg);
        double lonDeg = deg / Math.max(0.05, Math.cos(Math.toRadians(c.y)));
        long col = (long) Math.floor(c.x / lonDeg);
        return row * 1_000_003L + col;
    }
}
