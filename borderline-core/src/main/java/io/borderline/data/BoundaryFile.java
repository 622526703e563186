package io.borderline.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The boundary file format the service loads: a header with, per record, its kind, id, string
 * properties, envelope, vertex count and the place of its geometry; then every geometry as its
 * own deflated block of {@link GeometryCodec} coordinates. The file is memory-mapped and only the
 * header is parsed at start-up; a geometry is inflated and decoded the first time it is used, so
 * start-up time and memory do not grow with the world's 250 countries.
 *
 * <p>Layout (strings as int length + UTF-8): magic, int header length, header, blocks. Header: int record count, then per
 * record kind, id, int property count, key/value pairs, 4 doubles (min lon, min lat,
 * max lon, max lat), int vertex count, long block offset, int deflated length, int raw length.
 */
public final class BoundaryFile {
    private static final String MAGIC = "BORDERLINE-BOUNDARIES-2";
    /** Factory of the geometries the build and tests make (decoded ones use {@link GeometryCodec#PACKED}). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final int MAX_RECORDS = 100_000;

    private BoundaryFile() {}

    public static void write(Path file, List<FeatureRecord> records) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(records.size());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] buf = new byte[1 << 16];
        for (FeatureRecord r : records) {
            writeUtf(h, r.kind());
            writeUtf(h, r.id());
            h.writeInt(r.properties().size());
            for (Map.Entry<String, String> e : r.properties().entrySet()) {
                writeUtf(h, e.getKey());
                writeUtf(h, e.getValue());
            }
            Envelope env = r.geometry().getEnvelopeInternal();
            h.writeDouble(env.isNull() ? 0 : env.getMinX());
            h.writeDouble(env.isNull() ? 0 : env.getMinY());
            h.writeDouble(env.isNull() ? -1 : env.getMaxX());
            h.writeDouble(env.isNull() ? -1 : env.getMaxY());
            h.writeInt(r.geometry().getNumPoints());
            byte[] raw = GeometryCodec.encode(r.geometry());
            deflater.reset();
            deflater.setInput(raw);
            deflater.finish();
            int start = blocks.size();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                blocks.write(buf, 0, n);
            }
            h.writeLong(start);
            h.writeInt(blocks.size() - start);
            h.writeInt(raw.length);
        }
        deflater.end();
        h.flush();
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
            writeUtf(out, MAGIC);
            out.writeInt(header.size());
            header.writeTo(out);
            blocks.writeTo(out);
        }
    }

    /**
     * Reads a boundary file's header and maps its blocks; geometries decode on first use.
     *
     * @throws DataFileException naming the file if it is not a well-formed boundary file
     */
    public static List<FeatureRecord> read(Path file) {
        ByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage());
        }
        try {
            if (!MAGIC.equals(readUtf(map))) {
                throw new DataFileException(file, "is not a Borderline boundary file (bad header)");
            }
            int headerLength = map.getInt();
            if (headerLength < 4 || headerLength > map.remaining()) {
                throw new DataFileException(file, "is truncated");
            }
            int blocksStart = map.position() + headerLength;
            int n = map.getInt();
            if (n < 0 || n > MAX_RECORDS) {
                throw new DataFileException(file, "declares an impossible record count " + n);
            }
            List<FeatureRecord> records = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String kind = readUtf(map);
                String id = readUtf(map);
                int np = map.getInt();
                if (np < 0 || np > 1000) {
                    throw new DataFileException(file, "record " + id + " declares " + np + " properties");
                }
                Map<String, String> props = new LinkedHashMap<>();
                for (int k = 0; k < np; k++) {
                    props.put(readUtf(map), readUtf(map));
                }
                double minX = map.getDouble();
                double minY = map.getDouble();
                double maxX = map.getDouble();
                double maxY = map.getDouble();
                int points = map.getInt();
                long offset = map.getLong();
                int deflated = map.getInt();
                int rawLength = map.getInt();
                if (offset < 0 || deflated <= 0 || rawLength <= 0 || rawLength > 1 << 30
                    || blocksStart + offset + deflated > map.limit()) {
                    throw new DataFileException(file, "is truncated (record " + id + " lies beyond its end)");
                }
                Envelope env = maxX < minX ? new Envelope() : new Envelope(minX, maxX, minY, maxY);
                ByteBuffer block = map.slice(blocksStart + (int) offset, deflated);
                records.add(new FeatureRecord(kind, id, props, env, points,
                    () -> decode(file, id, block, rawLength)));
            }
            return records;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new DataFileException(file, "is truncated");
        }
    }

    private static Geometry decode(Path file, String id, ByteBuffer block, int rawLength) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(block.duplicate());
            byte[] raw = new byte[rawLength];
            int n = 0;
            while (n < rawLength && !inflater.finished()) {
                int k = inflater.inflate(raw, n, rawLength - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != rawLength) {
                throw new DataFileException(file, "record " + id + " is corrupt (short block)");
            }
            Geometry g = GeometryCodec.decode(raw);
            String problem = StructuralCheck.problem(g);
            if (problem != null && !g.isEmpty()) {
                throw new DataFileException(file, "record " + id + " " + problem);
            }
            return g;
        } catch (DataFormatException | RuntimeException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(file, "record " + id + " is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static void writeUtf(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readUtf(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
