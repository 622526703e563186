package io.borderline.data;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The compact boundary file format the service loads at start-up: gzip of a magic string, a
 * record count and, per record, kind, id, string properties and the geometry as WKB. WKB keeps
 * full double precision and parses an order of magnitude faster than GeoJSON.
 */
public final class BoundaryFile {
    private static final String MAGIC = "BORDERLINE-BOUNDARIES-1";
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private BoundaryFile() {}

    public static void write(Path file, List<FeatureRecord> records) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new GZIPOutputStream(os, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(records.size());
            WKBWriter wkb = new WKBWriter(2);
            for (FeatureRecord r : records) {
                out.writeUTF(r.kind());
                out.writeUTF(r.id());
                out.writeInt(r.properties().size());
                for (Map.Entry<String, String> e : r.properties().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
                byte[] bytes = wkb.write(r.geometry());
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Reads a boundary file.
     *
     * @throws DataFileException naming the file if it is not a well-formed boundary file
     */
    public static List<FeatureRecord> read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage());
        }
        return read(file, new ByteArrayInputStream(raw));
    }

    static List<FeatureRecord> read(Path file, InputStream in) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            if (!MAGIC.equals(data.readUTF())) {
                throw new DataFileException(file, "is not a Borderline boundary file (bad header)");
            }
            int n = data.readInt();
            if (n < 0 || n > 10_000) {
                throw new DataFileException(file, "declares an impossible record count " + n);
            }
            List<FeatureRecord> records = new ArrayList<>(n);
            WKBReader wkb = new WKBReader(FACTORY);
            for (int i = 0; i < n; i++) {
                String kind = data.readUTF();
                String id = data.readUTF();
                int np = data.readInt();
                Map<String, String> props = new LinkedHashMap<>();
                for (int k = 0; k < np; k++) {
                    props.put(data.readUTF(), data.readUTF());
                }
                int len = data.readInt();
                if (len <= 0 || len > 512 << 20) {
                    throw new DataFileException(file, "record " + id + " has an impossible size " + len);
                }
                byte[] bytes = data.readNBytes(len);
                if (bytes.length != len) {
                    throw new EOFException();
                }
                records.add(new FeatureRecord(kind, id, props, wkb.read(bytes)));
            }
            return records;
        } catch (EOFException e) {
            throw new DataFileException(file, "is truncated");
        } catch (IOException | ParseException | RuntimeException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(file, "is corrupt: " + e.getMessage());
        }
    }


}
