package io.borderline.http;

import io.borderline.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.DroneClass;
import io.borderline.data.Site;
import io.borderline.features.Feature;
import io.borderline.kml.KmlStyle;
import io.borderline.kml.KmlWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Routes of the coverage engine: {@code /coverage}, {@code /coverage/stats}, {@code /drones}. */
final class CoverageApi {
    /** Most source items one request may name (documented limit). */
    static final int MAX_SOURCES = 20;
    static final String METHOD = "True geodesic buffer on WGS84: a first outline from an azimuthal equidistant"
        + " buffer, then every outline vertex moved along the geodesic from its nearest source point to exactly R"
        + " (GeographicLib), and edges split until their midpoints are within tolerance; areas with GeographicLib"
        + " PolygonArea.";
    /** Parameters naming a coverage's source, mode and dataset (everything but its range). */
    static final Set<String> SOURCE_PARAMS = Set.of("from", "border", "site", "site_kind", "site_country", "lat",
        "lon", "mode", "dataset");
    private static final Set<String> PARAMS = union(SOURCE_PARAMS, Set.of("range_km", "drone"));
    /** Source parameters that take several values. */
    static final Set<String> LISTS = Set.of("from", "border", "site");
    /** Formats of /coverage: GeoJSON (default), KML, KMZ. */
    private static final List<String> FORMATS = List.of("json", "geojson", KmlResponse.KML, KmlResponse.KMZ);

    private final BorderlineData data;
    private final CoverageService service;
    private final ComputeGate gate;
    private final Metrics metrics;
    private final long deadlineSeconds;

    CoverageApi(BorderlineData data, CoverageService service, int concurrency, long deadlineSeconds, Metrics metrics) {
        this.data = data;
        this.deadlineSeconds = deadlineSeconds;
        this.service = service;
        this.gate = new ComputeGate(concurrency, "coverage computation");
        this.metrics = metrics;
        metrics.monitorGate(gate, "coverage");
    }

    /** Cached answers skip the gate; new computations pass through it and are timed (so do the map routes'). */
    CoverageResult result(CoverageRequest req) {
        CoverageResult cached = service.cached(req);
        return cached != null ? cached : gate.runWithin(deadlineSeconds, () -> {
            long t0 = System.nanoTime();
            try {
                return service.coverage(req);
            } finally {
                metrics.coverageComputed(System.nanoTime() - t0);
            }
        });
    }

    void coverage(Context ctx) {
        Set<String> allowed = new java.util.HashSet<>(PARAMS);
        allowed.add("f");
        CoverageRequest req = request(ctx, allowed);
        String format = KmlResponse.format(ctx, Params.of(ctx, allowed, LISTS), FORMATS);
        CoverageResult r = result(req);
        if (KmlResponse.isKml(format)) {
            kml(ctx, format, req, r);
            return;
        }
        ObjectNode fc = GeoJson.featureCollection();
        ObjectNode props = GeoJson.addFeature(fc, "coverage", r.geometry());
        describe(props, req, r);
        props.set("stats", Json.MAPPER.valueToTree(r.stats()));
        ObjectNode src = GeoJson.addFeature(fc, "source",
            r.coverage().source().geometry().getDimension() == 2 ? null : r.coverage().source().geometry());
        src.put("kind", req.sourceKind());
        src.set("ids", Json.MAPPER.valueToTree(req.sourceIds()));
        ctx.contentType(BorderlineApi.GEOJSON).result(Json.write(fc));
    }

