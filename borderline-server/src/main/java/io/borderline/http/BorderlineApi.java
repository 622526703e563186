package io.borderline.http;

import io.borderline.json.Json;

import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.WarningTime;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.coverage.CoverageLimitException;
import io.borderline.data.Border;
import io.borderline.data.BorderlineData;
import io.borderline.data.Lazy;
import io.borderline.data.Claim;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Site;
import io.borderline.features.FeatureLayer;
import io.borderline.features.Layers;
import io.borderline.geodesy.LatLon;
import io.borderline.userdata.UserDistance;
import io.borderline.userdata.UserGeometryException;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import io.borderline.userdata.UserTargets;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP API: parses and validates parameters, calls one service method, writes one
 * response. No geometry here; {@code openapi.yaml} is the contract for every route.
 */
public final class BorderlineApi {
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";

    private final BorderlineData data;
    private final DistanceService distances;
    private final ClaimChecker claims;
    private final byte[] openApiYaml;

    private final CoverageApi coverage;
    private final ServerOptions options;
    private final OpsApi ops;
    private final BatchApi batch;
    // converted on first request (the YAML-to-JSON conversion and the HTML rendering are not start-up work)
    private final Lazy<String> openApiJson;
    private final Lazy<String> apiHtml;
    private final Lazy<io.borderline.places.PlaceIndex> placeIndex;
    private final Layers layers;
    private final OgcApi ogc;
    private final MapsApi maps;
    private final TilesApi tiles;
    /** The requests being served: the background warm-up waits while there are any. */
    private final RequestActivity activity = new RequestActivity();
    /** The longest the warm-up waits for a quiet moment before its next piece, ms (it must progress under load). */
    static final long WARM_UP_YIELD_MS = 5_000;
    private final PlaceLookup placeLookup;
    private final PlacesApi places;
    private final ClaimCheckApi claimCheck;
    private final OgcTilesApi ogcTiles;
    private final UserLayers userLayers;
    private final UserGeometryApi user;
    private final ProcessesApi processes;

    public BorderlineApi(BorderlineData data, DistanceService distances, ClaimChecker claims,
                         CoverageService coverages) {
        this(data, distances, claims, coverages, ServerOptions.DEFAULTS);
    }

    public BorderlineApi(BorderlineData data, DistanceService distances, ClaimChecker claims,
                         CoverageService coverages, ServerOptions options) {
        this(data, distances, claims, coverages, options, UserLayers.NONE);
    }

    /** @param userLayers the named layers read at start-up (user-supplied), also the sources {@code layer:NAME} */
    public BorderlineApi(BorderlineData data, DistanceService distances, ClaimChecker claims,
                         CoverageService coverages, ServerOptions options, UserLayers userLayers) {
        this.data = data;
        this.userLayers = userLayers;
        this.distances = distances;
        this.claims = claims;
        this.options = options;
        this.ops = new OpsApi(options);
        this.ops.monitorCache(coverages.cache());
        this.coverage = new CoverageApi(data, coverages, options.coverageConcurrency(),
            options.coverageDeadlineSeconds(), ops.metrics(), userLayers);
        this.user = new UserGeometryApi(new UserTargets(io.borderline.data.BoundaryFile.FACTORY), userLayers, coverage);
        this.batch = new BatchApi(data, distances, options, ops.metrics());
        this.maps = new MapsApi(data, claims, coverage);
        this.openApiYaml = resource("/openapi.yaml");
        this.openApiJson = new Lazy<>(() -> OgcApi.openApiJson(openApiYaml));
        this.apiHtml = new Lazy<>(() -> ApiHtml.render(openApiJson.get()));
        this.layers = new Layers(data, claims, coverages, io.borderline.data.BoundaryFile.FACTORY, userLayers);
        this.ogc = new OgcApi(data, layers, io.borderline.data.BoundaryFile.FACTORY, userLayers);
        this.tiles = new TilesApi(data, layers);
        this.placeIndex = new Lazy<>(() -> new io.borderline.places.PlaceIndex(data.places()));
        this.placeLookup = new PlaceLookup(data, placeIndex);
        this.places = new PlacesApi(placeIndex);
        this.claimCheck = new ClaimCheckApi(data, claims, placeLookup);
        this.ogcTiles = new OgcTilesApi(tiles);
        io.borderline.jobs.JobStore jobs = new io.borderline.jobs.JobStore(options.jobs());
        ops.metrics().monitorJobs(jobs);
        this.processes = new ProcessesApi(List.of(new CoverageProcess(coverage),
            new DistanceBatchProcess(data, distances, batch.gate(), options.coverageDeadlineSeconds())), jobs);
    }

