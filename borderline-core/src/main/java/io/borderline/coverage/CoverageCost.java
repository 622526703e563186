package io.borderline.coverage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * divider of R/10 (the first guess smooths anything smaller), plus one circle of 2πR per cluster of
 * source parts (parts closer than 2R merge into one outline). {@code s} is the chord whose sagitta is
 * half the tolerance on a circle of radius R, 2√(R·tol), at most max(R/4, 10 km) (the edge-length
 * limit of the correction step). Each outline vertex costs a few exact source distances; the measured
 * constants are in BENCHMARKS.md ("Bounded work"). O(n) in the source's vertices, no geodesics.
 *
 * <p>Thread-safe: stateless.
 */
public final class CoverageCost {
    /**
     * Largest estimated computation a coverage request may start by default, seconds (documented limit): 60 % of
     * the default HTTP deadline of 25 s, leaving room for the statistics and for a loaded machine.
     */
    public static final int MAX_SECONDS = 15;
    /** Measured cost per estimated outline vertex, seconds (country sources; sites and borders cost less). */
    static final double SECONDS_PER_OUTLINE_VERTEX = 80e-6;
    /** Measured cost per source vertex (simplification, segment index, first guess), seconds. */
    static final double SECONDS_PER_SOURCE_VERTEX = 4e-6;
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
        double step = Math.min(rangeM / 10, 20_000);
        double spacing = Math.min(2 * Math.sqrt(rangeM * tol), Math.max(rangeM / 4, 10_000));
        double length = 0;
        long sourceVertices = 0;
        Set<Long> clusters = new HashSet<>();
        for (Geometry g : sources) {
            sourceVertices += g.getNumPoints();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                Coordinate[] ring = part instanceof Polygon p ? p.getExteriorRing().getCoordinates()
                    : part instanceof LineString l ? l.getCoordinates() : part.getCoordinates();
                length += dividerLengthM(ring, step);
                clusters.add(cell(ring[0], 2 * rangeM));
            }
        }
        double outline = length + 2 * Math.PI * rangeM * clusters.size();
        long vertices = (long) Math.ceil(outline / spacing);
        double seconds = vertices * SECONDS_PER_OUTLINE_VERTEX + sourceVertices * SECONDS_PER_SOURCE_VERTEX;
        return new Estimate(vertices, sourceVertices, seconds);
    }

    /** Length of the line walked with a divider of {@code step} metres (equirectangular, enough for an estimate). */
    static double dividerLengthM(Coordinate[] line, double step) {
        double length = 0;
        Coordinate last = line[0];
        for (Coordinate c : line) {
            double d = approxM(last, c);
            if (d >= step) {
                length += d;
                last = c;
            }
        }
        return length;
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
