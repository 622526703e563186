package io.borderline.http;

import io.borderline.json.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.borderline.data.BorderlineData;
import io.borderline.features.Feature;
import io.borderline.features.FeatureLayer;
import io.borderline.features.Layers;
import io.borderline.gpkg.GeoPackageWriter;
import io.borderline.kml.KmlStyle;
import io.borderline.kml.KmlWriter;
import io.borderline.projection.OutputCrs;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference) over the
 * published {@link Layers}. The landing page is {@code /}; collections, items and single features
 * follow the standard's paths, so GDAL's OAPIF driver and QGIS read them as a standard server.
 */
final class OgcApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    static final String OPENAPI_YAML = "application/vnd.oai.openapi;version=3.0";
    static final List<String> CONFORMANCE = java.util.stream.Stream.concat(java.util.stream.Stream.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset"), ProcessesApi.CONFORMANCE.stream()).toList();
    /** Formats of items and single features: GeoJSON (default), KML, KMZ, GeoPackage. */
    static final List<String> ITEM_FORMATS =
        List.of("json", "geojson", KmlResponse.KML, KmlResponse.KMZ, GeoPackageResponse.GPKG);
    private static final Set<String> META_PARAMS = Set.of("f", "dataset");
    private static final Set<String> ITEM_PARAMS =
        Set.of("f", "dataset", "crs", Simplification.ZOOM, Simplification.OFFSET);
    private static final Set<String> ITEMS_PARAMS = Set.of("f", "dataset", "crs", "limit", "offset", "bbox",
        "bbox-crs", "datetime", Simplification.ZOOM, Simplification.OFFSET);
    // RFC 3339 instants or dates, or intervals with open ends ("..")
    private static final Pattern DATETIME = Pattern.compile(
        "(\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}))?|\\.\\.|)"
            + "(/(\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}))?|\\.\\.|))?");

    private final BorderlineData data;
    private final Layers layers;
    private final GeometryFactory factory;
    // bounded by the published features: (layers x datasets x features), a few hundred entries
    /** Written CRS84 geometry text per layer and feature, bounded (the world's countries written are 200 MB). */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> geometryText =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumWeight(32L << 20) // characters: 32 Mi, 32 to 64 MB
            .weigher((String k, String v) -> v.length())
            .build();

    private final UserLayers userLayers;
    private final Simplification simplification = new Simplification();

    OgcApi(BorderlineData data, Layers layers, GeometryFactory factory) {
        this(data, layers, factory, UserLayers.NONE);
    }

    OgcApi(BorderlineData data, Layers layers, GeometryFactory factory, UserLayers userLayers) {
        this.userLayers = userLayers;
        this.data = data;
        this.layers = layers;
        this.factory = factory;
    }

    /** The routes, one items path per collection so the OpenAPI document can declare each one's filters. */
    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/", this::landing);
        r.put("/conformance", this::conformance);
        r.put("/collections", this::collections);
        r.put("/collections/{collectionId}", this::collection);
        for (FeatureLayer l : layers.all()) {
            if (!l.id().startsWith(UserLayer.COLLECTION_PREFIX)) {
                r.put("/collections/" + l.id() + "/items", ctx -> items(ctx, l));
            }
        }
        // user layers: one route for all of them, so the API definition is the same whichever are loaded
        r.put("/collections/" + UserLayer.COLLECTION_PREFIX + "{name}/items",
            ctx -> items(ctx, layer(UserLayer.COLLECTION_PREFIX + ctx.pathParam("name"))));
        r.put("/collections/{collectionId}/items/{featureId}", this::item);
        return r;
    }

    // ------------------------------------------------------------------ metadata

    /** The landing page: JSON for GIS clients and curl, the web map for browsers ({@link WebPage#wanted}). */
    private void landing(Context ctx) {
        ctx.header("Vary", "Accept");
        // the web map's shared views carry its state in the query (read by the page's script); JSON refuses them
        boolean page = WebPage.wanted(ctx, ctx.queryParam("f"));
        Params p = Params.of(ctx, page ? WebPage.VIEW_PARAMS : META_PARAMS);
        String f = p.optional("f");
        if (f != null && !f.equals("json") && !f.equals("html")) {
            throw ApiException.badParameter("f", "parameter 'f': unsupported format '" + Params.shorten(f) + "'",
                "json, html");
        }
        p.datasetId();
        if (WebPage.wanted(ctx, f)) {
            WebPage.serve(ctx);
            return;
        }
        String base = base(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("title", "Borderline");
        m.put("description", "Geodesic distances to the borders of every country and territory of the world (both"
            + " OpenStreetMap 10 m and Natural Earth 1:10m; the Kaliningrad exclave also as RUS-KGD), drone-range"
            + " coverage, and public distance claims checked against the data. OGC API - Features, Tiles and"
            + " Processes; every collection also as KML and in vector tiles.");
        ArrayNode links = m.putArray("links");
        Links.add(links, base + "/" + query(p), "self", BorderlineApi.JSON, "This document");
        Links.add(links, base + "/openapi.json", "service-desc", OPENAPI_JSON, "The API definition (JSON)");
        Links.add(links, base + "/openapi.yaml", "service-desc", OPENAPI_YAML, "The API definition (YAML)");
        Links.add(links, base + "/api.html", "service-doc", "text/html", "The API definition (HTML)");
        Links.add(links, base + "/conformance" + query(p), "conformance", BorderlineApi.JSON, "Conformance classes");
        Links.add(links, base + "/collections" + query(p), "data", BorderlineApi.JSON, "The collections");
        Links.add(links, base + "/tiles" + query(p), OgcTilesApi.REL_TILESETS_VECTOR, BorderlineApi.JSON,
            "Vector tiles of every layer (OGC API - Tiles)");
        Links.add(links, base + "/tileMatrixSets", OgcTilesApi.REL_TILING_SCHEMES, BorderlineApi.JSON,
            "Tile matrix sets");
        Links.add(links, base + "/processes", ProcessesApi.REL_PROCESSES, BorderlineApi.JSON,
            "Processes (OGC API - Processes): coverage, distance-batch");
        Links.add(links, base + "/jobs", ProcessesApi.REL_JOB_LIST, BorderlineApi.JSON,
            "Asynchronous jobs (in memory only, lost on restart)");
        Links.add(links, base + "/?f=html" + (p.has("dataset") ? "&dataset=" + p.optional("dataset") : ""), "alternate",
            WebPage.HTML, "The web map");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void conformance(Context ctx) {
        meta(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.set("conformsTo", Json.MAPPER.valueToTree(CONFORMANCE));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void collections(Context ctx) {
        Params p = meta(ctx);
        String dataset = p.datasetId();
        String base = base(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        ArrayNode links = m.putArray("links");
        Links.add(links, base + "/collections" + query(p), "self", BorderlineApi.JSON, "The collections");
        ArrayNode list = m.putArray("collections");
        for (FeatureLayer l : layers.all()) {
            list.add(describe(l, dataset, base, p));
        }
        m.set("crs", Json.MAPPER.valueToTree(OutputCrs.uris()));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void collection(Context ctx) {
        Params p = meta(ctx);
        FeatureLayer l = layer(ctx.pathParam("collectionId"));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(describe(l, p.datasetId(), base(ctx), p)));
    }

    private ObjectNode describe(FeatureLayer l, String dataset, String base, Params p) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("id", l.id());
        c.put("title", l.title());
        c.put("description", l.description());
        c.put("itemType", "feature");
        // a computed layer says its extent without computing (a client's first /collections would wait for
        // every published coverage, a minute on a cold service); a static layer's is its features' envelope
        Envelope e = l.extent() != null ? l.extent().apply(dataset) : extent(l.features().apply(dataset));
        if (e != null) {
            ObjectNode spatial = c.putObject("extent").putObject("spatial");
            spatial.putArray("bbox").addArray().add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
            spatial.put("crs", OutputCrs.CRS84.uri());
        }
        c.set("crs", Json.MAPPER.valueToTree(OutputCrs.uris()));
        c.put("storageCrs", OutputCrs.CRS84.uri());
        c.put("dataset", dataset);
        var user = userLayer(l);
        if (user != null) {
            c.put("origin", "user-supplied");
            c.put("file_sha256", user.fileSha256());
            c.put("attribution", "User-supplied layer " + user.fileName() + "; not Borderline data");
        } else {
            c.put("attribution", data.dataset(dataset).info().attribution());
        }
        String prefix = base + "/collections/" + l.id();
        ArrayNode links = c.putArray("links");
        Links.add(links, prefix + query(p), "self", BorderlineApi.JSON, l.title());
        Links.add(links, prefix + "/items" + query(p), "items", BorderlineApi.GEOJSON, l.title() + " as GeoJSON");
        if (OgcTilesApi.TILED_COLLECTIONS.contains(l.id())) {
            Links.add(links, prefix + "/tiles" + query(p), OgcTilesApi.REL_TILESETS_VECTOR, BorderlineApi.JSON,
                l.title() + " as vector tiles");
        }
        return c;
    }

    private static Envelope extent(List<Feature> features) {
        Envelope e = null;
        for (Feature f : features) {
            if (f.located()) {
                if (e == null) {
                    e = new Envelope();
                }
                e.expandToInclude(f.envelope());
            }
        }
        return e;
    }

    // ------------------------------------------------------------------ features

    private void items(Context ctx, FeatureLayer l) {
        Set<String> allowed = new HashSet<>(ITEMS_PARAMS);
        allowed.addAll(l.queryables());
        Params p = Params.of(ctx, allowed);
        String format = KmlResponse.format(ctx, p, ITEM_FORMATS);
        String dataset = p.datasetId();
        OutputCrs crs = crs(p, "crs", format);
        Simplification.Request simplify = Simplification.parse(p, crs);
        String layerKey = l.id() + "|" + dataset;
        int limit = (int) p.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        int offset = (int) p.integer("offset", 0, Integer.MAX_VALUE, 0);
        String datetime = p.optional("datetime");
        if (datetime != null && !DATETIME.matcher(datetime).matches()) {
            throw ApiException.badParameter("datetime", "parameter 'datetime' is not an RFC 3339 instant or interval",
                "an instant (2026-01-01T00:00:00Z), a date, or an interval a/b with '..' for an open end");
        }
        // features carry no time: every feature matches any datetime filter (documented)
        PreparedGeometry box = bbox(p);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String q : l.queryables()) {
            String v = p.optional(q);
            if (v != null) {
                filters.put(q, v);
            }
        }
        List<Feature> matched = new ArrayList<>();
        for (Feature f : l.features().apply(dataset)) {
            if (filters.entrySet().stream().anyMatch(x -> !x.getValue().equals(f.text(x.getKey())))) {
                continue;
            }
            if (box != null && (!f.located() || !box.getGeometry().getEnvelopeInternal().intersects(f.envelope())
                || !box.intersects(f.geometry()))) {
                continue;
            }
            matched.add(f);
        }
        // a simplified page is bounded by the vertices it carries once simplified
        List<Feature> page = page(matched, offset, limit, simplify == null || !simplify.lonLat() ? Feature::numPoints
            : f -> simplification.apply(f, simplify, layerKey).numPoints()).stream()
            .map(f -> simplification.apply(f, simplify, layerKey)).toList();
        if (format.equals(GeoPackageResponse.GPKG)) {
            GeoPackageResponse.write(ctx, l.id(), List.of(new GeoPackageWriter.Layer(l.id(), page)));
            return;
        }
        if (KmlResponse.isKml(format)) {
            KmlResponse.write(ctx, format, l.id(), "Borderline: " + l.title(), kmlDescription(l, dataset)
                + " Features " + (page.isEmpty() ? 0 : offset + 1) + " to " + (offset + page.size()) + " of "
                + matched.size() + " matched.", kmlFolders(l, page));
            return;
        }
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Feature f : page) {
            features.add(feature(f, crs, layerKey, simplify));
        }
        fc.put("numberMatched", matched.size());
        fc.put("numberReturned", page.size());
        fc.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        String base = base(ctx) + "/collections/" + l.id() + "/items";
        ArrayNode links = fc.putArray("links");
        Links.add(links, base + query(ctx, offset), "self", BorderlineApi.GEOJSON, "This page");
        if (offset + page.size() < matched.size()) {
            Links.add(links, base + query(ctx, offset + page.size()), "next", BorderlineApi.GEOJSON, "Next page");
        }
        if (offset > 0) {
            Links.add(links, base + query(ctx, Math.max(0, offset - limit)), "prev", BorderlineApi.GEOJSON, "Previous page");
        }
        Links.add(links, base(ctx) + "/collections/" + l.id(), "collection", BorderlineApi.JSON, l.title());
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        ctx.contentType(BorderlineApi.GEOJSON).result(Json.write(fc));
    }

    /** The layer's placemarks; for claims, also their claimed circles and measured lines. */
    private static List<KmlWriter.Folder> kmlFolders(FeatureLayer l, List<Feature> features) {
        List<KmlWriter.Folder> out = new ArrayList<>(List.of(new KmlWriter.Folder(l.title(), style(l), features)));
        if (l.id().equals("claims")) {
            out.addAll(io.borderline.kml.ClaimKml.folders(features));
        }
        return out;
    }

    private void item(Context ctx) {
        FeatureLayer l = layer(ctx.pathParam("collectionId"));
        Params p = Params.of(ctx, ITEM_PARAMS);
        String format = KmlResponse.format(ctx, p, ITEM_FORMATS);
        String id = ctx.pathParam("featureId");
        Feature found = l.features().apply(p.datasetId()).stream().filter(x -> x.id().equals(id)).findFirst()
            .orElseThrow(() -> ApiException.notFound("feature in collection '" + l.id() + "'", Params.shorten(id),
                String.join(", ", l.features().apply(p.datasetId()).stream().map(Feature::id).toList())));
        OutputCrs crs = crs(p, "crs", format);
        Simplification.Request simplify = Simplification.parse(p, crs);
        String layerKey = l.id() + "|" + p.datasetId();
        Feature f = simplification.apply(found, simplify, layerKey);
        if (format.equals(GeoPackageResponse.GPKG)) {
            GeoPackageResponse.write(ctx, l.id() + "-" + id.replaceAll("[^A-Za-z0-9_-]", "_"),
                List.of(new GeoPackageWriter.Layer(l.id(), List.of(f))));
            return;
        }
        if (KmlResponse.isKml(format)) {
            KmlResponse.write(ctx, format, l.id() + "-" + id.replaceAll("[^A-Za-z0-9_-]", "_"),
                "Borderline: " + l.title() + " " + id, kmlDescription(l, p.datasetId()),
                kmlFolders(l, List.of(f)));
            return;
        }
        ObjectNode out = feature(f, crs, layerKey, simplify);
        String self = base(ctx) + "/collections/" + l.id() + "/items/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        ArrayNode links = out.putArray("links");
        Links.add(links, self, "self", BorderlineApi.GEOJSON, "This feature");
        Links.add(links, base(ctx) + "/collections/" + l.id(), "collection", BorderlineApi.JSON, l.title());
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        ctx.contentType(BorderlineApi.GEOJSON).result(Json.write(out));
    }

    /**
     * The feature as GeoJSON. Its CRS84 geometry text is kept once written: the published features are fixed,
     * and writing Russia's 400,000 vertices again for every request would cost seconds. {@code f} is already
     * simplified in longitude/latitude; a tolerance in projected units applies after the projection.
     */
    private ObjectNode feature(Feature f, OutputCrs crs, String layerKey, Simplification.Request simplify) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("type", "Feature");
        out.put("id", f.id());
        if (!f.located() || crs.domain() != null && !crs.domain().intersects(f.envelope())) {
            out.putNull("geometry"); // none, or wholly outside the projection's domain
        } else {
            String text = crs == OutputCrs.CRS84
                ? geometryText.get(layerKey + "|" + f.id() + (simplify == null ? "" : "|" + simplify.key()),
                    k -> geometry(f.geometry(), crs, simplify))
                : geometry(f.geometry(), crs, simplify);
            out.putRawValue("geometry", new RawValue(text));
        }
        out.set("properties", Json.MAPPER.valueToTree(f.properties()));
        return out;
    }

    /** RFC 7946 for CRS84 (counter-clockwise shells); other systems keep that winding in lon/lat terms. */
    private static String geometry(Geometry lonLat, OutputCrs crs, Simplification.Request simplify) {
        if (crs == OutputCrs.CRS84) {
            return GeoJson.geometry(lonLat);
        }
        Geometry inDomain = crs.clipToDomain(lonLat);
        Geometry oriented = inDomain.norm().reverse(); // JTS normal form has clockwise shells
        Geometry projected = Simplification.projected(crs.fromLonLat(oriented), simplify);
        if (projected.isEmpty()) {
            return "null";
        }
        GeoJsonWriter w = new GeoJsonWriter(crs.geographic() ? 7 : 2);
        w.setEncodeCRS(false);
        return w.write(projected);
    }

    // ------------------------------------------------------------------ parameters

    private static Params meta(Context ctx) {
        Params p = Params.of(ctx, META_PARAMS);
        String f = p.optional("f");
        if (f != null && !f.equals("json")) {
            throw ApiException.badParameter("f", "parameter 'f': unsupported format '" + Params.shorten(f) + "'",
                "json");
        }
        p.datasetId();
        return p;
    }

    private UserLayer userLayer(FeatureLayer l) {
        return l.id().startsWith(UserLayer.COLLECTION_PREFIX)
            ? userLayers.get(l.id().substring(UserLayer.COLLECTION_PREFIX.length())).orElse(null) : null;
    }

    /** The KML style of a layer; user layers are drawn as sources. */
    private static KmlStyle style(FeatureLayer l) {
        return l.id().startsWith(UserLayer.COLLECTION_PREFIX) ? KmlStyle.SOURCE : KmlStyle.of(l.id());
    }

    private String kmlDescription(FeatureLayer l, String dataset) {
        return l.description() + " Dataset " + dataset + ": " + data.dataset(dataset).info().attribution() + "."
            + " From the Borderline OGC API collection '" + l.id() + "'.";
    }

    private static OutputCrs crs(Params p, String name) {
        String v = p.optional(name);
        if (v == null) {
            return OutputCrs.CRS84;
        }
        return OutputCrs.parse(v).orElseThrow(() -> ApiException.badParameter(name, "parameter '" + name
            + "': unsupported CRS '" + Params.shorten(v) + "'", String.join(", ", OutputCrs.uris())));
    }

    /**
     * As {@link #crs(Params, String)}; KML and KMZ are always longitude/latitude on WGS84 (CRS84), and a GeoPackage
     * is always EPSG:4326 (stored longitude first).
     */
    private static OutputCrs crs(Params p, String name, String format) {
        OutputCrs crs = crs(p, name);
        if (format.equals(GeoPackageResponse.GPKG) && crs != OutputCrs.CRS84) {
            throw ApiException.badParameter(name, "a GeoPackage is always written in EPSG:4326 (longitude, latitude)",
                OutputCrs.CRS84.uri() + " (or no " + name + ") with f=gpkg");
        }
        if (KmlResponse.isKml(format) && crs != OutputCrs.CRS84) {
            throw ApiException.badParameter(name, "KML coordinates are always longitude/latitude on WGS84",
                OutputCrs.CRS84.uri() + " (or no " + name + ") with f=" + format);
        }
        return crs;
    }

    /**
     * The bbox as a prepared lon/lat polygon (two boxes when it crosses the antimeridian), or null.
     *
     * <ol>
     *   <li>The corners are checked in the bbox-crs and its own axis order (EPSG:3301 is northing first):
     *       the lower corner must not be above the upper one on either axis, except that a geographic box
     *       whose lower longitude exceeds its upper one crosses the antimeridian.</li>
     *   <li>A projected box is densified in its own CRS (an edge every {@value #BBOX_EDGE_STEP_M} m at most)
     *       and each vertex transformed: a straight edge in EPSG:3035 is a curve in longitude/latitude, so
     *       the rectangle of the two transformed corners would cut off parts of the box.</li>
     * </ol>
     */
    private PreparedGeometry bbox(Params p) {
        String raw = p.optional("bbox");
        if (raw == null) {
            if (p.has("bbox-crs")) {
                throw ApiException.badParameter("bbox-crs", "parameter 'bbox-crs' needs a 'bbox'", "bbox=..&bbox-crs=..");
            }
            return null;
        }
        OutputCrs crs = crs(p, "bbox-crs");
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter("bbox", "parameter 'bbox' needs 4 (or 6) comma-separated numbers",
                "minx,miny,maxx,maxy in the bbox-crs axis order");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Params.parseNumber("bbox", parts[i].trim(), -1e8, 1e8);
        }
        int half = parts.length / 2;
        double[] lo = {v[0], v[1]};
        double[] hi = {v[half], v[half + 1]};
        List<String> axes = crs.axes();
        String order = String.join(", ", axes);
        for (int a = 0; a < 2; a++) {
            if (crs.geographic()) {
                double limit = axes.get(a).equals("longitude") ? 180 : 90;
                if (Math.abs(lo[a]) > limit || Math.abs(hi[a]) > limit) {
                    throw ApiException.badParameter("bbox", "parameter 'bbox' is outside longitude -180..180 or"
                        + " latitude -90..90", "longitudes -180..180, latitudes -90..90, in the bbox-crs axis"
                        + " order (" + order + ")");
                }
            }
            boolean antimeridian = crs.geographic() && axes.get(a).equals("longitude");
            if (lo[a] > hi[a] && !antimeridian) {
                throw ApiException.badParameter("bbox", "parameter 'bbox': the lower corner's " + axes.get(a)
                    + " is above the upper corner's", "lower corner first, in the bbox-crs axis order (" + order + ")");
            }
        }
        int east = axes.indexOf(crs.geographic() ? "longitude" : "easting");
        double minX = lo[east];
        double maxX = hi[east];
        double minY = lo[1 - east];
        double maxY = hi[1 - east];
        Geometry box;
        if (crs.geographic() && minX > maxX) { // crosses the antimeridian
            box = factory.createGeometryCollection(new Geometry[] {
                factory.toGeometry(new Envelope(minX, 180, minY, maxY)),
                factory.toGeometry(new Envelope(-180, maxX, minY, maxY))}).union();
        } else if (crs.geographic()) {
            box = factory.toGeometry(new Envelope(minX, maxX, minY, maxY));
        } else {
            box = projectedBox(crs, minX, minY, maxX, maxY);
        }
        return PreparedGeometryFactory.prepare(box);
    }

    /** Longest edge, m, of the densified projected bbox before it is transformed to longitude/latitude. */
    static final double BBOX_EDGE_STEP_M = 1000;
    private static final int BBOX_MAX_EDGE_POINTS = 2000;

    private Geometry projectedBox(OutputCrs crs, double minX, double minY, double maxX, double maxY) {
        int nx = (int) Math.min(BBOX_MAX_EDGE_POINTS, Math.max(8, Math.ceil((maxX - minX) / BBOX_EDGE_STEP_M)));
        int ny = (int) Math.min(BBOX_MAX_EDGE_POINTS, Math.max(8, Math.ceil((maxY - minY) / BBOX_EDGE_STEP_M)));
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            ring.add(new Coordinate(minX + (maxX - minX) * i / nx, minY));
        }
        for (int i = 0; i < ny; i++) {
            ring.add(new Coordinate(maxX, minY + (maxY - minY) * i / ny));
        }
        for (int i = nx; i > 0; i--) {
            ring.add(new Coordinate(minX + (maxX - minX) * i / nx, maxY));
        }
        for (int i = ny; i > 0; i--) {
            ring.add(new Coordinate(minX, minY + (maxY - minY) * i / ny));
        }
        ring.add(ring.get(0).copy());
        if (crs.northingFirst()) { // the CRS's own axis order, as toLonLat expects it
            ring.forEach(c -> {
                double x = c.x;
                c.x = c.y;
                c.y = x;
            });
        }
        Geometry lonLat = crs.toLonLat(factory.createPolygon(ring.toArray(Coordinate[]::new)));
        for (Coordinate c : lonLat.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.y) > 90) {
                throw ApiException.badParameter("bbox", "parameter 'bbox' reaches beyond where " + crs.uri()
                    + " is defined", "a box inside the CRS's area of use, in its axis order ("
                    + String.join(", ", crs.axes()) + ")");
            }
        }
        return lonLat.isValid() ? lonLat : GeometryFixer.fix(lonLat);
    }

    private FeatureLayer layer(String id) {
        FeatureLayer l = layers.get(id);
        if (l == null) {
            throw ApiException.notFound("collection", Params.shorten(id),
                String.join(", ", layers.all().stream().map(FeatureLayer::id).toList()));
        }
        return l;
    }

    // ------------------------------------------------------------------ links

    /** The scheme, host and port the client used, for absolute links (GDAL follows them as given). */
    static String base(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = ctx.host();
        }
        return ctx.scheme() + "://" + host;
    }

    private static String query(Params p) {
        return p.has("dataset") ? "?dataset=" + p.optional("dataset") : "";
    }

    /** Most vertices one page carries: a page of the world's countries at full resolution would be 24 MB. */
    static final int MAX_PAGE_VERTICES = 500_000;

    /**
     * Up to {@code limit} features from {@code offset}, stopping early (never before the first) once the page holds
     * {@link #MAX_PAGE_VERTICES}: OGC API - Features lets a server return fewer than {@code limit}, and the next link
     * continues where the page stopped, so memory per answer stays bounded.
     */
    static List<Feature> page(List<Feature> matched, int offset, int limit) {
        return page(matched, offset, limit, Feature::numPoints);
    }

    /** As {@link #page(List, int, int)}, counting each feature's vertices with {@code vertices}. */
    static List<Feature> page(List<Feature> matched, int offset, int limit,
                              java.util.function.ToIntFunction<Feature> vertices) {
        if (offset >= matched.size()) {
            return List.of();
        }
        int end = Math.min(matched.size(), offset + limit);
        long total = 0;
        for (int i = offset; i < end; i++) {
            Feature f = matched.get(i);
            total += vertices.applyAsInt(f);
            if (total > MAX_PAGE_VERTICES && i > offset) {
                return matched.subList(offset, i);
            }
        }
        return matched.subList(offset, end);
    }

    /** The request's own query with offset replaced. */
    private static String query(Context ctx, int offset) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("offset")) {
                continue;
            }
            for (String v : e.getValue()) {
                parts.add(enc(e.getKey()) + "=" + enc(v));
            }
        }
        if (offset > 0) {
            parts.add("offset=" + offset);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }


    static String openApiJson(byte[] yaml) {
        return YamlToJson.convert(yaml);
    }
}