    /**
     * The coverage as a KML document: a coverage placemark with every number of the GeoJSON answer as
     * ExtendedData (nested ones flattened to dotted names, e.g. {@code stats.countries.LTU.share_percent}),
     * and the source (with its geometry for site, point and border sources, as in GeoJSON).
     */
    private void kml(Context ctx, String format, CoverageRequest req, CoverageResult r) {
        ObjectNode props = Json.MAPPER.createObjectNode();
        describe(props, req, r);
        props.set("stats", Json.MAPPER.valueToTree(r.stats()));
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", props, flat);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", req.sourceKind());
        source.put("ids", String.join(",", req.sourceIds()));
        var sourceGeometry = r.coverage().source().geometry();
        String what = req.sourceKind() + " " + String.join(",", req.sourceIds()) + ", " + Params.fmt(req.rangeKm())
            + " km" + (req.droneId() == null ? "" : " (" + req.droneId() + ")");
        String description = "Everything within " + Params.fmt(req.rangeKm()) + " km of " + what + ": " + METHOD
            + " Dataset " + req.dataset() + ": " + data.dataset(req.dataset()).info().attribution() + ".";
        KmlResponse.write(ctx, format, "coverage", "Borderline coverage: " + what, description, List.of(
            new KmlWriter.Folder("Coverage", KmlStyle.COVERAGE, List.of(new Feature("coverage", r.geometry(), flat))),
            new KmlWriter.Folder("Source", KmlStyle.SOURCE, List.of(new Feature("source",
                sourceGeometry.getDimension() == 2 ? null : sourceGeometry, source)))));
    }

    /** Nested JSON as flat dotted names; array items are named by their code or id when they have one. */
    private static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                var item = node.get(i);
                String key = item.has("code") ? item.get("code").asText() : item.has("id") ? item.get("id").asText()
                    : Integer.toString(i);
                flatten(prefix + key + ".", item, out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(prefix.substring(0, prefix.length() - 1), String.join(",", items));
        } else {
            out.put(prefix.substring(0, prefix.length() - 1), node.isNull() ? null
                : node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText());
        }
    }

    void stats(Context ctx) {
        CoverageRequest req = request(ctx, PARAMS);
        CoverageResult r = result(req);
        ObjectNode m = Json.MAPPER.createObjectNode();
        describe(m, req, r);
        m.set("stats", Json.MAPPER.valueToTree(r.stats()));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    void drones(Context ctx) {
        Params.of(ctx, Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drones", data.drones().values());
        m.put("note", "Nominal published ranges; range_meaning says whether a figure is a one-way reach or a radius"
            + " of action. Every row cites its source.");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /**
     * Describes the answer for the request as asked: the cache key leaves out how the range was
     * given, so a cached result may come from range_km=2000 when this request named a drone.
     */
    private void describe(ObjectNode props, CoverageRequest q, CoverageResult r) {
        ObjectNode source = props.putObject("source");
        source.put("kind", q.sourceKind());
        source.set("ids", Json.MAPPER.valueToTree(q.sourceIds()));
        props.put("range_km", q.rangeKm());
        props.put("drone", q.droneId());
        props.put("mode", q.beyond() ? "beyond" : "full");
        props.put("dataset", q.dataset());
        props.put("attribution", data.dataset(q.dataset()).info().attribution());
        props.put("tolerance_m", r.coverage().toleranceM());
        props.put("max_outline_error_m", Math.round(r.coverage().maxOutlineErrorM() * 1000) / 1000.0);
        props.put("vertex_count", r.geometry().getNumPoints());
        props.put("dropped_vertices", r.coverage().droppedVertices());
        props.put("compute_ms", r.coverage().computeMillis());
        props.put("method", METHOD);
    }

    private CoverageRequest request(Context ctx, Set<String> allowed) {
        Params p = Params.of(ctx, allowed, LISTS);
        double rangeKm;
        String drone = p.optional("drone");
        if (drone != null) {
            if (p.has("range_km")) {
                throw ApiException.badParameter("drone", "give either 'drone' or 'range_km', not both",
                    "a drone id, or range_km");
            }
            DroneClass d = data.drones().get(drone);
            if (d == null) {
                throw ApiException.badParameter("drone", "parameter 'drone': unknown drone class '"
                    + Params.shorten(drone) + "'", String.join(", ", data.drones().keySet()));
            }
            rangeKm = d.rangeKm();
        } else {
            rangeKm = p.number("range_km", GeodesicBuffer.MIN_RANGE_M / 1000, GeodesicBuffer.MAX_RANGE_M / 1000);
        }
        return request(p, rangeKm, drone);
    }

    /**
     * The coverage request for the source, mode and dataset parameters ({@link #SOURCE_PARAMS}) at
     * a range already validated; shared with the map routes, which draw several ranges.
     */
    CoverageRequest request(Params p, double rangeKm, String drone) {
        String dataset = p.datasetId();
        String mode = p.optional("mode");
        if (mode != null && !mode.equals("full") && !mode.equals("beyond")) {
            throw ApiException.badParameter("mode", "parameter 'mode' must be full or beyond", "full, beyond");
        }
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("from", "border", "site", "site_kind", "lat")) {
            if (p.has(k)) {
                kinds.add(k);
            }
        }
        if (p.has("lon") && !p.has("lat")) {
            kinds.add("lon");
        }
        if (kinds.size() != 1) {
            throw ApiException.badParameter(kinds.isEmpty() ? "from" : kinds.get(kinds.size() - 1),
                kinds.isEmpty() ? "a source is required: from, border, site, site_kind, or lat and lon"
                    : "give exactly one kind of source, got " + kinds,
                "one of: from=<country codes>, border=<border ids>, site=<site ids>, site_kind=<kind>"
                    + "[&site_country=<code>], lat=..&lon=..");
        }
        String kind = kinds.get(0);
        boolean beyond = "beyond".equals(mode);
        if (beyond && kind.equals("border")) {
            throw ApiException.badParameter("mode", "mode=beyond needs a source that stands on a territory; a border"
                + " lies between two", "full (for border sources)");
        }
        return switch (kind) {
            case "from" -> {
                List<String> ids = new ArrayList<>();
                for (String v : p.list("from", MAX_SOURCES)) {
                    CountryCode c = BorderlineApi.drawn(data.dataset(dataset), Params.country("from", v), "from");
                    if (!ids.contains(c.code())) {
                        ids.add(c.code());
                    }
                }
                ids.sort(null);
                yield new CoverageRequest(dataset, "country", ids, rangeKm, drone, beyond);
            }
            case "border" -> {
                List<String> ids = new ArrayList<>();
                for (String v : p.list("border", MAX_SOURCES)) {
                    String id = borderId(dataset, v);
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                ids.sort(null);
                yield new CoverageRequest(dataset, "border", ids, rangeKm, drone, beyond);
            }
            case "site", "site_kind" -> {
                List<String> ids = kind.equals("site") ? new ArrayList<>(p.list("site", MAX_SOURCES)) : sitesOfKind(p);
                for (String id : ids) {
                    if (!data.sites().containsKey(id)) {
                        throw ApiException.badParameter("site", "parameter 'site': unknown site '" + Params.shorten(id)
                            + "'", "site ids from GET /sites");
                    }
                }
                List<String> unique = new ArrayList<>(new java.util.TreeSet<>(ids));
                yield new CoverageRequest(dataset, "site", unique, rangeKm, drone, beyond);
            }
            default -> {
                double lat = p.number("lat", -90, 90);
                double lon = p.number("lon", -180, 180);
                yield new CoverageRequest(dataset, "point", List.of(lat + "," + lon), rangeKm, drone, beyond);
            }
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private List<String> sitesOfKind(Params p) {
        String kind = p.required("site_kind", String.join(", ", Site.KINDS));
        if (!Site.KINDS.contains(kind)) {
            throw ApiException.badParameter("site_kind", "parameter 'site_kind': unknown kind '" + Params.shorten(kind)
                + "'", String.join(", ", Site.KINDS.stream().sorted().toList()));
        }
        CountryCode country = null;
        if (p.has("site_country")) {
            country = Params.country("site_country", p.optional("site_country"));
        }
        final CountryCode c = country;
        List<String> ids = data.sites().values().stream().filter(s -> s.kind().equals(kind))
            .filter(s -> c == null || s.country() == c).map(Site::id).toList();
        if (ids.isEmpty()) {
            throw ApiException.badParameter("site_kind", "no site of kind '" + kind + "'"
                + (c == null ? "" : " in " + c.code()), "a kind and country that have sites (GET /sites)");
        }
        if (ids.size() > MAX_SOURCES) {
            throw ApiException.badParameter("site_kind", "selects " + ids.size() + " sites, more than " + MAX_SOURCES,
                "at most " + MAX_SOURCES + " sites");
        }
        return ids;
    }

    /** Border ids in either order (LTU-BLR is BLR-LTU). */
    private String borderId(String dataset, String v) {
        var ds = data.dataset(dataset);
        if (ds.border(v).isPresent()) {
            return ds.border(v).get().id();
        }
        for (var b : ds.borders()) {
            if ((b.b().code() + "-" + b.a().code()).equalsIgnoreCase(v)) {
                return b.id();
            }
        }
        throw ApiException.badParameter("border", "parameter 'border': unknown border '" + Params.shorten(v) + "'",
            String.join(", ", ds.borders().stream().map(b -> b.id()).toList()));
    }
}
