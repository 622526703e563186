package io.borderline.build;

import io.borderline.data.BoundaryFile;
import io.borderline.data.FeatureRecord;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads a boundary file of the first format ({@code BORDERLINE-BOUNDARIES-1}: gzip, WKB per
 * record), so that an already repaired regional OSM extract can be carried into the current
 * format without the hours the world's OSM repair takes on a loaded machine.
 */
final class LegacyBoundaries {
    private LegacyBoundaries() {}

    static List<FeatureRecord> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            if (!"BORDERLINE-BOUNDARIES-1".equals(data.readUTF())) {
                throw new IOException(file + " is not a first-format boundary file");
            }
            int n = data.readInt();
            List<FeatureRecord> out = new ArrayList<>(n);
            WKBReader wkb = new WKBReader(BoundaryFile.FACTORY);
            for (int i = 0; i < n; i++) {
                String kind = data.readUTF();
                String id = data.readUTF();
                int np = data.readInt();
                Map<String, String> props = new LinkedHashMap<>();
                for (int k = 0; k < np; k++) {
                    props.put(data.readUTF(), data.readUTF());
                }
                byte[] bytes = data.readNBytes(data.readInt());
                out.add(new FeatureRecord(kind, id, props, wkb.read(bytes)));
            }
            return out;
        } catch (ParseException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
