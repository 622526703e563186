package io.borderline.data;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The compact coordinate encoding of the boundary files: longitude and latitude as fixed-point
 * integers of {@value #SCALE}<sup>-1</sup> degree (about 1 cm), each stored as the zig-zag varint
 * of its difference from the previous vertex. A 10 m-resolution boundary vertex takes 3–5 bytes
 * instead of WKB's 16. Decoded geometries use packed double coordinate sequences (16 bytes a
 * vertex, no object per vertex). Stateless and thread-safe.
 */
public final class GeometryCodec {
    /** Fixed-point scale: 1e7 per degree. */
    public static final double SCALE = 1e7;
    /** The factory of decoded geometries: packed coordinates, SRID 4326. */
    public static final GeometryFactory PACKED = new GeometryFactory(new PrecisionModel(), 4326,
        PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private static final byte EMPTY = 0;
    private static final byte POLYGONS = 1;
    private static final byte LINES = 2;

    private GeometryCodec() {}

    /** Rounds a coordinate value to what the file stores. */
    public static double quantize(double v) {
        return Math.round(v * SCALE) / SCALE;
    }

    static byte[] encode(Geometry g) {
        Out out = new Out();
        if (g.isEmpty()) {
            out.bytes.write(EMPTY);
            return out.bytes.toByteArray();
        }
        boolean polygonal = g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon;
        out.bytes.write(polygonal ? POLYGONS : LINES);
        int n = g.getNumGeometries();
        out.varint(n);
        for (int i = 0; i < n; i++) {
            Geometry part = g.getGeometryN(i);
            if (polygonal) {
                Polygon p = (Polygon) part;
                out.varint(1 + p.getNumInteriorRing());
                out.ring(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    out.ring(p.getInteriorRingN(h).getCoordinates());
                }
            } else if (part instanceof LineString l) {
                out.ring(l.getCoordinates());
            } else {
                throw new IllegalArgumentException("cannot encode " + part.getGeometryType());
            }
        }
        return out.bytes.toByteArray();
    }

    static Geometry decode(byte[] b) {
        In in = new In(b);
        GeometryFactory f = PACKED;
        byte type = b[in.pos++];
        if (type == EMPTY) {
            return f.createGeometryCollection();
        }
        int n = in.count();
        if (type == POLYGONS) {
            Polygon[] parts = new Polygon[n];
            for (int i = 0; i < n; i++) {
                int rings = in.count();
                LinearRing shell = f.createLinearRing(in.sequence());
                LinearRing[] holes = new LinearRing[rings - 1];
                for (int h = 0; h < holes.length; h++) {
                    holes[h] = f.createLinearRing(in.sequence());
                }
                parts[i] = f.createPolygon(shell, holes);
            }
            return f.createMultiPolygon(parts);
        }
        if (type == LINES) {
            List<LineString> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lines.add(f.createLineString(in.sequence()));
            }
            return f.createMultiLineString(lines.toArray(LineString[]::new));
        }
        throw new IllegalArgumentException("unknown geometry type " + type);
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long x;
        long y;

        void ring(Coordinate[] cs) {
            varint(cs.length);
            for (Coordinate c : cs) {
                long nx = Math.round(c.x * SCALE);
                long ny = Math.round(c.y * SCALE);
                zigzag(nx - x);
                zigzag(ny - y);
                x = nx;
                y = ny;
            }
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                bytes.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }
    }

    private static final class In {
        final byte[] b;
        int pos;
        long x;
        long y;

        In(byte[] b) {
            this.b = b;
        }

        int count() {
            long v = varint();
            if (v < 0 || v > b.length) {
                throw new IllegalArgumentException("impossible count " + v);
            }
            return (int) v;
        }

        org.locationtech.jts.geom.CoordinateSequence sequence() {
            int n = count();
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                x += unzigzag(varint());
                y += unzigzag(varint());
                xy[2 * i] = x / SCALE;
                xy[2 * i + 1] = y / SCALE;
            }
            return PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2);
        }

        static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte k = b[pos++];
                v |= (long) (k & 0x7F) << shift;
                if (k >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
