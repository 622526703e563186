package io.borderline.geodesy;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Point-in-area test accelerated by a coarse longitude/latitude grid. Cells that no boundary
 * edge touches are wholly inside or wholly outside; they are found by flood fill and classified
 * with one exact test per connected region, so most queries are a single array lookup. In a cell
 * an edge touches, the exact test counts the crossings of an eastward ray, up to the first cell of the row no
 * edge touches (whose class it then flips per crossing), with the edges whose
 * latitude range overlaps the cell's row (JTS {@link RayCrossingCounter}, the test JTS's
 * {@code IndexedPointInAreaLocator} makes over its interval tree, so a point on the boundary is
 * covered and answers are identical). The edges are kept as flat coordinate arrays and, per grid
 * row, a list of edge numbers: about 20 bytes per edge instead of the interval tree's hundred and
 * more (Russia's land and shell locators held 400 MB that way). Immutable after construction and
 * thread-safe.
 */
public final class GridLocator {
    private static final byte UNKNOWN = 0;
    private static final byte OUTSIDE = 1;
    private static final byte INSIDE = 2;
    private static final byte EDGE = 3;
    /** Latitude strips per grid row: the ray's work is the edges of one strip east of the point. */
    static final int STRIPS_PER_ROW = 8;

    /** Vertices of every ring, one after another; edge k runs from vertex k to k + 1. */
    private final double[] xs;
    private final double[] ys;
    /** Widest edge in longitude, degrees: a query's ray stops this far past the first clear cell east of it. */
    private final double widestEdge;
    /**
     * Per strip s, the edges whose latitude range overlaps it, by ascending eastern end:
     * stripEdges[stripStart[s] .. stripStart[s + 1]), their eastern ends in stripMaxX alike.
     */
    private final int[] stripStart;
    private final int[] stripEdges;
    private final float[] stripMaxX;
    private final double minLon;
    private final double minLat;
    private final double cell;
    private final double strip;
    private final int cols;
    private final int rows;
    private final int strips;
    private final byte[] grid;

    /**
     * @param area polygonal geometry, x = longitude
     * @param cellDeg grid cell size, degrees
     */
    public GridLocator(Geometry area, double cellDeg) {
        Envelope env = area.getEnvelopeInternal();
        this.cell = cellDeg;
        this.strip = cellDeg / STRIPS_PER_ROW;
        this.minLon = env.getMinX() - cellDeg;
        this.minLat = env.getMinY() - cellDeg;
        this.cols = (int) Math.ceil(env.getWidth() / cellDeg) + 3;
        this.rows = (int) Math.ceil(env.getHeight() / cellDeg) + 3;
        this.strips = rows * STRIPS_PER_ROW;
        this.grid = new byte[cols * rows];
        List<CoordinateSequence> rings = new ArrayList<>();
        int n = 0;
        for (Object line : LinearComponentExtracter.getLines(area)) {
            CoordinateSequence seq = ((LineString) line).getCoordinateSequence();
            if (seq.size() > 1) {
                rings.add(seq);
                n += seq.size();
            }
        }
        this.xs = new double[n];
        this.ys = new double[n];
        boolean[] edgeStart = new boolean[n]; // false at the last vertex of each ring
        int k = 0;
        for (CoordinateSequence seq : rings) {
            for (int i = 0; i < seq.size(); i++, k++) {
                xs[k] = seq.getX(i);
                ys[k] = seq.getY(i);
                edgeStart[k] = i < seq.size() - 1;
            }
        }
        double widest = 0;
        for (int e = 0; e < n; e++) {
            if (edgeStart[e]) {
                widest = Math.max(widest, Math.abs(xs[e + 1] - xs[e]));
            }
        }
        this.widestEdge = widest;
        this.stripStart = new int[strips + 1];
        for (int e = 0; e < n; e++) {
            if (edgeStart[e]) {
                for (int t = stripOf(Math.min(ys[e], ys[e + 1])); t <= stripOf(Math.max(ys[e], ys[e + 1])); t++) {
                    stripStart[t + 1]++;
                }
            }
        }
        for (int t = 0; t < strips; t++) {
            stripStart[t + 1] += stripStart[t];
        }
        this.stripEdges = new int[stripStart[strips]];
        this.stripMaxX = new float[stripEdges.length];
        int[] fill = java.util.Arrays.copyOf(stripStart, strips);
        for (int e = 0; e < n; e++) {
            if (edgeStart[e]) {
                for (int t = stripOf(Math.min(ys[e], ys[e + 1])); t <= stripOf(Math.max(ys[e], ys[e + 1])); t++) {
                    stripEdges[fill[t]++] = e;
                }
                markEdge(e);
            }
        }
        sortStripsByEasternEnd();
        classifyRegions();
    }

    /** The strip of a latitude, as the query computes it (unclamped: every vertex is inside the grid). */
    private int stripOf(double lat) {
        return (int) Math.floor((lat - minLat) / strip);
    }

    /**
     * Orders each strip's edges by their eastern end, so a query starts at the first edge east of the point.
     * The ends are kept as floats rounded down (half the memory; a float at or below the true end never skips an
     * edge the ray could meet, it may only visit a few more).
     */
    private void sortStripsByEasternEnd() {
        long[] keyed = new long[stripEdges.length];
        for (int i = 0; i < keyed.length; i++) {
            int e = stripEdges[i];
            keyed[i] = (long) orderedBits(floatDown(Math.max(xs[e], xs[e + 1]))) << 32 | e;
        }
        for (int t = 0; t < strips; t++) {
            java.util.Arrays.sort(keyed, stripStart[t], stripStart[t + 1]);
        }
        for (int i = 0; i < keyed.length; i++) {
            int e = (int) keyed[i];
            stripEdges[i] = e;
            stripMaxX[i] = floatDown(Math.max(xs[e], xs[e + 1]));
        }
    }

    /** The largest float at or below x. */
    private static float floatDown(double x) {
        float f = (float) x;
        return f > x ? Math.nextDown(f) : f;
    }

    /** A float's bits as an int whose signed order is the floats' order. */
    private static int orderedBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /**
     * Exact: in the interior or on the boundary, by the crossings of an eastward ray with the strip's edges
     * (those wholly west of the point can neither cross the ray nor hold the point, and are never visited).
     */
    private boolean exactCovers(double lat, double lon) {
        int t = stripOf(lat);
        return t >= 0 && t < strips && rayEast(lat, lon, t, Double.POSITIVE_INFINITY) != Location.EXTERIOR;
    }

    /**
     * Counts the crossings of the ray east from the point, up to {@code stopX}, with strip t's edges: BOUNDARY if the
     * point lies on an edge, else INTERIOR for an odd count and EXTERIOR for an even one. Edges are sorted by their
     * eastern end, so past stopX + the widest edge every edge starts east of stopX and the walk ends.
     */
    private int rayEast(double lat, double lon, int t, double stopX) {
        Coordinate p = new Coordinate(lon, lat);
        RayCrossingCounter counter = new RayCrossingCounter(p);
        Coordinate a = new Coordinate();
        Coordinate b = new Coordinate();
        int end = stripStart[t + 1];
        float last = floatDown(stopX + widestEdge);
        for (int i = firstEastOf(lon, stripStart[t], end); i < end && stripMaxX[i] <= last; i++) {
            int e = stripEdges[i];
            if (Math.min(xs[e], xs[e + 1]) > stopX) {
                continue;
            }
            a.x = xs[e];
            a.y = ys[e];
            b.x = xs[e + 1];
            b.y = ys[e + 1];
            counter.countSegment(a, b);
            if (counter.isOnSegment()) {
                return Location.BOUNDARY;
            }
        }
        return counter.getLocation();
    }

    /** The first position in [from, to) whose edge's eastern end is at or east of lon (binary search). */
    private int firstEastOf(double lon, int from, int to) {
        float x = floatDown(lon);
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stripMaxX[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True if the point is in the interior or on the boundary of the area. */
    public boolean covers(double lat, double lon) {
        int c = (int) Math.floor((lon - minLon) / cell);
        int r = (int) Math.floor((lat - minLat) / cell);
        if (c < 0 || r < 0 || c >= cols || r >= rows) {
            return false;
        }
        byte v = grid[r * cols + c];
        if (v == INSIDE) {
            return true;
        }
        if (v == OUTSIDE) {
            return false;
        }
        return coversInEdgeCell(lat, lon, r, c);
    }

    /**
     * The exact test in a cell an edge touches, with a ray that ends where the grid already knows the answer:
     * at the western side x_q of the first cell east in the same row that no edge touches. No edge's bounding box
     * reaches that cell, so every edge the ray meets before x_q starts west of x_q, and no edge crosses the row's
     * latitudes inside the cell: the point's side is the cell's class, flipped by each crossing between the point
     * and x_q. Without the stop a ray from Narva would walk every edge of Russia's strip to the Pacific.
     */
    private boolean coversInEdgeCell(double lat, double lon, int r, int c) {
        int t = stripOf(lat);
        if (t < 0 || t >= strips) {
            return false;
        }
        int q = c + 1;
        while (q < cols - 1 && grid[r * cols + q] == EDGE) {
            q++;
        }
        if (q >= cols || grid[r * cols + q] == EDGE) {
            return exactCovers(lat, lon); // not reached: the last column lies a cell east of every vertex
        }
        double stopX = minLon + q * cell;
        boolean beyond = grid[r * cols + q] == INSIDE;
        int side = rayEast(lat, lon, t, stopX);
        return side == Location.BOUNDARY || (side == Location.INTERIOR) != beyond;
    }

    private void markEdge(int e) {
        // Mark every cell of the edge's bounding box, widened by a cell fraction so that
        // points exactly on a cell border still defer to the exact test.
        int c0 = col(Math.min(xs[e], xs[e + 1]) - cell * 1e-3);
        int c1 = col(Math.max(xs[e], xs[e + 1]) + cell * 1e-3);
        int r0 = row(Math.min(ys[e], ys[e + 1]) - cell * 1e-3);
        int r1 = row(Math.max(ys[e], ys[e + 1]) + cell * 1e-3);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                grid[r * cols + c] = EDGE;
            }
        }
    }

    private int col(double lon) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((lon - minLon) / cell)));
    }

    private int row(double lat) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((lat - minLat) / cell)));
    }

    /** Flood-fills each region of edge-free cells and gives it the class of one exact test. */
    private void classifyRegions() {
        int[] stack = new int[64]; // cell indexes still to spread from (ints: Russia's grid is millions of cells)
        for (int start = 0; start < grid.length; start++) {
            if (grid[start] != UNKNOWN) {
                continue;
            }
            int sr = start / cols;
            int sc = start % cols;
            byte value = exactCovers(minLat + (sr + 0.5) * cell, minLon + (sc + 0.5) * cell) ? INSIDE : OUTSIDE;
            grid[start] = value;
            int size = 0;
            stack[size++] = start;
            while (size > 0) {
                int k = stack[--size];
                int r = k / cols;
                int c = k % cols;
                if (stack.length < size + 4) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                if (c > 0 && grid[k - 1] == UNKNOWN) {
                    grid[k - 1] = value;
                    stack[size++] = k - 1;
                }
                if (c < cols - 1 && grid[k + 1] == UNKNOWN) {
                    grid[k + 1] = value;
                    stack[size++] = k + 1;
                }
                if (r > 0 && grid[k - cols] == UNKNOWN) {
                    grid[k - cols] = value;
                    stack[size++] = k - cols;
                }
                if (r < rows - 1 && grid[k + cols] == UNKNOWN) {
                    grid[k + cols] = value;
                    stack[size++] = k + cols;
                }
            }
        }
    }
}
