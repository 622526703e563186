package io.borderline.http;

import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageRequest;
import io.borderline.briefing.BriefingDeck;
import io.borderline.coverage.Source;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.BorderlineData;
import io.borderline.data.Claim;
import io.borderline.data.CountryCode;
import io.borderline.data.DroneClass;
import io.borderline.render.MapComposer;
import io.borderline.render.MapContent;
import io.borderline.render.MapRenderer;
import io.borderline.render.MapWriter;
import io.borderline.render.Palette;
import io.borderline.userdata.UserLayers;
import io.borderline.userdata.UserTarget;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes of the briefing outputs: coverage and claims maps as PNG or SVG, and the .pptx deck.
 * Parameters are validated like every other route; coverages go through {@link CoverageApi}'s
 * cache and concurrency gate.
 */
final class MapsApi {
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final int MIN_SIZE_PX = 320;
    static final int MAX_SIZE_PX = 4096;
    static final int MIN_DPI = 72;
    static final int MAX_DPI = 300;
    /** Default drone class of the deck's coverage slide. */
    static final String DEFAULT_DRONE = "lancet";
    private static final Set<String> PAGE_PARAMS = Set.of("width", "height", "dpi", "transparent", "projection");
    private static final Set<String> COVERAGE_PARAMS = union(CoverageApi.SOURCE_PARAMS, PAGE_PARAMS,
        CoverageApi.FAN_PARAMS, CoverageApi.TIME_PARAMS, Set.of("range_km", "drone"));
    private static final Set<String> COVERAGE_LISTS = union(CoverageApi.LISTS, Set.of("range_km", "drone"));
    /** The deck: the coverage map's parameters without the page, and whether to include the claims. */
    private static final Set<String> DECK_PARAMS = union(CoverageApi.SOURCE_PARAMS, CoverageApi.FAN_PARAMS,
        CoverageApi.TIME_PARAMS, Set.of("range_km", "drone", "claims"));
    /** Parameters that name a coverage's source (the deck defaults to from=BLR without one). */
    private static final List<String> SOURCE_KINDS = List.of("from", "border", "site", "site_kind", "lat", "lon");
    private static final Set<String> CLAIMS_PARAMS = union(PAGE_PARAMS, Set.of("claim", "dataset"));
    /** The POST coverage maps: the GET map's parameters minus those naming a source (it is in the body) and fans. */
    private static final Set<String> POSTED_MAP_PARAMS = union(CoverageApi.BODY_SOURCE_PARAMS, PAGE_PARAMS,
        CoverageApi.TIME_PARAMS);
    /** The POST deck: the GET deck's parameters minus those naming a source (it is in the body) and fans. */
    private static final Set<String> POSTED_DECK_PARAMS = union(CoverageApi.BODY_SOURCE_PARAMS,
        CoverageApi.TIME_PARAMS, Set.of("claims"));

    private final BorderlineData data;
    private final ClaimChecker claims;
    private final CoverageApi coverage;
    private final MapComposer composer;
    private final MapWriter writer;
    private final BriefingDeck deck;

    MapsApi(BorderlineData data, ClaimChecker claims, CoverageApi coverage) {
        this.data = data;
        this.claims = claims;
        this.coverage = coverage;
        this.composer = new MapComposer(data, coverage.layers());
        this.writer = new MapWriter(new MapRenderer());
        this.deck = new BriefingDeck(data, composer, writer);
    }

