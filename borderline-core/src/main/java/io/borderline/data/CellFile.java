package io.borderline.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The cell rasters of one boundary file's territories ({@link CellRaster}), in a file beside it:
 * {@code boundaries/<dataset>.cells}. Derived from the boundary file alone ({@code BuildCells} in the data
 * build) and checked against {@code MANIFEST.sha256} like every data file. Format: deflated stream of the
 * magic {@code BLCELLS1}, the cell size in degrees (double), the territory count, then per territory its
 * code (UTF), first column, first row, columns, rows (ints) and the 2-bit cells.
 */
public final class CellFile {
    private static final String MAGIC = "BLCELLS1";

    private CellFile() {
    }

    /** The file of a boundary file: {@code x.bin} → {@code x.cells}. */
    public static Path beside(Path boundaryFile) {
        String name = boundaryFile.getFileName().toString();
        return boundaryFile.resolveSibling(name.replaceFirst("\\.bin$", "") + ".cells");
    }

    public static void write(Path file, Map<String, CellRaster> rasters) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeBytes(MAGIC);
            out.writeDouble(CellRaster.CELL_DEG);
            out.writeInt(rasters.size());
            for (Map.Entry<String, CellRaster> e : rasters.entrySet()) {
                CellRaster r = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(r.col0());
                out.writeInt(r.row0());
                out.writeInt(r.cols());
                out.writeInt(r.rows());
                out.write(r.cells());
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    /** The rasters by territory code; a malformed file is a {@link DataFileException}. */
    public static Map<String, CellRaster> read(Path file) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
            new ByteArrayInputStream(Files.readAllBytes(file))))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new DataFileException(file, "is not a cell file (no " + MAGIC + ")");
            }
            if (in.readDouble() != CellRaster.CELL_DEG) {
                throw new DataFileException(file, "has cells of another size than " + CellRaster.CELL_DEG + "°");
            }
            int n = in.readInt();
            Map<String, CellRaster> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String code = in.readUTF();
                int col0 = in.readInt();
                int row0 = in.readInt();
                int cols = in.readInt();
                int rows = in.readInt();
                if (cols < 0 || rows < 0 || (long) cols * rows > 1 << 26) {
                    throw new DataFileException(file, "has an impossible raster for " + code);
                }
                byte[] cells = new byte[CellRaster.bytesFor(cols, rows)];
                in.readFully(cells);
                out.put(code, new CellRaster(col0, row0, cols, rows, cells));
            }
            return out;
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage());
        }
    }
}
