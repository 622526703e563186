package io.borderline.data;

import java.util.Collection;
import java.util.List;

/**
 * Per half-degree cell of the globe, the territories whose {@link CellRaster} does not put that cell wholly
 * outside: the candidates of a point-in-territory question. A point is in one to three of them almost
 * everywhere, so "which states hold this point" asks those and not every one of the world's 250 territories
 * (walking all of them was half the cost of a distance query). Built from the rasters alone, without decoding
 * a territory. Immutable.
 */
final class TerritoryGrid {
    private static final int COLS = (int) Math.round(360 / CellRaster.CELL_DEG);
    private static final int ROWS = (int) Math.round(180 / CellRaster.CELL_DEG) + 1; // a row for lat = 90 too
    private static final int ROW_OFFSET = (int) Math.round(90 / CellRaster.CELL_DEG);

    private final Territory[] territories;
    /** Per cell k, its candidates are territories[entries[start[k] .. start[k + 1])], in the input's order. */
    private final int[] start;
    private final int[] entries;

    private TerritoryGrid(Territory[] territories, int[] start, int[] entries) {
        this.territories = territories;
        this.start = start;
        this.entries = entries;
    }

    /** The grid of these territories; each cell lists its candidates in the collection's order. */
    static TerritoryGrid of(Collection<Territory> all) {
        Territory[] ts = all.toArray(Territory[]::new);
        int[] start = new int[COLS * ROWS + 1];
        for (Territory t : ts) {
            visit(t.cells(), k -> start[k + 1]++);
        }
        for (int k = 0; k < COLS * ROWS; k++) {
            start[k + 1] += start[k];
        }
        int[] entries = new int[start[COLS * ROWS]];
        int[] fill = java.util.Arrays.copyOf(start, COLS * ROWS);
        for (int i = 0; i < ts.length; i++) {
            int territory = i;
            visit(ts[i].cells(), k -> entries[fill[k]++] = territory);
        }
        return new TerritoryGrid(ts, start, entries);
    }

    /**
     * Calls {@code cell} once for each global cell holding a cell of the raster that is not wholly outside.
     * Longitudes unwrapped beyond ±180° (Natural Earth's Russia and Fiji) wrap back, and such a cell also names
     * its two neighbours in longitude: the territory finds a point's cell from lon ± 360, whose rounding can put
     * a point within 1e-13° of a cell line in the next cell.
     */
    private static void visit(CellRaster r, java.util.function.IntConsumer cell) {
        java.util.BitSet seen = new java.util.BitSet();
        int half = COLS / 2;
        for (int row = 0; row < r.rows(); row++) {
            int globalRow = r.row0() + row + ROW_OFFSET;
            if (globalRow < 0 || globalRow >= ROWS) {
                continue;
            }
            for (int col = 0; col < r.cols(); col++) {
                if (r.stateAt(col, row) == CellRaster.OUTSIDE) {
                    continue;
                }
                int abs = r.col0() + col;
                int reach = abs >= half || abs < -half ? 1 : 0;
                for (int c = abs - reach; c <= abs + reach; c++) {
                    int k = globalRow * COLS + Math.floorMod(c, COLS);
                    if (!seen.get(k)) {
                        seen.set(k);
                        cell.accept(k);
                    }
                }
            }
        }
    }

    /** The cell of a point (any longitude; latitude clamped to ±90°). */
    static int cellOf(double lat, double lon) {
        int row = Math.max(0, Math.min(ROWS - 1, (int) Math.floor(lat / CellRaster.CELL_DEG) + ROW_OFFSET));
        return row * COLS + Math.floorMod((int) Math.floor(lon / CellRaster.CELL_DEG), COLS);
    }

    int from(int cell) {
        return start[cell];
    }

    int to(int cell) {
        return start[cell + 1];
    }

    Territory territory(int position) {
        return territories[entries[position]];
    }

    /** The candidates of a point's cell, in the input's order (for tests and diagnostics). */
    List<Territory> candidates(double lat, double lon) {
        int k = cellOf(lat, lon);
        return java.util.stream.IntStream.range(from(k), to(k)).mapToObj(this::territory).toList();
    }
}
