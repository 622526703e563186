package io.borderline.http;

import io.borderline.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.WarningTime;
import io.borderline.coverage.CoverageCost;
import io.borderline.coverage.Sector;
import io.borderline.coverage.Source;
import io.borderline.coverage.SourceRegion;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.BorderlineData;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.DroneClass;
import io.borderline.data.Site;
import io.borderline.features.Feature;
import io.borderline.gpkg.GeoPackageWriter;
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
        "lon", "mode", "dataset", "border_line");
    /** Parameters that turn a ring into a range fan (one site or point only). */
    static final Set<String> FAN_PARAMS = Set.of("azimuth_from", "azimuth_to", "min_range_km");
    /** Parameters of time rings: the reach of a flight time at a speed. */
    static final Set<String> TIME_PARAMS = Set.of("minutes", "speed_kmh", "speed");
    static final Set<String> PARAMS = union(union(SOURCE_PARAMS, FAN_PARAMS),
        union(TIME_PARAMS, Set.of("range_km", "drone")));
    private static final Set<String> PARAMS_WITH_F = union(PARAMS, Set.of("f"));
    /** Query parameters of the POST routes, whose source is in the body. */
    static final Set<String> BODY_SOURCE_PARAMS = Set.of("range_km", "drone", "mode", "dataset");
    static final Set<String> BODY_SOURCE_PARAMS_WITH_F = union(BODY_SOURCE_PARAMS, Set.of("f"));
    /** Source parameters that take several values. */
    static final Set<String> LISTS = Set.of("from", "border", "site", "minutes");
    /** Most time rings one request may ask for (documented limit). */
    static final int MAX_TIME_RINGS = 6;
    /** Fastest speed a time ring accepts, km/h: above it a figure is a typo, not a drone. */
    static final double MAX_SPEED_KMH = DroneClass.MAX_SPEED_KMH;
    /** Formats of /coverage: GeoJSON (default), KML, KMZ. */
    private static final List<String> FORMATS =
        List.of("json", "geojson", KmlResponse.KML, KmlResponse.KMZ, GeoPackageResponse.GPKG);

    private final BorderlineData data;
    private final CoverageService service;
    private final ComputeGate gate;
    private final Metrics metrics;
    private final long deadlineSeconds;
    private final UserLayers layers;

    CoverageApi(BorderlineData data, CoverageService service, int concurrency, long deadlineSeconds, Metrics metrics) {
        this(data, service, concurrency, deadlineSeconds, metrics, UserLayers.NONE);
    }

    CoverageApi(BorderlineData data, CoverageService service, int concurrency, long deadlineSeconds, Metrics metrics,
                UserLayers layers) {
        this.layers = layers;
        this.data = data;
        this.deadlineSeconds = deadlineSeconds;
        this.service = service;
        this.gate = new ComputeGate(concurrency, "coverage computation");
        this.metrics = metrics;
        metrics.monitorGate(gate, "coverage");
    }

    /**
     * Cached answers skip the gate; new computations are first estimated from their source and range
     * ({@link CoverageCost}) and refused with 422 when the estimate exceeds {@link CoverageCost#MAX_SECONDS},
     * before any coverage work; the others pass through the gate and are timed (so do the map routes' and the
     * deck's, which come through here).
     */
    CoverageResult result(CoverageRequest req) {
        return result(req, null);
    }

    /** As {@link #result(CoverageRequest)}; {@code source}, if not null, is a source sent with the request. */
    CoverageResult result(CoverageRequest req, Source source) {
        return result(req, source, ComputeGate.WAIT_MILLIS);
    }

    /**
     * As {@link #result(CoverageRequest, Source)}, waiting up to {@code waitMillis} for a computation slot (an
     * asynchronous job waits longer than a request; it still gets the same deadline and cancellation).
     */
    CoverageResult result(CoverageRequest req, Source source, long waitMillis) {
        CoverageResult cached = service.cached(req);
        if (cached != null) {
            return cached;
        }
        CoverageCost.Estimate estimate = service.estimate(req, source);
        long limit = CoverageCost.limitSeconds(deadlineSeconds);
        if (estimate.seconds() > limit) {
            throw new ApiException(422, "coverage-too-costly", "Coverage not computed", String.format(java.util.Locale.ROOT,
                "estimated cost %.1f s (about %,d outline vertices from %,d source vertices) exceeds the limit of %d s"
                    + " per coverage; ask for a larger range or fewer sources", estimate.seconds(),
                estimate.outlineVertices(), estimate.sourceVertices(), limit), null, null);
        }
        return gate.runWithin(deadlineSeconds, waitMillis, () -> {
            long t0 = System.nanoTime();
            try {
                return source == null ? service.coverage(req) : service.coverage(req, source);
            } finally {
                metrics.coverageComputed(System.nanoTime() - t0);
            }
        });
    }

    void coverage(Context ctx) {
        Set<String> allowed = new java.util.HashSet<>(PARAMS);
        allowed.add("f");
        Params p = Params.of(ctx, allowed, LISTS);
        List<CoverageRequest> reqs = requests(p);
        String format = KmlResponse.format(ctx, p, FORMATS);
        List<CoverageResult> results = new ArrayList<>();
        for (CoverageRequest q : reqs) {
            results.add(result(q));
        }
        if (KmlResponse.isKml(format)) {
            kml(ctx, format, reqs, results);
            return;
        }
        if (format.equals(GeoPackageResponse.GPKG)) {
            gpkg(ctx, reqs, results);
            return;
        }
        ctx.contentType(BorderlineApi.GEOJSON).result(Json.write(featureCollection(reqs, results, null, null)));
    }

    /**
     * The coverage as GeoJSON (or KML/KMZ for {@code f=kml|kmz}), with {@code extra} (if not null) as the
     * property {@code extraName} of the coverage feature.
     */
    void writeGeoJson(Context ctx, Set<String> allowed, CoverageRequest req, CoverageResult r, String extraName,
                      Object extra) {
        String format = KmlResponse.format(ctx, Params.of(ctx, allowed, LISTS), FORMATS);
        if (KmlResponse.isKml(format)) {
            kml(ctx, format, List.of(req), List.of(r));
            return;
        }
        ctx.contentType(BorderlineApi.GEOJSON).result(Json.write(featureCollection(List.of(req), List.of(r), extraName,
            extra)));
    }

    /**
     * One feature per ring (its properties flat columns a GIS client reads, its nested statistics a foreign member
     * of the feature, RFC 7946 §6.1, since clients would read a nested property as one JSON string), then the
     * source with its geometry.
     */
    ObjectNode featureCollection(List<CoverageRequest> reqs, List<CoverageResult> results, String extraName,
                                         Object extra) {
        ObjectNode fc = GeoJson.featureCollection();
        for (int i = 0; i < reqs.size(); i++) {
            CoverageRequest q = reqs.get(i);
            CoverageResult r = results.get(i);
            ObjectNode props = GeoJson.addFeature(fc, featureId(q), r.geometry());
            describe(props, q, r);
            props.remove("source"); // as the flat source_kind and source_ids columns
            if (extraName != null) {
                props.set(extraName, Json.MAPPER.valueToTree(extra));
            }
            ObjectNode stats = Json.MAPPER.valueToTree(r.stats());
            CoverageColumns.add(props, q, stats, coverageName(q));
            ((ObjectNode) fc.get("features").get(i)).set("stats", stats);
        }
        CoverageRequest req = reqs.get(0);
        CoverageResult r = results.get(0);
        ObjectNode src = GeoJson.addFeature(fc, "source", sourceGeometry(req, r));
        src.put("name", sourceName(req));
        src.put("kind", req.sourceKind());
        src.put("ids", String.join(",", req.sourceIds()));
        return fc;
    }

    /** "coverage" for a ring or fan; "coverage-10min" for the 10-minute time ring. */
    static String featureId(CoverageRequest q) {
        return q.minutes() == null ? "coverage" : "coverage-" + Params.fmt(q.minutes()) + "min";
    }

    /** "Within 30 km of Belarus", "Within 40 km (Lancet) of Lida airbase": what the coverage is, in words. */
    private String coverageName(CoverageRequest req) {
        DroneClass d = req.droneId() == null ? null : data.drones().get(req.droneId());
        return "Within " + Params.fmt(req.rangeKm()) + " km" + (d == null ? "" : " (" + d.name().split(" \\(")[0] + ")")
            + " of " + sourceName(req) + (req.beyond() ? ", beyond its own territory" : "");
    }

    /** The source by name: countries and sites by their English names, a point by its coordinates. */
    private String sourceName(CoverageRequest req) {
        List<String> names = new ArrayList<>();
        for (String id : req.sourceIds()) {
            String name = id;
            if (req.sourceKind().equals("country")) {
                name = io.borderline.data.CountryCode.parse(id).map(c -> c.nameEn()).orElse(id);
            } else if (req.sourceKind().equals("region")) {
                name = SourceRegion.parse(id).map(SourceRegion::nameEn).orElse(id);
            } else if (data.sites().containsKey(id)) {
                name = data.sites().get(id).nameEn();
            }
            names.add(name);
        }
        return String.join(", ", names);
    }

    /**
     * The source's geometry: sites, points and borders as they are; a country's territory simplified within
     * the coverage's tolerance (Douglas-Peucker ring by ring in degrees, where a degree is at most 111.32 km, so
     * no vertex moves more than the tolerance), its parts the simplification made invalid repaired ({@link
     * io.borderline.topology.PolygonRepair}). JTS's own validity test, which its simplifier runs on the whole,
     * scans the shell once per hole: 350 ms warm and 0.6 s of the first Ukraine answer, for its 12,600 holes.
     */
    private static org.locationtech.jts.geom.Geometry sourceGeometry(CoverageRequest req, CoverageResult r) {
        var g = r.coverage().source().geometry();
        if (g.getDimension() < 2) {
            return g;
        }
        // a power of two metres at or below the tolerance: ranges share the drawn outline, no vertex moves further
        int toleranceM = Integer.highestOneBit((int) Math.max(1, r.coverage().toleranceM()));
        var drawn = DRAWN_SOURCES.get(g, k -> new java.util.concurrent.ConcurrentHashMap<>())
            .computeIfAbsent(toleranceM, t -> {
                var s = simplified(g, t);
                // the source itself is not kept as a value: a value that holds its weak key keeps both for good
                return s == g ? AS_THE_SOURCE : s;
            });
        return drawn == AS_THE_SOURCE ? g : drawn;
    }

    /** Marks a drawn source that is the source itself ({@link #simplified} left it as it is). */
    private static final org.locationtech.jts.geom.Geometry AS_THE_SOURCE =
        new org.locationtech.jts.geom.GeometryFactory().createPoint();

    /**
     * Drawn source outlines per source geometry (by identity, held weakly: prepared sources are cached and shared
     * between ranges, and an entry goes with its source) and tolerance. Simplifying and validating Ukraine takes
     * about a second, which every answer, a cached coverage's too, paid before.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<org.locationtech.jts.geom.Geometry,
        Map<Integer, org.locationtech.jts.geom.Geometry>> DRAWN_SOURCES =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(256).build();

    static org.locationtech.jts.geom.Geometry simplified(org.locationtech.jts.geom.Geometry g, int toleranceM) {
        // ring by ring: JTS's DouglasPeuckerSimplifier runs IsValidOp on the whole even when asked not to repair
        double degrees = toleranceM / 111_320.0;
        if (!(g instanceof org.locationtech.jts.geom.Polygonal)) {
            var simplified = io.borderline.topology.RingwiseSimplifier.simplify(g, degrees);
            return io.borderline.topology.IndexedValidity.isValid(simplified) ? simplified : g;
        }
        // part by part, each simplified once: a part the simplification made invalid is drawn as the source has it
        // (valid, and within a tenth of the tolerance of the territory), not repaired. JTS's repair of Russia's
        // simplified mainland (a million vertices, 173,000 lakes) took 170 s at the 256 m of a 500 km coverage, on
        // the request's thread, and ran a 2 GB heap out of memory at 512 m. Parts the simplification brought to
        // overlap: the source whole.
        List<org.locationtech.jts.geom.Polygon> simplified = new ArrayList<>();
        List<org.locationtech.jts.geom.Polygon> sources = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            var part = (org.locationtech.jts.geom.Polygon) g.getGeometryN(i);
            var s = io.borderline.topology.RingwiseSimplifier.simplify(part, degrees);
            if (!s.isEmpty()) { // else smaller than the tolerance: left out
                simplified.add((org.locationtech.jts.geom.Polygon) s.getGeometryN(0));
                sources.add(part);
            }
        }
        var whole = drawn(g, simplified);
        // usually valid: one indexed test of the whole (80 ms on Ukraine)
        if (io.borderline.topology.IndexedValidity.isValid(whole)) {
            return whole;
        }
        for (int i = 0; i < simplified.size(); i++) {
            if (!io.borderline.topology.IndexedValidity.isValid(simplified.get(i))) {
                simplified.set(i, sources.get(i));
            }
        }
        whole = drawn(g, simplified);
        return io.borderline.topology.IndexedValidity.isValid(whole) ? whole : g;
    }

    /** The parts as one geometry: a one-polygon country stays a Polygon, as drawn before. */
    private static org.locationtech.jts.geom.Geometry drawn(org.locationtech.jts.geom.Geometry g,
                                                            List<org.locationtech.jts.geom.Polygon> parts) {
        return parts.size() == 1 && g instanceof org.locationtech.jts.geom.Polygon ? parts.get(0)
            : g.getFactory().createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new));
    }

    /**
     * The coverage as a KML document: a placemark per ring named for what it is ("Within 30 km of Belarus") whose
     * balloon holds the flat columns of the GeoJSON answer (totals, per-country area and share, the places
     * and sites in range), and the source placemark with its geometry.
     */
    private void kml(Context ctx, String format, List<CoverageRequest> reqs, List<CoverageResult> results) {
        List<Feature> rings = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++) {
            CoverageRequest q = reqs.get(i);
            ObjectNode props = Json.MAPPER.createObjectNode();
            describe(props, q, results.get(i));
            props.remove("method");
            props.remove("source");
            CoverageColumns.add(props, q, Json.MAPPER.valueToTree(results.get(i).stats()), coverageName(q));
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", props, flat);
            rings.add(new Feature(featureId(q), results.get(i).geometry(), flat));
        }
        CoverageRequest req = reqs.get(0);
        CoverageResult r = results.get(0);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", sourceName(req) + " (source)");
        source.put("kind", req.sourceKind());
        source.put("ids", String.join(",", req.sourceIds()));
        String what = coverageName(req) + (reqs.size() > 1 || req.minutes() != null ? " (" + reach(reqs) + ")" : "")
            + fanText(req);
        String description = what + ": " + METHOD
            + " Dataset " + req.dataset() + ": " + data.dataset(req.dataset()).info().attribution() + ".";
        KmlResponse.write(ctx, format, "coverage", "Borderline: " + what, description, List.of(
            new KmlWriter.Folder("Coverage", KmlStyle.COVERAGE, rings),
            new KmlWriter.Folder("Source", KmlStyle.SOURCE, List.of(new Feature("source", sourceGeometry(req, r), source)))));
    }

    /** "30 km", or for time rings "10, 20, 30 min at 170 km/h". */
    static String reach(List<CoverageRequest> reqs) {
        CoverageRequest first = reqs.get(0);
        if (first.minutes() == null) {
            return Params.fmt(first.rangeKm()) + " km";
        }
        return String.join(", ", reqs.stream().map(q -> Params.fmt(q.minutes())).toList()) + " min at "
            + Params.fmt(first.speedKmh()) + " km/h";
    }

    /** ", azimuths 350° to 10°, from 5 km" for a fan; empty for a whole ring. */
    static String fanText(CoverageRequest q) {
        if (q.sector() == null) {
            return "";
        }
        Sector s = q.sector();
        String out = s.fullCircle() ? "" : ", azimuths " + Params.fmt(s.azimuthFromDeg()) + "° to "
            + Params.fmt(s.azimuthToDeg()) + "°";
        return out + (s.minRangeM() > 0 ? ", from " + Params.fmt(s.minRangeM() / 1000) + " km" : "");
    }

    /**
     * The coverage as a GeoPackage: a "coverage" layer (the polygon with every number of the GeoJSON answer, nested
     * names flattened with underscores, e.g. {@code stats_countries_LTU_share_percent}) and a "source" layer.
     */
    /**
     * The coverage as a GeoPackage: a coverage layer (one feature per ring) with the same flat columns as the
     * GeoJSON answer's properties, and the source layer with its geometry.
     */
    private void gpkg(Context ctx, List<CoverageRequest> reqs, List<CoverageResult> results) {
        List<Feature> rings = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++) {
            CoverageRequest q = reqs.get(i);
            ObjectNode props = Json.MAPPER.createObjectNode();
            describe(props, q, results.get(i));
            props.remove("source");
            CoverageColumns.add(props, q, Json.MAPPER.valueToTree(results.get(i).stats()), coverageName(q));
            Map<String, Object> dotted = new LinkedHashMap<>();
            flatten("", props, dotted);
            Map<String, Object> flat = new LinkedHashMap<>();
            dotted.forEach((k, v) -> flat.put(k.replace('.', '_'), v));
            rings.add(new Feature(featureId(q), results.get(i).geometry(), flat));
        }
        CoverageRequest req = reqs.get(0);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", sourceName(req));
        source.put("kind", req.sourceKind());
        source.put("ids", String.join(",", req.sourceIds()));
        GeoPackageResponse.write(ctx, "coverage", List.of(
            new GeoPackageWriter.Layer("coverage", rings),
            new GeoPackageWriter.Layer("source", List.of(new Feature("source", sourceGeometry(req, results.get(0)),
                source)))));
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
        List<CoverageRequest> reqs = requests(Params.of(ctx, PARAMS, LISTS));
        ObjectNode m = Json.MAPPER.createObjectNode();
        if (reqs.get(0).minutes() == null) {
            CoverageResult r = result(reqs.get(0));
            describe(m, reqs.get(0), r);
            m.set("stats", Json.MAPPER.valueToTree(r.stats()));
        } else {
            var rings = m.putArray("rings");
            for (CoverageRequest q : reqs) {
                CoverageResult r = result(q);
                ObjectNode ring = rings.addObject();
                describe(ring, q, r);
                ring.set("stats", Json.MAPPER.valueToTree(r.stats()));
            }
        }
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /** The statistics answer, with {@code extra} (if not null) as member {@code extraName}. */
    void writeStats(Context ctx, CoverageRequest req, CoverageResult r, String extraName, Object extra) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        describe(m, req, r);
        if (extraName != null) {
            m.set(extraName, Json.MAPPER.valueToTree(extra));
        }
        m.set("stats", Json.MAPPER.valueToTree(r.stats()));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /**
     * The range, mode and dataset of a POST request (its source is in the body).
     *
     * @param dataset dataset id (the exposure statistics' countries, sites and places)
     * @param rangeKm validated range, km
     * @param drone the drone class the range came from, or null
     * @param beyond mode=beyond
     */
    record Query(String dataset, double rangeKm, String drone, boolean beyond) {
        CoverageRequest request(String kind, List<String> ids) {
            return new CoverageRequest(dataset, kind, ids, rangeKm, drone, beyond);
        }
    }

    Query query(Context ctx, Set<String> allowed) {
        Params p = Params.of(ctx, allowed, LISTS);
        double rangeKm = range(p);
        String mode = p.optional("mode");
        if (mode != null && !mode.equals("full") && !mode.equals("beyond")) {
            throw ApiException.badParameter("mode", "parameter 'mode' must be full or beyond", "full, beyond");
        }
        return new Query(p.datasetId(), rangeKm, p.optional("drone"), "beyond".equals(mode));
    }

    /** The range in km from {@code range_km} or {@code drone} (exactly one of them), for the POST routes. */
    private double range(Params p) {
        String drone = p.optional("drone");
        if (drone != null) {
            if (p.has("range_km")) {
                throw ApiException.badParameter("drone", "give either 'range_km' or 'drone', not both",
                    "range_km=<km> or drone=<id>");
            }
            DroneClass d = data.drones().get(drone);
            if (d == null) {
                throw ApiException.badParameter("drone", "parameter 'drone': unknown drone class '"
                    + Params.shorten(drone) + "'", String.join(", ", data.drones().keySet()));
            }
            return d.rangeKm();
        }
        return p.number("range_km", GeodesicBuffer.MIN_RANGE_M / 1000, GeodesicBuffer.MAX_RANGE_M / 1000);
    }

    void drones(Context ctx) {
        Params.of(ctx, Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drones", data.drones().values());
        m.put("note", "Nominal published ranges and speeds; range_meaning says whether a figure is a one-way reach or a"
            + " radius of action. Every figure cites its source; a speed that is not published is null (unknown, not"
            + " guessed).");
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
        props.put("minutes", q.minutes());
        props.put("speed_kmh", q.speedKmh());
        if (q.sector() == null) {
            props.putNull("sector");
        } else {
            ObjectNode sector = props.putObject("sector");
            sector.put("azimuth_from_deg", q.sector().azimuthFromDeg());
            sector.put("azimuth_to_deg", q.sector().azimuthToDeg());
            sector.put("min_range_km", q.sector().minRangeM() / 1000);
        }
        props.put("mode", q.beyond() ? "beyond" : "full");
        props.put("dataset", q.dataset());
        props.put("attribution", data.dataset(q.dataset()).info().attribution());
        props.put("tolerance_m", r.coverage().toleranceM());
        props.put("max_outline_error_m", Math.round(r.coverage().maxOutlineErrorM() * 1000) / 1000.0);
        props.put("vertex_count", r.geometry().getNumPoints());
        props.put("dropped_vertices", r.coverage().droppedVertices());
        props.put("compute_ms", r.coverage().computeMillis());
        props.put("method", METHOD);
        if (q.sourceKind().equals("layer")) {
            layers.get(q.sourceIds().get(0)).ifPresent(l -> props.set("layer", Json.MAPPER.valueToTree(l.describe())));
        }
    }

    /**
     * The rings one request asks for: one ring or fan at range_km or at a drone's range, or with {@code minutes}
     * one time ring per flight time, at a drone's speed ({@code speed}: cruise or max) or at {@code speed_kmh},
     * each capped by the range (the drone's, or range_km, or the engine's limit).
     */
    List<CoverageRequest> requests(Params p) {
        return requests(p, this::request);
    }

    /**
     * Makes the request of one ring from the source parameters at a validated range (and the drone class it came
     * from, or null): {@link #request(Params, double, String)} for the query's source, or a source sent in a body.
     */
    interface RingRequest {
        CoverageRequest make(Params p, double rangeKm, String drone);
    }

    /** As {@link #requests(Params)}, each ring's request made by {@code ring} (whose source may be in a body). */
    List<CoverageRequest> requests(Params p, RingRequest ring) {
        String drone = p.optional("drone");
        DroneClass d = null;
        if (drone != null) {
            if (p.has("range_km")) {
                throw ApiException.badParameter("drone", "give either 'drone' or 'range_km', not both",
                    "a drone id, or range_km");
            }
            d = data.drones().get(drone);
            if (d == null) {
                throw ApiException.badParameter("drone", "parameter 'drone': unknown drone class '"
                    + Params.shorten(drone) + "'", String.join(", ", data.drones().keySet()));
            }
        }
        if (!p.has("minutes")) {
            for (String t : List.of("speed_kmh", "speed")) {
                if (p.has(t)) {
                    throw ApiException.badParameter(t, "parameter '" + t + "' sets the speed of time rings and needs"
                        + " 'minutes'", "minutes=<flight times> together with " + t);
                }
            }
            double rangeKm = d != null ? d.rangeKm()
                : p.number("range_km", GeodesicBuffer.MIN_RANGE_M / 1000, GeodesicBuffer.MAX_RANGE_M / 1000);
            return List.of(ring.make(p, rangeKm, drone));
        }
        double speed;
        double capKm;
        if (d != null) {
            if (p.has("speed_kmh")) {
                throw ApiException.badParameter("speed_kmh", "give either 'drone' (its published speed) or"
                    + " 'speed_kmh', not both", "drone with speed=cruise|max, or speed_kmh with range_km");
            }
            speed = droneSpeed(p, d);
            capKm = d.rangeKm();
        } else {
            if (p.has("speed")) {
                throw ApiException.badParameter("speed", "parameter 'speed' picks a drone's published speed and"
                    + " needs 'drone'", "drone=<id>&speed=cruise|max, or speed_kmh");
            }
            if (!p.has("speed_kmh")) {
                throw ApiException.badParameter("minutes", "parameter 'minutes': time rings need a speed: 'drone' (its published speed)"
                    + " or 'speed_kmh'", "drone=<id>, or speed_kmh from 0 (exclusive) to " + Params.fmt(MAX_SPEED_KMH));
            }
            speed = speedKmh(p);
            capKm = p.has("range_km")
                ? p.number("range_km", GeodesicBuffer.MIN_RANGE_M / 1000, GeodesicBuffer.MAX_RANGE_M / 1000)
                : GeodesicBuffer.MAX_RANGE_M / 1000;
        }
        double maxMinutes = Math.floor(capKm / speed * 60 * 1000) / 1000;
        String allowed = "up to " + MAX_TIME_RINGS + " flight times in minutes, each above 0 and at most "
            + Params.fmt(maxMinutes) + " (the " + Params.fmt(capKm) + " km range at " + Params.fmt(speed) + " km/h)";
        List<Double> minutes = new ArrayList<>();
        for (String v : p.list("minutes", MAX_TIME_RINGS)) {
            double m = Params.parseNumber("minutes", v, 0, 1e6);
            double km = WarningTime.distanceM(m, speed) / 1000;
            if (m <= 0) {
                throw ApiException.badParameter("minutes", "parameter 'minutes' has " + v + "; a flight time must be"
                    + " above 0", allowed);
            }
            if (km > capKm + 1e-9) {
                throw ApiException.badParameter("minutes", "parameter 'minutes' has " + v + " min: "
                    + Params.fmt(Math.round(km * 1000) / 1000.0) + " km at " + Params.fmt(speed) + " km/h, beyond the "
                    + Params.fmt(capKm) + " km range", allowed);
            }
            if (km < GeodesicBuffer.MIN_RANGE_M / 1000) {
                throw ApiException.badParameter("minutes", "parameter 'minutes' has " + v + " min: "
                    + Params.fmt(Math.round(km * 1000) / 1000.0) + " km, below the smallest coverage of "
                    + Params.fmt(GeodesicBuffer.MIN_RANGE_M / 1000) + " km", allowed);
            }
            if (!minutes.contains(m)) {
                minutes.add(m);
            }
        }
        minutes.sort(null);
        List<CoverageRequest> out = new ArrayList<>();
        for (double m : minutes) {
            double km = WarningTime.distanceM(m, speed) / 1000;
            out.add(ring.make(p, km, drone).timeRing(km, m, speed));
        }
        return out;
    }

    /** The drone's published speed that {@code speed} names (cruise by default); unknown speeds are a 400. */
    private static double droneSpeed(Params p, DroneClass d) {
        String which = p.optional("speed");
        if (which != null && !which.equals("cruise") && !which.equals("max")) {
            throw ApiException.badParameter("speed", "parameter 'speed' must be cruise or max", "cruise, max");
        }
        boolean max = "max".equals(which);
        Double v = max ? d.maxSpeedKmh() : d.cruiseSpeedKmh();
        if (v == null) {
            List<String> known = new ArrayList<>();
            if (d.cruiseSpeedKmh() != null) {
                known.add("speed=cruise");
            }
            if (d.maxSpeedKmh() != null) {
                known.add("speed=max");
            }
            known.add("speed_kmh with range_km");
            throw ApiException.badParameter("speed", "no " + (max ? "maximum" : "cruise") + " speed is published for"
                + " drone class '" + d.id() + "' (unknown, not guessed)", String.join(", or ", known));
        }
        return v;
    }

    private static double speedKmh(Params p) {
        double v = p.number("speed_kmh", 0, MAX_SPEED_KMH);
        if (v <= 0) {
            throw ApiException.badParameter("speed_kmh", "parameter 'speed_kmh' must be above 0",
                "a number above 0 and at most " + Params.fmt(MAX_SPEED_KMH));
        }
        return v;
    }

    /**
     * The range fan the request asks for, or null: {@code azimuth_from} and {@code azimuth_to} (both or neither,
     * degrees clockwise from true north, 0 to 360) and {@code min_range_km} (below the range), on one site or
     * one point only (from a country or a border an azimuth means nothing).
     */
    private Sector sector(Params p, String kind, int sources, double rangeKm) {
        boolean azimuths = p.has("azimuth_from") || p.has("azimuth_to");
        if (!azimuths && !p.has("min_range_km")) {
            return null;
        }
        String named = azimuths ? (p.has("azimuth_from") ? "azimuth_from" : "azimuth_to") : "min_range_km";
        if (kind.equals("country") || kind.equals("region") || kind.equals("border")) {
            throw ApiException.badParameter(named, "parameter '" + named + "' makes a range fan, which needs one"
                + " site or one point as its apex; a " + kind + " has no single apex to measure azimuths from",
                "site=<one site id>, or lat and lon");
        }
        if (sources != 1) {
            throw ApiException.badParameter(named, "parameter '" + named + "' makes a range fan from one apex; the"
                + " request names " + sources + " sites", "site=<one site id>, or lat and lon");
        }
        double from = 0;
        double to = 360;
        if (azimuths) {
            for (String a : List.of("azimuth_from", "azimuth_to")) {
                if (!p.has(a)) {
                    throw ApiException.badParameter(a, "a sector needs both 'azimuth_from' and 'azimuth_to'",
                        "degrees clockwise from true north, 0 to 360");
                }
            }
            from = p.number("azimuth_from", 0, 360);
            to = p.number("azimuth_to", 0, 360);
            if (Math.abs(from - to) < 1e-9) {
                throw ApiException.badParameter("azimuth_to", "parameter 'azimuth_to' equals 'azimuth_from': the"
                    + " sector is empty", "a different azimuth, 0 to 360 (0 to 360 for the whole circle)");
            }
        }
        double minKm = 0;
        if (p.has("min_range_km")) {
            minKm = p.number("min_range_km", 0, GeodesicBuffer.MAX_RANGE_M / 1000);
            if (minKm >= rangeKm) {
                throw ApiException.badParameter("min_range_km", "parameter 'min_range_km' is " + Params.fmt(minKm)
                    + " km, not below the range of " + Params.fmt(Math.round(rangeKm * 1000) / 1000.0) + " km",
                    "0 up to (not including) the range, km");
            }
        }
        return new Sector(from, to, minKm * 1000);
    }

    /**
     * The coverage request for the source, mode and dataset parameters ({@link #SOURCE_PARAMS}) at
     * a range already validated; shared with the map routes, which draw several ranges.
     */
    CoverageRequest request(Params p, double rangeKm, String drone) {
        CoverageRequest whole = wholeRing(p, rangeKm, drone);
        Sector sector = sector(p, whole.sourceKind(), whole.sourceIds().size(), rangeKm);
        return sector == null ? whole : whole.withSector(sector);
    }

    private CoverageRequest wholeRing(Params p, double rangeKm, String drone) {
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
        if (p.has("border_line") && !kind.equals("border")) {
            throw ApiException.badParameter("border_line", "parameter 'border_line' chooses the line of a border"
                + " source; this coverage's source is " + kind, "political or land, with border=<border ids>");
        }
        boolean beyond = "beyond".equals(mode);
        if (beyond && kind.equals("border")) {
            throw ApiException.badParameter("mode", "mode=beyond needs a source that stands on a territory; a border"
                + " lies between two", "full (for border sources)");
        }
        return switch (kind) {
            case "from" -> {
                List<String> values = p.list("from", MAX_SOURCES);
                if (values.stream().anyMatch(v -> UserLayers.reference(v).isPresent())) {
                    yield layerRequest(dataset, values, rangeKm, drone, beyond);
                }
                if (values.stream().anyMatch(v -> SourceRegion.parse(v).isPresent())) {
                    yield regionRequest(dataset, values, rangeKm, drone, beyond);
                }
                List<String> ids = new ArrayList<>();
                for (String v : p.list("from", MAX_SOURCES)) {
                    CountryCode c = BorderlineApi.drawn(data.dataset(dataset), fromCountry(v), "from");
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
                BorderLine line = Params.borderLine(p, "border_line");
                Dataset ds = data.dataset(dataset);
                if (ids.stream().allMatch(id -> ds.border(id).orElseThrow().line(line).isEmpty())) {
                    throw ApiException.badParameter("border_line", "parameter 'border_line': " + ids + " lie wholly"
                        + " at sea, so they have no land line", "political (these borders are sea lines only)");
                }
                yield new CoverageRequest(dataset, "border", ids, rangeKm, drone, beyond).withBorderLine(line);
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

    /** Every {@code from} value that is not a country code, for the 400 of an unknown one. */
    static final String REGIONS_ALLOWED = String.join("; ", SourceRegion.ALL.stream()
        .map(r -> r.id() + " for " + r.nameEn()).toList());

    /** A country code of {@code from}; an unknown one is a 400 that lists the regions too. */
    private static CountryCode fromCountry(String v) {
        return CountryCode.parse(v).orElseThrow(() -> ApiException.badParameter("from", "parameter 'from': unknown"
            + " country or region '" + Params.shorten(v) + "'; GET /countries lists every code",
            CountryCode.allowed() + "; or a region: " + REGIONS_ALLOWED + "; or layer:NAME"));
    }

    /** A coverage from a region ({@code from=RUS-EU}): a source on its own, as a layer is. */
    private CoverageRequest regionRequest(String dataset, List<String> values, double rangeKm, String drone,
                                          boolean beyond) {
        if (values.size() != 1) {
            throw ApiException.badParameter("from", "parameter 'from': a region (" + values.stream()
                .filter(v -> SourceRegion.parse(v).isPresent()).findFirst().orElseThrow() + ") is a source on its own",
                "one region (" + REGIONS_ALLOWED + "), or country codes");
        }
        SourceRegion region = SourceRegion.parse(values.get(0)).orElseThrow();
        BorderlineApi.drawn(data.dataset(dataset), region.country(), "from");
        return new CoverageRequest(dataset, "region", List.of(region.id()), rangeKm, drone, beyond);
    }

    /** The user layers, sources of {@code from=layer:NAME}. */
    UserLayers layers() {
        return layers;
    }

    /** A coverage of one user layer ({@code from=layer:NAME}); also the deck's coverage source. */
    CoverageRequest layerRequest(String dataset, List<String> values, double rangeKm, String drone,
                                         boolean beyond) {
        if (values.size() != 1) {
            throw ApiException.badParameter("from", "parameter 'from': a layer (layer:NAME) is a source on its own",
                "one layer:NAME, or country codes");
        }
        String name = UserLayers.reference(values.get(0)).orElseThrow();
        UserLayer layer = layers.get(name).orElseThrow(() -> ApiException.badParameter("from", "parameter 'from':"
            + " unknown layer '" + Params.shorten(name) + "'", layers.isEmpty() ? "no layers are loaded (--layers)"
            : String.join(", ", layers.all().stream().map(l -> UserLayer.PREFIX + l.name()).toList())));
        if (beyond && !layer.target().hasAreas()) {
            throw ApiException.badParameter("mode", "mode=beyond needs an area source; layer '" + name + "' is lines",
                "full (for line layers)");
        }
        if (layer.target().hasAreas() && layer.target().hasLines()) {
            throw ApiException.badParameter("from", "layer '" + name + "' mixes lines and areas; a coverage source"
                + " must be all lines or all areas", "a layer of lines or of areas");
        }
        return new CoverageRequest(dataset, "layer", List.of(name), rangeKm, drone, beyond);
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