    /** The published layers (OGC API collections), e.g. to warm them up after start-up. */
    public Layers layers() {
        return layers;
    }

    /**
     * What a started service computes in the background, in the order the web page's first view asks for it:
     * the claims (their check indexes Russia, seconds), the base map's tile copies (countries and borders, then
     * the other tile layers, which computes the coverage layers), the place index, the other layers. Between
     * pieces it waits while requests are served ({@link RequestActivity}, at most {@value #WARM_UP_YIELD_MS} ms
     * each time), so a client rarely shares the two cores with it (a piece already started runs to its end). A
     * piece a request needs first is computed by that request (once: the warm-up then finds it done).
     */
    public void warmUp() {
        Runnable yield = () -> activity.awaitQuiet(WARM_UP_YIELD_MS);
        layers.warmUp(List.of("claims", "sites", "drones"), yield);
        tiles.warmUp(yield);
        yield.run();
        try {
            placeIndex.get();
        } catch (RuntimeException e) { // the file passed its checksum; /places answers the same error itself
            org.slf4j.LoggerFactory.getLogger(BorderlineApi.class).error("places not loaded: {}", e.getMessage());
        }
        layers.warmUp(layers.all().stream().map(FeatureLayer::id).toList(), yield);
    }

    /** Creates the Javalin app with every route and the error mapping; the caller starts it. */
    public Javalin create() {
        return create(() -> this);
    }

    /**
     * Creates the Javalin app: the web page's static files first, then {@code api}'s routes and error mapping,
     * so a caller can start this before the data is loaded and complete {@code api} when it is.
     */
    public static Javalin create(java.util.function.Supplier<BorderlineApi> api) {
        return Javalin.create(cfg -> {
            WebPage.register(cfg); // the web map's scripts, styles and Leaflet (static files, not API routes)
            api.get().configure(cfg);
        });
    }

