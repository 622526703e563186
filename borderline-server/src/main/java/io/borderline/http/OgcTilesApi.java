package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.json.Json;
import io.borderline.tiles.TileId;
import io.borderline.tiles.VectorTiles;
import io.borderline.tiles.WebMercatorQuadTms;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OGC API - Tiles 1.0 (Core, TileSet, TileSetsList, Dataset and GeoData tilesets, MVT) over the vector tiles of
 * {@link TilesApi}: the WebMercatorQuad tile matrix set at {@code /tileMatrixSets}, the dataset tiles (every tile
 * layer) at {@code /tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}}, and the tiles of the collections that
 * are a tile layer of their own (countries, borders, sites) at {@code /collections/{id}/tiles/...}. A collection
 * tile is the cached dataset tile with the other layers left out, so both paths serve the same geometry.
 * {@code /tiles/metadata.json} is the tippecanoe-style description GDAL's MVT driver reads to open a zoom level.
 */
final class OgcTilesApi {
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    /** Collections with tiles: those that are one tile layer (coverage-blr and -rus share the coverage layer). */
    static final List<String> TILED_COLLECTIONS = List.of("countries", "borders", "sites");
    private static final String TILE_PATH = "/{tileMatrix}/{tileRow}/{tileCol}";
    private static final Set<String> DATASET_ONLY = Set.of("dataset");
    private static final Set<String> META = Set.of("dataset", "f");

    private final TilesApi tiles;