    /** The routes, for {@link BorderlineApi#routes()}. */
    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/maps/coverage.png", ctx -> coverageMap(ctx, false));
        r.put("/maps/coverage.svg", ctx -> coverageMap(ctx, true));
        r.put("/maps/claims.png", ctx -> claimsMap(ctx, false));
        r.put("/maps/claims.svg", ctx -> claimsMap(ctx, true));
        r.put("/briefing.pptx", this::briefing);
        return r;
    }

    /**
     * The POST routes, for {@link BorderlineApi#postRoutes()}: the coverage maps and the deck of a geometry sent in
     * the body as {@code POST /coverage} takes it ({@code user} reads and checks it; it is never written to disk).
     */
    Map<String, Handler> postRoutes(UserGeometryApi user) {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/maps/coverage.png", ctx -> postedCoverageMap(ctx, user, false));
        r.put("/maps/coverage.svg", ctx -> postedCoverageMap(ctx, user, true));
        r.put("/briefing.pptx", ctx -> postedBriefing(ctx, user));
        return r;
    }

    private void coverageMap(Context ctx, boolean svg) {
        Params p = Params.of(ctx, COVERAGE_PARAMS, COVERAGE_LISTS);
        MapRenderer.Page page = page(p);
        BriefingDeck.CoverageInput c = coverage(p);
        write(ctx, composer.coverage(c.request(), c.rings()), page, svg);
    }

    /** {@code POST /maps/coverage.png|svg}: the coverage map of the body's source (query first, then the body). */
    private void postedCoverageMap(Context ctx, UserGeometryApi user, boolean svg) throws java.io.IOException {
        Params p = Params.of(ctx, POSTED_MAP_PARAMS, COVERAGE_LISTS);
        MapRenderer.Page page = page(p);
        BriefingDeck.CoverageInput c = coverage(p, user.postedSource(ctx));
        write(ctx, composer.coverage(c.request(), c.rings(), c.user()), page, svg);
    }

    /**
     * The rings of a source sent in the body: kind {@code user}, id its SHA-256 (the cache key, so the same geometry
     * sent again is not computed again), each computed from the sent geometry ({@link CoverageApi#result(
     * CoverageRequest, io.borderline.coverage.Source)}).
     */
    private BriefingDeck.CoverageInput coverage(Params p, UserTarget target) {
        String dataset = p.datasetId();
        String mode = p.optional("mode");
        if (mode != null && !mode.equals("full") && !mode.equals("beyond")) {
            throw ApiException.badParameter("mode", "parameter 'mode' must be full or beyond", "full, beyond");
        }
        boolean beyond = "beyond".equals(mode);
        if (beyond && !target.hasAreas()) {
            throw ApiException.badParameter("mode", "mode=beyond needs an area source; this source is lines",
                "full (for line sources)");
        }
        Source source = target.source("user", target.sha256()); // refuses a mix of lines and areas
        List<String> ids = List.of(target.sha256());
        return coverage(p, (q, km, drone) -> new CoverageRequest(dataset, "user", ids, km, drone, beyond), source,
            new MapComposer.UserSource(target.sha256(), target.features().size()));
    }

    /**
     * The rings a coverage map or deck asks for, computed: time rings ({@code minutes}), one ring per drone
     * class ({@code drone}) or per range ({@code range_km}), from the source, mode, fan and dataset parameters.
     */
    private BriefingDeck.CoverageInput coverage(Params p) {
        return coverage(p, coverage::request, null, null);
    }

    /**
     * As {@link #coverage(Params)}, each ring's request made by {@code ring}; {@code source}, if not null, is the
     * geometry sent with the request ({@code user} describes it for the titles), else the request names its source.
     */
    private BriefingDeck.CoverageInput coverage(Params p, CoverageApi.RingRequest ring, Source source,
                                                MapComposer.UserSource user) {
        List<CoverageRequest> requests = new ArrayList<>();
        if (p.has("minutes")) {
            requests.addAll(coverage.requests(p, ring)); // time rings: one drone or one speed, several flight times
        } else if (p.has("drone")) {
            if (p.has("range_km")) {
                throw ApiException.badParameter("drone", "give either 'drone' or 'range_km', not both",
                    "drone ids, or range_km values");
            }
            for (String id : distinct(p.list("drone", Palette.maxRings()))) {
                DroneClass d = data.drones().get(id);
                if (d == null) {
                    throw ApiException.badParameter("drone", "parameter 'drone': unknown drone class '"
                        + Params.shorten(id) + "'", String.join(", ", data.drones().keySet()));
                }
                requests.add(ring.make(p, d.rangeKm(), d.id()));
            }
        } else {
            List<String> values = p.list("range_km", Palette.maxRings());
            if (values.isEmpty()) {
                throw ApiException.badParameter("range_km", "parameter 'range_km' is required", rangeAllowed());
            }
            for (String v : distinct(values)) {
                double km = Params.parseNumber("range_km", v, GeodesicBuffer.MIN_RANGE_M / 1000,
                    GeodesicBuffer.MAX_RANGE_M / 1000);
                requests.add(ring.make(p, km, null));
            }
        }
        List<MapComposer.RingSpec> rings = new ArrayList<>();
        for (CoverageRequest q : requests) {
            rings.add(new MapComposer.RingSpec(q.rangeKm(), q.droneId(), q.minutes(), q.speedKmh(),
                coverage.result(q, source)));
        }
        return new BriefingDeck.CoverageInput(requests.get(0), rings, user);
    }

    private void claimsMap(Context ctx, boolean svg) {
        Params p = Params.of(ctx, CLAIMS_PARAMS);
        MapRenderer.Page page = page(p);
        String dataset = p.datasetId();
        List<MapComposer.ClaimSpec> specs = new ArrayList<>();
        String id = p.optional("claim");
        for (Claim c : data.claims().values()) {
            if (id == null || c.id().equals(id)) {
                specs.add(new MapComposer.ClaimSpec(c, claims.check(c)));
            }
        }
        if (specs.isEmpty()) {
            throw ApiException.badParameter("claim", "parameter 'claim': unknown claim '" + Params.shorten(id) + "'",
                String.join(", ", data.claims().keySet()));
        }
        write(ctx, composer.claims(specs, dataset), page, svg);
    }

    /**
     * The deck: the coverage of the same parameters as {@code /maps/coverage.png} (default: what a
     * {@value #DEFAULT_DRONE} reaches from Belarus), and the claim slides unless {@code claims=none}.
     */
    private void briefing(Context ctx) {
        Params p = Params.of(ctx, DECK_PARAMS, COVERAGE_LISTS);
        String claimsParam = claimsParam(p);
        if (SOURCE_KINDS.stream().noneMatch(p::has)) {
            p = p.withDefault("from", CountryCode.BLR.code());
        }
        p = withDefaultRange(p);
        deck(ctx, claimsParam, p.datasetId(), coverage(p));
    }

    /**
     * {@code POST /briefing.pptx}: the deck of the body's source, with the GET deck's range, time-ring, mode,
     * dataset and claims parameters (default {@code drone=}{@value #DEFAULT_DRONE}).
     */
    private void postedBriefing(Context ctx, UserGeometryApi user) throws java.io.IOException {
        Params p = withDefaultRange(Params.of(ctx, POSTED_DECK_PARAMS, COVERAGE_LISTS));
        String claimsParam = claimsParam(p);
        BriefingDeck.CoverageInput cov = coverage(p, user.postedSource(ctx));
        deck(ctx, claimsParam, p.datasetId(), cov);
    }

    private static String claimsParam(Params p) {
        String claimsParam = p.optional("claims");
        if (claimsParam != null && !claimsParam.equals("all") && !claimsParam.equals("none")) {
            throw ApiException.badParameter("claims", "parameter 'claims' must be all or none", "all, none");
        }
        return claimsParam;
    }

    private static Params withDefaultRange(Params p) {
        return !p.has("range_km") && !p.has("drone") && !p.has("minutes") ? p.withDefault("drone", DEFAULT_DRONE) : p;
    }

    private void deck(Context ctx, String claimsParam, String dataset, BriefingDeck.CoverageInput cov) {
        List<MapComposer.ClaimSpec> specs = new ArrayList<>();
        if (!"none".equals(claimsParam)) {
            for (Claim c : data.claims().values()) {
                specs.add(new MapComposer.ClaimSpec(c, claims.check(c)));
            }
        }
        byte[] pptx = deck.build(specs, cov, dataset);
        ctx.header("Content-Disposition", "attachment; filename=\"borderline-briefing.pptx\"");
        binary(ctx, PPTX, pptx);
    }

    private void write(Context ctx, MapContent content, MapRenderer.Page page, boolean svg) {
        var c = content.centre();
        if (page.projection().equals("EPSG:3035") && !(c.x >= -40 && c.x <= 60 && c.y >= 20 && c.y <= 90)) {
            throw ApiException.badParameter("projection", "projection EPSG:3035 is made for Europe; this map is"
                + " centred at " + Math.round(c.y) + "°, " + Math.round(c.x) + "°", "local (for maps outside Europe)");
        }
        if (svg) {
            // JFreeSVG styles elements with style attributes, which the API's default CSP would block
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
            ctx.contentType(SVG).result(writer.svg(content, page));
        } else {
            binary(ctx, PNG, writer.png(content, page));
        }
    }

    /** A binary body: no charset parameter on its media type (the API's default is JSON in UTF-8). */
    private static void binary(Context ctx, String type, byte[] body) {
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(type).result(body);
    }

    private static MapRenderer.Page page(Params p) {
        int width = integer(p, "width", 1920);
        int height = integer(p, "height", 1080);
        String dpiRaw = p.optional("dpi");
        int dpi = dpiRaw == null ? 144 : (int) whole("dpi", dpiRaw, MIN_DPI, MAX_DPI);
        String t = p.optional("transparent");
        if (t != null && !t.equals("true") && !t.equals("false")) {
            throw ApiException.badParameter("transparent", "parameter 'transparent' must be true or false",
                "true, false");
        }
        String projection = p.optional("projection");
        if (projection != null && !projection.equals("local") && !projection.equals("EPSG:3035")) {
            throw ApiException.badParameter("projection", "parameter 'projection': unknown projection '"
                + Params.shorten(projection) + "'", "local, EPSG:3035");
        }
        return new MapRenderer.Page(width, height, dpi, "true".equals(t), projection == null ? "local" : projection,
            true);
    }

    private static int integer(Params p, String name, int dflt) {
        String raw = p.optional(name);
        return raw == null ? dflt : (int) whole(name, raw, MIN_SIZE_PX, MAX_SIZE_PX);
    }

    private static double whole(String name, String raw, int min, int max) {
        if (!raw.matches("[0-9]{1,6}")) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is not a whole number: '"
                + Params.shorten(raw) + "'", "a whole number from " + min + " to " + max);
        }
        return Params.parseNumber(name, raw, min, max);
    }

    private static String rangeAllowed() {
        return "1 to " + Palette.maxRings() + " ranges in km, each from " + Params.fmt(GeodesicBuffer.MIN_RANGE_M / 1000)
            + " to " + Params.fmt(GeodesicBuffer.MAX_RANGE_M / 1000) + " (comma-separated), or drone ids";
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }
}