    /** Every documented GET route and its handler; the contract test checks these against openapi.yaml. */
    public Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/health", this::health);
        r.put("/openapi.yaml", ctx -> {
            Params.of(ctx, Set.of());
            ctx.contentType(OgcApi.OPENAPI_YAML).result(openApiYaml);
        });
        r.put("/openapi.json", ctx -> {
            Params.of(ctx, Set.of());
            ctx.contentType(OgcApi.OPENAPI_JSON).result(openApiJson.get());
        });
        r.put("/api.html", ctx -> {
            Params.of(ctx, Set.of());
            ctx.contentType("text/html; charset=utf-8").result(apiHtml.get());
        });
        r.put("/datasets", this::datasets);
        r.put("/distance", this::distance);
        r.put("/distance/points", this::distancePoints);
        r.put("/distance/countries", this::distanceCountries);
        r.put("/countries", this::countries);
        r.put("/borders", this::borders);
        r.put("/sites", this::sites);
        r.put("/sites/{id}", this::site);
        r.put("/claims", this::claimList);
        r.putAll(claimCheck.routes()); // before /claims/{id}, which would otherwise take 'check' as an id
        r.putAll(places.routes());
        r.put("/claims/{id}", this::claim);
        r.put("/coverage", coverage::coverage);
        r.put("/coverage/stats", coverage::stats);
        r.put("/drones", coverage::drones);
        r.putAll(user.routes());
        r.putAll(ops.routes());
        r.putAll(ogc.routes());
        r.putAll(maps.routes());
        r.putAll(tiles.routes());
        r.putAll(ogcTiles.routes());
        r.putAll(processes.routes());
        return r;
    }

    /** Every documented POST route and its handler; the contract test checks these against openapi.yaml. */
    public Map<String, Handler> postRoutes() {
        Map<String, Handler> r = new LinkedHashMap<>(batch.routes());
        r.putAll(user.postRoutes());
        r.putAll(maps.postRoutes(user));
        r.putAll(processes.postRoutes());
        return r;
    }

    /** Every documented DELETE route and its handler; the contract test checks these against openapi.yaml. */
    public Map<String, Handler> deleteRoutes() {
        return new LinkedHashMap<>(processes.deleteRoutes());
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.http.prefer405over404 = true;
        cfg.http.defaultContentType = JSON;
        cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(options)));
        ops.configure(cfg);
        cfg.jetty.modifyServer(server -> server.insertHandler(activity.handler()));
        cfg.routes.before(ctx -> {
            // an API of JSON documents: nothing here is meant to run or be framed in a browser
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        routes().forEach(cfg.routes::get);
        postRoutes().forEach(cfg.routes::post);
        deleteRoutes().forEach(cfg.routes::delete);
        cfg.routes.exception(ApiException.class, ProblemHandler::apiException);
        cfg.routes.exception(io.borderline.points.InvalidPointsException.class, (e, ctx) -> ProblemHandler.apiException(
            new ApiException(400, "invalid-body", "Invalid body", e.getMessage(), null, e.allowed()), ctx));
        cfg.routes.exception(UserGeometryException.class, (e, ctx) -> ProblemHandler.apiException(new ApiException(
            e.status(), e.status() == 413 ? "payload-too-large" : "invalid-geometry",
            e.status() == 413 ? "Payload too large" : "Invalid geometry", e.getMessage(), null, e.allowed()), ctx));
        cfg.routes.exception(io.borderline.coverage.Cancellation.CancelledException.class, (e, ctx) ->
            ProblemHandler.apiException(new ApiException(503, "deadline-exceeded", "Computation deadline exceeded",
                "the computation was cancelled", null, null), ctx));
        cfg.routes.exception(CoverageLimitException.class, (e, ctx) -> ProblemHandler.apiException(
            new ApiException(422, "coverage-limit", "Coverage not computed", e.getMessage(), null, null), ctx));
        cfg.routes.exception(io.javalin.http.HttpResponseException.class, ProblemHandler::httpResponse);
        cfg.routes.exception(Exception.class, ProblemHandler::unexpected);
        cfg.routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(ProblemHandler.CONTENT_TYPE)) {
                ProblemHandler.status(ctx, 404, "Not found", "no resource at " + Params.shorten(ctx.path()));
            }
        });
        cfg.routes.error(405, ctx -> ProblemHandler.status(ctx, 405, "Method not allowed",
            Params.shorten(ctx.method().name()) + " is not supported on " + Params.shorten(ctx.path())));
    }

    // ------------------------------------------------------------------ meta

    private void health(Context ctx) {
        Params.of(ctx, Set.of()); // no parameters: an unknown one is a 400, as everywhere
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("datasets", data.datasets().keySet());
        json(ctx, m);
    }

    private void datasets(Context ctx) {
        Params.of(ctx, Set.of());
        List<Object> out = new ArrayList<>();
        for (Dataset ds : data.datasets().values()) {
            Map<String, Object> m = Views.dataset(ds.info());
            m.put("default", ds.id().equals(BorderlineData.DEFAULT_DATASET));
            out.add(m);
        }
        json(ctx, Map.of("datasets", out));
    }

    // ------------------------------------------------------------------ distances

    /** Most targets in one {@code /distance} call. */
    static final int MAX_TARGETS = 20;

    private void distance(Context ctx) {
        Params p = Params.of(ctx, Set.of("lat", "lon", "from", "to", "dataset", "border"));
        boolean csv = DistanceAnswer.csv(ctx.header("Accept"));
        Dataset ds = dataset(p);
        if (UserLayers.reference(p.optional("to")).isPresent()) {
            distanceToLayer(ctx, p);
            return;
        }
        String toRaw = p.required("to", CountryCode.allowed());
        List<CountryCode> targets = targets(p);
        BorderLine line = Params.borderLine(p);
        Origin origin = origin(p);
        LatLon point = origin.point();
        List<CountryDistance> answers = new ArrayList<>();
        for (CountryCode to : targets) {
            answers.add(distances.toCountry(ds, point.lat(), point.lon(), drawn(ds, to, "to"), line));
        }
        if (csv) {
            ctx.contentType(DistanceAnswer.CSV_TYPE).result(io.borderline.points.DistanceCsv.write(answers));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", origin.view());
        m.put("border_line", line.id());
        List<String> warnings = incompleteBorders(ds, targets);
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
        if (toRaw.contains(",")) {
            m.put("results", answers);
            m.put("warning_times", answers.stream().map(this::warningTime).toList());
        } else {
            m.put("result", answers.get(0));
            m.put("distance_km", answers.get(0).distanceKm());
            m.put("warning_time", warningTime(answers.get(0)));
        }
        m.put("dataset", Views.dataset(ds.info()));
        m.put("method", Views.method());
        json(ctx, m);
    }

    /** Where a distance is measured from, and how the answer shows it as {@code from}. */
    private record Origin(LatLon point, Object view) {}

    /** {@code from} (a site or GeoNames id) or {@code lat} and {@code lon}, never both. */
    private Origin origin(Params p) {
        if (!p.has("from")) {
            LatLon point = new LatLon(p.number("lat", -90, 90), p.number("lon", -180, 180));
            return new Origin(point, point);
        }
        if (p.has("lat") || p.has("lon")) {
            throw ApiException.badParameter("from", "give either 'from' (a site or GeoNames id) or 'lat' and"
                + " 'lon', not both", PlaceLookup.ALLOWED + ", or lat and lon");
        }
        PlaceLookup.Located from = placeLookup.resolve("from", p.required("from", PlaceLookup.ALLOWED));
        return new Origin(new LatLon(from.lat(), from.lon()), from.view());
    }

    /** {@code GET /distance?to=layer:NAME}: a point or site to a user layer. */
    private void distanceToLayer(Context ctx, Params p) {
        String name = UserLayers.reference(p.optional("to")).orElseThrow();
        UserLayer layer = userLayers.get(name).orElseThrow(() -> ApiException.badParameter("to", "parameter 'to':"
            + " unknown layer '" + Params.shorten(name) + "'", userLayers.isEmpty() ? "no layers are loaded (--layers)"
            : String.join(", ", userLayers.all().stream().map(l -> UserLayer.PREFIX + l.name()).toList())));
        Origin origin = origin(p);
        LatLon point = origin.point();
        UserDistance d = layer.target().measure(point.lat(), point.lon());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", origin.view());
        m.put("to", UserLayer.PREFIX + name);
        m.put("result", d);
        m.put("distance_km", Math.round(d.distanceM()) / 1000.0);
        m.put("layer", layer.describe());
        m.put("method", Views.method());
        m.put("note", UserGeometryApi.NOTE);
        json(ctx, m);
    }

    /** {@code to}: one country code, or several separated by commas (each once). */
    /** A warning per target whose border this dataset draws only in part (osm10m is still a region). */
    private List<String> incompleteBorders(Dataset ds, List<CountryCode> targets) {
        List<String> out = new ArrayList<>();
        for (CountryCode to : targets) {
            List<CountryCode> missing = data.missingNeighbours(ds, to);
            if (!missing.isEmpty()) {
                String names = String.join(", ", missing.stream().map(CountryCode::code).toList());
                String others = String.join(", ", data.datasets().values().stream().filter(o -> o != ds && o.has(to))
                    .map(Dataset::id).toList());
                out.add(ds.id() + " does not draw " + names + ", so its border of " + to.code() + " leaves out the"
                    + " borders with them: result.border is the nearest border " + ds.id() + " draws, which may not be"
                    + " the nearest one; dataset=" + others + " draws them");
            }
        }
        return out;
    }

    private static List<CountryCode> targets(Params p) {
        List<CountryCode> out = new ArrayList<>();
        for (String code : p.list("to", MAX_TARGETS)) {
            CountryCode c = Params.country("to", code);
            if (out.contains(c)) {
                throw ApiException.badParameter("to", "parameter 'to' names " + c.code() + " twice",
                    "country codes, each once, separated by commas");
            }
            out.add(c);
        }
        return out;
    }

    private void distancePoints(Context ctx) {
        Params p = Params.of(ctx, Set.of("a", "b"));
        LatLon a = pointOrSite(p, "a");
        LatLon b = pointOrSite(p, "b");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", distances.between(a, b));
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("description", "GeographicLib inverse geodesic on WGS84 (Karney 2013), accurate to 15 nm; published"
            + " rounded to the millimetre");
        method.put("ellipsoid", "WGS84");
        method.put("accuracy_m", 0.001);
        m.put("method", method);
        json(ctx, m);
    }

    private void distanceCountries(Context ctx) {
        Params p = Params.of(ctx, Set.of("a", "b", "dataset"));
        Dataset ds = dataset(p);
        CountryCode a = drawn(ds, country(p, "a"), "a");
        CountryCode b = drawn(ds, country(p, "b"), "b");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", distances.between(ds, a, b));
        m.put("dataset", Views.dataset(ds.info()));
        m.put("method", Views.method());
        json(ctx, m);
    }

    // ------------------------------------------------------------------ catalogue

    private void countries(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset"));
        Dataset ds = dataset(p);
        List<Object> out = new ArrayList<>();
        for (CountryCode c : ds.countries()) {
            out.add(Views.country(c, ds));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("countries", out);
        m.put("dataset", Views.dataset(ds.info()));
        json(ctx, m);
    }

    private void borders(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset"));
        Dataset ds = dataset(p);
        ObjectNode fc = GeoJson.featureCollection();
        for (Border b : ds.borders()) {
            ObjectNode props = GeoJson.addFeature(fc, b.id(), b.line());
            props.put("id", b.id());
            props.put("a", b.a().code());
            props.put("b", b.b().code());
            props.put("length_km", b.lengthKm());
            for (String k : List.of("land_length_km", "water_length_km", "sea_length_km")) {
                if (b.properties().containsKey(k)) {
                    props.put(k, Double.parseDouble(b.properties().get(k)));
                }
            }
            props.put("line", b.properties().get("line"));
            props.put("dataset", ds.id());
            props.put("attribution", ds.info().attribution());
        }
        ctx.contentType(GEOJSON).result(Json.write(fc));
    }

    private void sites(Context ctx) {
        Params p = Params.of(ctx, Set.of("kind", "country"));
        String kind = p.optional("kind");
        if (kind != null && !Site.KINDS.contains(kind)) {
            throw ApiException.badParameter("kind", "parameter 'kind': unknown site kind '" + Params.shorten(kind) + "'",
                String.join(", ", Site.KINDS.stream().sorted().toList()));
        }
        CountryCode country = p.has("country") ? country(p, "country") : null;
        List<Object> out = data.sites().values().stream()
            .filter(s -> kind == null || s.kind().equals(kind))
            .filter(s -> country == null || s.country() == country)
            .map(s -> (Object) Views.site(s)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", out);
        m.put("count", out.size());
        json(ctx, m);
    }

    private void site(Context ctx) {
        Params p = Params.of(ctx, Set.of("dataset"));
        Dataset ds = dataset(p);
        Site s = placeLookup.site(ctx.pathParam("id"));
        if (s == null) {
            throw ApiException.notFound("site", Params.shorten(ctx.pathParam("id")), "see GET /sites");
        }
        List<Object> to = new ArrayList<>();
        // the site's own country and its neighbours (the world has 250 countries)
        java.util.Set<CountryCode> near = new java.util.LinkedHashSet<>();
        if (ds.has(s.country())) {
            near.add(s.country());
            near.addAll(ds.neighbours(s.country()));
        }
        for (CountryCode c : near) {
            to.add(distances.toCountry(ds, s.lat(), s.lon(), c));
        }
        Map<String, Object> m = Views.site(s);
        m.put("distances", to);
        m.put("dataset", Views.dataset(ds.info()));
        m.put("method", Views.method());
        json(ctx, m);
    }

    private void claimList(Context ctx) {
        BorderLine line = Params.borderLine(Params.of(ctx, Set.of("border")));
        List<Object> out = data.claims().values().stream().map(c -> (Object) claimView(c, line)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("border_line", line.id());
        m.put("claims", out);
        m.put("datasets", data.datasets().values().stream().map(d -> Views.dataset(d.info())).toList());
        m.put("method", Views.method());
        json(ctx, m);
    }

    private void claim(Context ctx) {
        BorderLine line = Params.borderLine(Params.of(ctx, Set.of("border")));
        Claim c = data.claims().get(ctx.pathParam("id"));
        if (c == null) {
            throw ApiException.notFound("claim", Params.shorten(ctx.pathParam("id")),
                String.join(", ", data.claims().keySet()));
        }
        Map<String, Object> m = claimView(c, line);
        m.put("border_line", line.id());
        m.put("datasets", data.datasets().values().stream().map(d -> Views.dataset(d.info())).toList());
        m.put("method", Views.method());
        json(ctx, m);
    }

    private Map<String, Object> claimView(Claim c, BorderLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("quote", c.quote());
        m.put("speaker", c.speaker());
        m.put("speaker_role", c.speakerRole());
        m.put("event", c.event());
        m.put("date", c.date());
        m.put("source", c.source());
        m.put("published", c.published());
        m.put("source_url", c.sourceUrl().isEmpty() ? null : c.sourceUrl());
        m.put("place", Views.site(c.site()));
        m.put("target", c.target().code());
        m.put("claimed_km", c.claimedKm());
        m.put("check", claims.check(c, line));
        Dataset ds = data.dataset(io.borderline.data.BorderlineData.DEFAULT_DATASET);
        m.put("warning_time", warningTime(distances.toCountry(ds, c.site().lat(), c.site().lon(), c.target())));
        return m;
    }

    /**
     * Minutes from the nearest point of the target country to the point for every drone class that reaches it, or
     * null for a point inside the target country (nothing to fly across).
     */
    private WarningTime.Answer warningTime(CountryDistance d) {
        return d.inside() ? null : WarningTime.compute(d.distanceM(), data.drones().values());
    }

    // ------------------------------------------------------------------ parameter helpers

    private Dataset dataset(Params p) {
        return data.dataset(p.datasetId());
    }

    /** {@code c} if the dataset draws it, else a 400 naming the parameter. */
    static CountryCode drawn(Dataset ds, CountryCode c, String name) {
        if (!ds.has(c)) {
            throw ApiException.badParameter(name, "parameter '" + name + "': dataset " + ds.id() + " does not draw "
                + c.code(), "a country of GET /countries?dataset=" + ds.id());
        }
        return c;
    }

    private static CountryCode country(Params p, String name) {
        return Params.country(name, p.required(name, CountryCode.allowed()));
    }

    /** "lat,lon", a site id or a GeoNames id. */
    private LatLon pointOrSite(Params p, String name) {
        String allowed = "'lat,lon' in degrees, " + PlaceLookup.ALLOWED;
        String v = p.required(name, allowed);
        if (v.matches("[A-Za-z0-9-]+")) {
            PlaceLookup.Located l = placeLookup.resolve(name, v);
            return new LatLon(l.lat(), l.lon());
        }
        String[] parts = v.split(",", -1);
        if (parts.length != 2) {
            throw ApiException.badParameter(name, "parameter '" + name + "' must be 'lat,lon', a site id or a"
                + " GeoNames id", allowed);
        }
        return new LatLon(Params.parseNumber(name, parts[0].trim(), -90, 90),
            Params.parseNumber(name, parts[1].trim(), -180, 180));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(Json.write(body));
    }

    private static byte[] resource(String path) {
        try (InputStream in = BorderlineApi.class.getResourceAsStream(path)) {
            if (in == null) {
                return ("# " + path + " missing from the build\n").getBytes(StandardCharsets.UTF_8);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
