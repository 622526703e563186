package io.borderline.geodesy;

import java.util.ArrayDeque;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Point-in-area test accelerated by a coarse longitude/latitude grid. Cells that no boundary
 * edge touches are wholly inside or wholly outside; they are found by flood fill and classified
 * with one exact test per connected region, so most queries are a single array lookup. Cells an
 * edge touches defer to JTS's {@link IndexedPointInAreaLocator}, whose cost grows with the
 * number of edges a ray crosses (thousands for Russia). Answers are identical to the exact
 * locator's. Immutable after construction and thread-safe.
 */
public final class GridLocator {
    private static final byte UNKNOWN = 0;
    private static final byte OUTSIDE = 1;
    private static final byte INSIDE = 2;
    private static final byte EDGE = 3;

    private final IndexedPointInAreaLocator exact;
    private final double minLon;
    private final double minLat;
    private final double cell;
    private final int cols;
    private final int rows;
    private final byte[] grid;

    /**
     * @param area polygonal geometry, x = longitude
     * @param cellDeg grid cell size, degrees
     */
    public GridLocator(Geometry area, double cellDeg) {
        this.exact = new IndexedPointInAreaLocator(area);
        Envelope env = area.getEnvelopeInternal();
        this.cell = cellDeg;
        this.minLon = env.getMinX() - cellDeg;
        this.minLat = env.getMinY() - cellDeg;
        this.cols = (int) Math.ceil(env.getWidth() / cellDeg) + 3;
        this.rows = (int) Math.ceil(env.getHeight() / cellDeg) + 3;
        this.grid = new byte[cols * rows];
        markEdges(area);
        classifyRegions();
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
        return exact.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
    }

    private void markEdges(Geometry g) {
        for (Object line : LinearComponentExtracter.getLines(g)) {
            markLine((LineString) line);
        }
    }

    private void markLine(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            // Mark every cell of the edge's bounding box, widened by a cell fraction so that
            // points exactly on a cell border still defer to the exact test.
            int c0 = col(Math.min(cs[i - 1].x, cs[i].x) - cell * 1e-3);
            int c1 = col(Math.max(cs[i - 1].x, cs[i].x) + cell * 1e-3);
            int r0 = row(Math.min(cs[i - 1].y, cs[i].y) - cell * 1e-3);
            int r1 = row(Math.max(cs[i - 1].y, cs[i].y) + cell * 1e-3);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    grid[r * cols + c] = EDGE;
                }
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
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < grid.length; start++) {
            if (grid[start] != UNKNOWN) {
                continue;
            }
            int sr = start / cols;
            int sc = start % cols;
            Coordinate centre = new Coordinate(minLon + (sc + 0.5) * cell, minLat + (sr + 0.5) * cell);
            byte value = exact.locate(centre) == Location.EXTERIOR ? OUTSIDE : INSIDE;
            grid[start] = value;
            queue.add(start);
            while (!queue.isEmpty()) {
                int k = queue.poll();
                int r = k / cols;
                int c = k % cols;
                if (c > 0 && grid[k - 1] == UNKNOWN) {
                    grid[k - 1] = value;
                    queue.add(k - 1);
                }
                if (c < cols - 1 && grid[k + 1] == UNKNOWN) {
                    grid[k + 1] = value;
                    queue.add(k + 1);
                }
                if (r > 0 && grid[k - cols] == UNKNOWN) {
                    grid[k - cols] = value;
                    queue.add(k - cols);
                }
                if (r < rows - 1 && grid[k + cols] == UNKNOWN) {
                    grid[k + cols] = value;
                    queue.add(k + cols);
                }
            }
        }
    }
}
