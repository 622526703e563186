package io.borderline.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Picks tile layers out of an encoded Mapbox Vector Tile without decoding its features: a tile is a protobuf
 * message whose field 3 repeats the layers, and each layer's field 1 is its name, so keeping a layer is
 * copying its bytes. Used for the per-collection tiles of OGC API - Tiles, which reuse the cached full tile.
 * Stateless, thread-safe.
 */
public final class MvtLayers {
    private static final int LAYERS_FIELD = 3;
    private static final int NAME_FIELD = 1;

    private MvtLayers() {}

    /** The tile with only the layer {@code name} (an empty array when the tile has no such layer). */
    public static byte[] keep(byte[] tile, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(tile.length);
        int[] pos = {0};
        while (pos[0] < tile.length) {
            int start = pos[0];
            long key = varint(tile, pos);
            int field = (int) (key >>> 3);
            int end = skip(tile, pos, (int) (key & 7));
            if (field == LAYERS_FIELD && name.equals(layerName(tile, pos[0], end))) {
                out.write(tile, start, end - start);
            }
            pos[0] = end;
        }
        return out.toByteArray();
    }

    /** The name of the layer message in {@code tile[from, to)}, or null. */
    private static String layerName(byte[] tile, int from, int to) {
        int[] pos = {from};
        while (pos[0] < to) {
            long key = varint(tile, pos);
            int wire = (int) (key & 7);
            int end = skip(tile, pos, wire);
            if ((key >>> 3) == NAME_FIELD && wire == 2) {
                return new String(tile, pos[0], end - pos[0], StandardCharsets.UTF_8);
            }
            pos[0] = end;
        }
        return null;
    }

    /**
     * Skips the value of a field of this wire type: returns where it ends, and leaves {@code pos} at the start
     * of a length-delimited payload (after its length).
     */
    private static int skip(byte[] b, int[] pos, int wire) {
        switch (wire) {
            case 0 -> {
                varint(b, pos);
                return pos[0];
            }
            case 1 -> {
                return pos[0] + 8;
            }
            case 2 -> {
                int len = (int) varint(b, pos);
                return pos[0] + len;
            }
            case 5 -> {
                return pos[0] + 4;
            }
            default -> throw new IllegalArgumentException("not a vector tile: wire type " + wire);
        }
    }

    private static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a vector tile: varint too long");
    }
}
