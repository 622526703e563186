package io.borderline.build;

import io.borderline.data.BoundaryFile;
import io.borderline.data.CellFile;
import io.borderline.data.CellRaster;
import io.borderline.data.FeatureRecord;
import io.borderline.data.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives {@code boundaries/<dataset>.cells} ({@link CellFile}) from {@code boundaries/<dataset>.bin}: the cell
 * raster of every territory. Part of {@link BuildData}; run on its own ({@code BuildCells <data-dir>}) it
 * rewrites both cell files from the committed boundary files and adds them to {@code MANIFEST.sha256} and the
 * outputs table of {@code SOURCES.md}, without rebuilding the boundaries. A function of the .bin alone, so both
 * ways give the same bytes.
 */
public final class BuildCells {
    private BuildCells() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BuildCells <data-dir>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        List<String> cells = new ArrayList<>();
        for (String dataset : List.of(BuildData.NE, BuildData.OSM)) {
            cells.add(write(dataDir, dataset));
        }
        List<String> outputs = new ArrayList<>();
        for (String rel : Manifest.read(dataDir).paths()) {
            if (!cells.contains(rel)) {
                outputs.add(rel);
                String cell = rel.replaceFirst("\\.bin$", ".cells");
                if (cells.contains(cell)) {
                    outputs.add(cell);
                }
            }
        }
        Manifest.write(dataDir, outputs);
        Path sources = dataDir.resolve("SOURCES.md");
        String md = Files.readString(sources, StandardCharsets.UTF_8);
        int start = md.indexOf("## Outputs\n\n");
        int end = md.indexOf("\n## ", start + 1);
        if (start < 0 || end < 0) {
            throw new IllegalStateException(sources + " has no Outputs section");
        }
        md = md.substring(0, start) + "## Outputs\n\n" + SourcesWriter.outputsTable(dataDir, outputs) + md.substring(end);
        Files.writeString(sources, md, StandardCharsets.UTF_8);
        System.out.println("wrote " + cells + ", " + Manifest.FILE_NAME + " and the outputs of SOURCES.md");
    }

    /** Writes the cell file of {@code dataset} from its boundary file; returns its path relative to the data dir. */
    static String write(Path dataDir, String dataset) throws IOException {
        Path bin = dataDir.resolve("boundaries/" + dataset + ".bin");
        Map<String, CellRaster> rasters = new LinkedHashMap<>();
        for (FeatureRecord r : BoundaryFile.read(bin)) {
            if (r.kind().equals(FeatureRecord.COUNTRY)) {
                rasters.put(r.id(), CellRaster.of(r.geometry()));
            }
        }
        Path file = CellFile.beside(bin);
        CellFile.write(file, rasters);
        return dataDir.relativize(file).toString();
    }
}