    OgcTilesApi(TilesApi tiles) {
        this.tiles = tiles;
    }

    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/tileMatrixSets", this::tileMatrixSets);
        r.put("/tileMatrixSets/" + WebMercatorQuadTms.ID, this::tileMatrixSet);
        r.put("/tiles", ctx -> tilesets(ctx, null));
        r.put("/tiles/metadata.json", this::mvtMetadata);
        r.put("/tiles/" + WebMercatorQuadTms.ID, ctx -> tileset(ctx, null));
        r.put("/tiles/" + WebMercatorQuadTms.ID + TILE_PATH, ctx -> tile(ctx, null));
        r.put("/collections/{collectionId}/tiles", ctx -> tilesets(ctx, collection(ctx)));
        r.put("/collections/{collectionId}/tiles/" + WebMercatorQuadTms.ID, ctx -> tileset(ctx, collection(ctx)));
        r.put("/collections/{collectionId}/tiles/" + WebMercatorQuadTms.ID + TILE_PATH,
            ctx -> tile(ctx, collection(ctx)));
        return r;
    }

    private static String collection(Context ctx) {
        String id = ctx.pathParam("collectionId");
        if (!TILED_COLLECTIONS.contains(id)) {
            throw ApiException.notFound("tiled collection", Params.shorten(id), String.join(", ", TILED_COLLECTIONS));
        }
        return id;
    }

    private void tileMatrixSets(Context ctx) {
        meta(ctx);
        String base = OgcApi.base(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        ObjectNode tms = m.putArray("tileMatrixSets").addObject();
        tms.put("id", WebMercatorQuadTms.ID);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", WebMercatorQuadTms.URI);
        tms.put("crs", WebMercatorQuadTms.CRS);
        Links.add(tms.putArray("links"), base + "/tileMatrixSets/" + WebMercatorQuadTms.ID, "self", BorderlineApi.JSON,
            "The WebMercatorQuad tile matrix set");
        Links.add(m.putArray("links"), base + "/tileMatrixSets", "self", BorderlineApi.JSON, "The tile matrix sets");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void tileMatrixSet(Context ctx) {
        meta(ctx);
        ctx.contentType(BorderlineApi.JSON).result(Json.write(WebMercatorQuadTms.document()));
    }

    /** The tileset list: one vector tileset in WebMercatorQuad. */
    private void tilesets(Context ctx, String collection) {
        Params p = meta(ctx);
        String prefix = prefix(ctx, collection);
        ObjectNode m = Json.MAPPER.createObjectNode();
        ObjectNode t = m.putArray("tilesets").addObject();
        t.put("title", title(collection));
        t.put("dataType", "vector");
        t.put("crs", WebMercatorQuadTms.CRS);
        t.put("tileMatrixSetURI", WebMercatorQuadTms.URI);
        ArrayNode links = t.putArray("links");
        Links.add(links, prefix + "/" + WebMercatorQuadTms.ID + query(p), "self", BorderlineApi.JSON, "The tileset");
        Links.add(links, OgcApi.base(ctx) + "/tileMatrixSets/" + WebMercatorQuadTms.ID, REL_TILING_SCHEME,
            BorderlineApi.JSON, "The WebMercatorQuad tile matrix set");
        Links.add(m.putArray("links"), prefix + query(p), "self", BorderlineApi.JSON, "The tilesets");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /** The tileset metadata: its layers, zoom limits, bounding box and the templated tile link. */
    private void tileset(Context ctx, String collection) {
        Params p = meta(ctx);
        ObjectNode tileJson = tiles.tileJson(ctx, p);
        String base = OgcApi.base(ctx);
        String prefix = prefix(ctx, collection);
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("title", title(collection));
        t.put("description", tileJson.get("description").asText());
        t.put("attribution", tileJson.get("attribution").asText());
        t.put("dataType", "vector");
        t.put("crs", WebMercatorQuadTms.CRS);
        t.put("tileMatrixSetURI", WebMercatorQuadTms.URI);
        ArrayNode limits = t.putArray("tileMatrixSetLimits");
        for (int z = 0; z <= VectorTiles.MAX_ZOOM; z++) {
            ObjectNode l = limits.addObject();
            long last = (1L << z) - 1;
            l.put("tileMatrix", Integer.toString(z));
            l.put("minTileRow", 0).put("maxTileRow", last).put("minTileCol", 0).put("maxTileCol", last);
        }
        JsonNode bounds = tileJson.get("bounds");
        ObjectNode box = t.putObject("boundingBox");
        box.putArray("lowerLeft").add(bounds.get(0).asDouble()).add(bounds.get(1).asDouble());
        box.putArray("upperRight").add(bounds.get(2).asDouble()).add(bounds.get(3).asDouble());
        box.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        ArrayNode layers = t.putArray("layers");
        for (JsonNode l : tileJson.get("vector_layers")) {
            String id = l.get("id").asText();
            if (collection != null && !collection.equals(id)) {
                continue;
            }
            ObjectNode layer = layers.addObject();
            layer.put("id", id);
            layer.put("dataType", "vector");
            layer.put("description", l.get("description").asText());
            layer.put("minTileMatrix", "0");
            layer.put("maxTileMatrix", Integer.toString(VectorTiles.MAX_ZOOM));
            ObjectNode props = layer.putObject("propertiesSchema").put("type", "object").putObject("properties");
            l.get("fields").properties().forEach(f -> props.putObject(f.getKey())
                .put("type", f.getValue().asText().toLowerCase(java.util.Locale.ROOT)));
        }
        ArrayNode links = t.putArray("links");
        Links.add(links, prefix + "/" + WebMercatorQuadTms.ID + query(p), "self", BorderlineApi.JSON, "This tileset");
        Links.add(links, base + "/tileMatrixSets/" + WebMercatorQuadTms.ID, REL_TILING_SCHEME, BorderlineApi.JSON,
            "The WebMercatorQuad tile matrix set");
        ObjectNode item = Links.add(links, prefix + "/" + WebMercatorQuadTms.ID + TILE_PATH + query(p), "item",
            TilesApi.MVT, "Mapbox vector tiles; tileRow from the north");
        item.put("templated", true);
        ctx.contentType(BorderlineApi.JSON).result(Json.write(t));
    }

    private void tile(Context ctx, String collection) {
        Params p = Params.of(ctx, DATASET_ONLY);
        String dataset = p.datasetId();
        int z = TilesApi.pathInt(ctx, "tileMatrix", VectorTiles.MAX_ZOOM);
        int last = (1 << z) - 1;
        int row = TilesApi.pathInt(ctx, "tileRow", last);
        int col = TilesApi.pathInt(ctx, "tileCol", last);
        tiles.serve(ctx, dataset, new TileId(z, col, row), collection);
    }

    /**
     * The tileset description in tippecanoe's metadata.json form (strings, with the TileJSON vector_layers as
     * a JSON string under "json"): what GDAL's MVT driver reads before it opens a whole zoom level, e.g.
     * {@code MVT:http://host/tiles/6} with the open option {@code TILE_EXTENSION=mvt}.
     */
    private void mvtMetadata(Context ctx) {
        Params p = Params.of(ctx, DATASET_ONLY);
        ObjectNode tileJson = tiles.tileJson(ctx, p);
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("name", tileJson.get("name").asText());
        m.put("description", tileJson.get("description").asText());
        m.put("attribution", tileJson.get("attribution").asText());
        m.put("format", "pbf");
        m.put("type", "overlay");
        m.put("minzoom", "0");
        m.put("maxzoom", Integer.toString(VectorTiles.MAX_ZOOM));
        m.put("bounds", join(tileJson.get("bounds")));
        m.put("center", join(tileJson.get("center")));
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("vector_layers", tileJson.get("vector_layers"));
        m.put("json", Json.write(json));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private static String join(JsonNode numbers) {
        StringBuilder b = new StringBuilder();
        numbers.forEach(n -> b.append(b.length() == 0 ? "" : ",").append(n.asText()));
        return b.toString();
    }

    private static Params meta(Context ctx) {
        Params p = Params.of(ctx, META);
        String f = p.optional("f");
        if (f != null && !f.equals("json")) {
            throw ApiException.badParameter("f", "parameter 'f': unsupported format '" + Params.shorten(f) + "'",
                "json");
        }
        p.datasetId();
        return p;
    }

    private static String title(String collection) {
        return collection == null ? "Borderline: countries, borders, sites and coverage"
            : "Borderline: " + collection;
    }

    private static String prefix(Context ctx, String collection) {
        return OgcApi.base(ctx) + (collection == null ? "" : "/collections/" + collection) + "/tiles";
    }

    private static String query(Params p) {
        return p.has("dataset") ? "?dataset=" + p.optional("dataset") : "";
    }

}
