package io.borderline.http;

import io.borderline.json.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.data.BorderlineData;
import io.borderline.features.Feature;
import io.borderline.features.Layers;
import io.borderline.tiles.MvtLayers;
import io.borderline.tiles.TileId;
import io.borderline.tiles.VectorTiles;
import io.borderline.tiles.WebMercator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Vector tiles ({@code /tiles/{z}/{x}/{y}.mvt}, WebMercatorQuad, XYZ rows from the north) and their
 * TileJSON 3.0.0 description ({@code /tiles/tilejson.json}).
 *
 * <p>A tile no feature reaches is answered {@code 204 No Content} (no body), which MapLibre, OpenLayers,
 * QGIS and GDAL treat as an empty tile. Every answer carries a strong ETag (the first 128 bits of the
 * SHA-256 of the body, hex) and {@code Cache-Control: public, max-age=}{@value #MAX_AGE_S}; a matching
 * {@code If-None-Match} is answered 304. Encoded tiles are kept in a Caffeine cache bounded to
 * {@value #CACHE_BYTES} bytes of tile data (weighed by their length plus 64 bytes).
 */
final class TilesApi {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final long CACHE_BYTES = 64L * 1024 * 1024;
    static final int MAX_AGE_S = 3600;
    private static final Map<String, String> LAYER_DESCRIPTIONS = Map.of(
        "countries", "Land territory of each loaded state (RUS-KGD, the Kaliningrad exclave, also inside RUS)",
        "borders", "Shared international boundary lines; land_km and water_km split their geodesic length",
        "sites", "Named places and sites with their kind, country and cited coordinate source",
        "coverage", "Drone-range coverage of every drone class from Belarus (source=BLR) and from Russia"
            + " (source=RUS), true geodesic buffers; pick one with the drone and source properties",
        "time_rings", "Warning-time rings (collection time-rings): what each drone class with a published speed reaches"
            + " from Belarus (source=BLR) and the Kaliningrad exclave (source=RUS-KGD) in 5 to 60 minutes of flight;"
            + " minutes, speed_kmh and range_km are numbers (a straight-line lower bound of the warning time)");

    /** An encoded tile and its entity tag. */
    private record Encoded(byte[] bytes, String etag) {}

    private final BorderlineData data;
    private final VectorTiles tiles;
    private final Cache<String, Encoded> cache = Caffeine.newBuilder()
        .maximumWeight(CACHE_BYTES)
        .weigher((String k, Encoded e) -> e.bytes().length + 64)
        .build();

    TilesApi(BorderlineData data, Layers layers) {
        this.data = data;
        this.tiles = new VectorTiles(layers);
    }

    /** The tile layers of the web page's base map, in their order in {@link VectorTiles#TILE_LAYERS} (the cache key). */
    static final java.util.List<String> BASE_MAP = java.util.List.of("countries", "borders");
    /**
     * Longitude/latitude box of the web page's first view (app.js fits 50.6–59.8° N, 19.5–33.5° E; keep them
     * together): in a 1440 × 1000 window it shows the z6 tiles over this box, twenty of them.
     */
    static final Envelope FIRST_VIEW = new Envelope(12.0, 38.0, 49.5, 61.0);
    static final int FIRST_VIEW_MAX_ZOOM = 6;

    /**
     * Before the first tile asks: the per-zoom copies of the base map's layers, the base-map tiles of the web
     * page's first view encoded into the cache (a z6 tile that shows Russia takes seconds to clip and make valid),
     * then the copies of the other tile layers (which computes the coverage layers). {@code yield} runs between
     * features and tiles.
     */
    void warmUp(Runnable yield) {
        String ds = BorderlineData.DEFAULT_DATASET;
        tiles.warmUp(ds, BASE_MAP, yield);
        for (TileId id : firstViewTiles()) {
            yield.run();
            cache.get(ds + "/" + id + "/" + BASE_MAP, k -> encode(tiles.tile(ds, id, BASE_MAP)));
        }
        tiles.warmUp(ds, yield);
    }

    /** The base-map tiles of the web page's first view, z0 to {@value #FIRST_VIEW_MAX_ZOOM} over {@link #FIRST_VIEW}. */
    static java.util.List<TileId> firstViewTiles() {
        java.util.List<TileId> out = new java.util.ArrayList<>();
        for (int z = 0; z <= FIRST_VIEW_MAX_ZOOM; z++) {
            for (int x = column(FIRST_VIEW.getMinX(), z); x <= column(FIRST_VIEW.getMaxX(), z); x++) {
                for (int y = row(FIRST_VIEW.getMaxY(), z); y <= row(FIRST_VIEW.getMinY(), z); y++) {
                    out.add(new TileId(z, x, y));
                }
            }
        }
        return out;
    }

    private static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int row(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/tiles/tilejson.json", this::tileJson);
        r.put("/tiles/style.json", this::style);
        r.put("/tiles/{z}/{x}/{y}.mvt", this::tile);
        return r;
    }

    private void tile(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset", "layers"));
        String dataset = p.datasetId();
        java.util.List<String> wanted = tileLayers(p.optional("layers"));
        int z = pathInt(ctx, "z", VectorTiles.MAX_ZOOM);
        int last = (1 << z) - 1;
        int x = pathInt(ctx, "x", last);
        int y = pathInt(ctx, "y", last);
        serve(ctx, dataset, new TileId(z, x, y), wanted, null);
    }

    /** As {@link #serve(Context, String, TileId, java.util.List, String)} with every tile layer. */
    void serve(Context ctx, String dataset, TileId id, String onlyLayer) {
        serve(ctx, dataset, id, java.util.List.copyOf(VectorTiles.TILE_LAYERS.keySet()), onlyLayer);
    }

    /**
     * Answers one tile (ETag, 304, 204 when empty, else the MVT) with the tile layers {@code wanted}; with
     * {@code onlyLayer}, only that tile layer of the cached tile (the OGC API collection tiles).
     */
    void serve(Context ctx, String dataset, TileId id, java.util.List<String> wanted, String onlyLayer) {
        Encoded all = cache.get(dataset + "/" + id + "/" + wanted, k -> encode(tiles.tile(dataset, id, wanted)));
        Encoded e = onlyLayer == null ? all
            : cache.get(dataset + "/" + id + "/" + onlyLayer, k -> encode(MvtLayers.keep(all.bytes(), onlyLayer)));
        ctx.header("ETag", e.etag());
        ctx.header("Cache-Control", "public, max-age=" + MAX_AGE_S);
        if (matches(ctx.header("If-None-Match"), e.etag())) {
            ctx.status(304);
            return;
        }
        if (e.bytes().length == 0) {
            ctx.status(204);
            return;
        }
        binary(ctx, MVT, e.bytes());
    }

    /** The {@code layers} parameter: comma-separated tile layer names (all of them when absent), else a 400. */
    private static java.util.List<String> tileLayers(String raw) {
        if (raw == null) {
            return java.util.List.copyOf(VectorTiles.TILE_LAYERS.keySet());
        }
        String allowed = "comma-separated names from " + String.join(", ", VectorTiles.TILE_LAYERS.keySet());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String n : raw.split(",", -1)) {
            if (!VectorTiles.TILE_LAYERS.containsKey(n.trim())) {
                throw ApiException.badParameter("layers", "parameter 'layers' names an unknown tile layer: '"
                    + Params.shorten(n) + "'", allowed);
            }
            names.add(n.trim());
        }
        return VectorTiles.TILE_LAYERS.keySet().stream().filter(names::contains).toList();
    }

    /** A binary body with exactly this media type (without it, Javalin appends the JSON default's charset). */
    static void binary(Context ctx, String type, byte[] body) {
        ctx.result(body);
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(type);
    }

    /** A MapLibre GL style over the TileJSON of the same dataset (see {@link TileStyle}). */
    private void style(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset"));
        String dataset = p.datasetId();
        String query = p.has("dataset") ? "?dataset=" + dataset : "";
        ctx.contentType(BorderlineApi.JSON).result(Json.write(TileStyle.of(OgcApi.base(ctx) + "/tiles/tilejson.json" + query,
            data.dataset(dataset).info().attribution(), data.drones().values())));
    }

    private void tileJson(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset"));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(tileJson(ctx, p)));
    }

    /** The TileJSON 3.0.0 document (also the source of the OGC tileset and metadata.json descriptions). */
    ObjectNode tileJson(Context ctx, Params p) {
        String dataset = p.datasetId();
        String query = p.has("dataset") ? "?dataset=" + dataset : "";
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("tilejson", "3.0.0");
        t.put("name", "Borderline");
        t.put("description", "Countries, borders, sites and drone-range coverage of the Baltic region, dataset "
            + dataset + ". Empty tiles are answered 204 No Content.");
        t.put("attribution", data.dataset(dataset).info().attribution());
        t.put("scheme", "xyz");
        t.putArray("tiles").add(OgcApi.base(ctx) + "/tiles/{z}/{x}/{y}.mvt" + query);
        t.put("minzoom", 0);
        t.put("maxzoom", VectorTiles.MAX_ZOOM);
        Envelope all = new Envelope();
        ArrayNode layers = Json.MAPPER.createArrayNode();
        for (String name : VectorTiles.TILE_LAYERS.keySet()) {
            Map<String, String> fields = new TreeMap<>();
            fields.put("id", "String");
            for (Feature f : tiles.features(dataset, name)) {
                if (f.located()) {
                    all.expandToInclude(f.envelope());
                }
                f.properties().forEach((k, v) -> {
                    if (v != null) {
                        fields.put(k, v instanceof Number ? "Number" : v instanceof Boolean ? "Boolean" : "String");
                    }
                });
            }
            ObjectNode l = layers.addObject();
            l.put("id", name);
            l.put("description", LAYER_DESCRIPTIONS.get(name));
            l.put("minzoom", 0);
            l.put("maxzoom", VectorTiles.MAX_ZOOM);
            l.set("fields", Json.MAPPER.valueToTree(fields));
        }
        double edge = Math.floor(WebMercator.MAX_LAT_DEG * 1e6) / 1e6; // the pyramid's edge, rounded inwards
        double south = Math.max(round(all.getMinY()), -edge);
        double north = Math.min(round(all.getMaxY()), edge);
        t.putArray("bounds").add(round(all.getMinX())).add(round(south)).add(round(all.getMaxX())).add(round(north));
        t.putArray("center").add(round((all.getMinX() + all.getMaxX()) / 2)).add(round((south + north) / 2)).add(5);
        t.set("vector_layers", layers);
        return t;
    }

    private static double round(double deg) {
        return Math.round(deg * 1e6) / 1e6;
    }

    /** A tile path parameter: a whole number from 0 to max, else a 400 naming it and its range. */
    static int pathInt(Context ctx, String name, int max) {
        String raw = ctx.pathParam(name);
        String range = "a whole number from 0 to " + max;
        if (!raw.matches("\\d{1,10}")) {
            throw ApiException.badParameter(name, "tile " + name + " is not a whole number: '" + Params.shorten(raw)
                + "'", range);
        }
        long v = Long.parseLong(raw);
        if (v > max) {
            throw ApiException.badParameter(name, "tile " + name + " is " + v + ", outside 0 to " + max, range);
        }
        return (int) v;
    }

    private static Encoded encode(byte[] bytes) {
        return new Encoded(bytes, etag(bytes));
    }

    /** A strong ETag for the bytes: the first 128 bits of their SHA-256, hex, quoted (also the web page's files). */
    static String etag(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(sha, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match against our tag: a list of tags or *, compared weakly as RFC 9110 says. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
