package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws valid GET requests for every documented operation of {@code openapi.yaml} from one seed: every
 * parameter and enum value, optional parameters present or absent, list parameters comma-separated or
 * repeated, several sources at once, {@code mode=beyond}, both datasets, ranges from 1 to 2,500 km. Ids
 * (sites, borders, drones, claims, coverage features) are read from the running service, so the requests
 * name real things. {@link #invalid} turns a valid request into one with exactly one bad parameter.
 *
 * <p>Coverage computations take seconds, so the coverage-type requests (coverage, its statistics, coverage
 * maps) draw their source, range, mode and dataset from a pool of {@code poolSize} specifications fixed by the
 * seed: later draws hit the service's cache, and the pool size bounds the computing time. The large ranges
 * (1,000 and 2,500 km) go with single small sources. Not thread-safe (one per run).
 */
final class ValidRequests {
    /** One request: the operation's path template, and the path with its query string. */
    record Case(String template, String url, boolean expensive, String badParameter) {
        Case withBad(String url, String parameter) {
            return new Case(template, url, expensive, parameter);
        }
    }

    static final List<String> COUNTRIES = List.of("BLR", "EST", "LTU", "LVA", "POL", "RUS", "RUS-KGD", "UKR");
    // Russia whole takes many seconds per range; BurstTest and CoverageShapesTest cover it
    private static final List<String> COVERAGE_COUNTRIES = List.of("EST", "LVA", "LTU", "BLR", "RUS-KGD", "POL", "UKR");
    private static final List<String> SMALL_SOURCES = List.of("EST", "LTU", "RUS-KGD");
    private static final double[] SMALL_RANGES_KM = {1, 5, 12.5, 30, 100, 300};
    private static final double[] LARGE_RANGES_KM = {1000, 2500};
    private static final List<String> CRS = List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/3857",
        "http://www.opengis.net/def/crs/EPSG/0/3035", "http://www.opengis.net/def/crs/EPSG/0/2180",
        "http://www.opengis.net/def/crs/EPSG/0/3346", "http://www.opengis.net/def/crs/EPSG/0/3059",
        "http://www.opengis.net/def/crs/EPSG/0/3301");
    private static final List<String> KINDS = List.of("city", "capital", "border_town", "military_site", "airfield",
        "crossing");
    private static final List<String> DRONE_CLASSES = List.of("fpv", "loitering_munition", "reconnaissance",
        "one_way_attack");
    /** Country codes as /places takes them: alpha-3 or alpha-2 (RUS-KGD is no GeoNames country). */
    private static final List<String> PLACE_COUNTRIES = List.of("BLR", "EST", "LTU", "LVA", "POL", "RUS", "UKR", "BY",
        "ee", "LT", "lv", "PL", "RU", "UA", "FIN", "DE");
    /** The collections that are also tile sets (OGC API - Tiles). */
    private static final List<String> TILED_COLLECTIONS = List.of("countries", "borders", "sites");
    static final String OGC_TILE = "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}";
    /** Operations and their relative weights (cheap ones often, renderings and the deck rarely). */
    private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>();

    static {
        for (String cheap : List.of("/health", "/ready", "/metrics", "/datasets", "/drones", "/claims",
            "/openapi.yaml", "/openapi.json", "/api.html", "/countries", "/borders", "/sites", "/claims/{id}", "/conformance",
            "/collections", "/collections/{collectionId}", "/tiles/tilejson.json", "/")) {
            WEIGHTS.put(cheap, 2);
        }
        for (String work : List.of("/distance", "/distance/points", "/distance/countries", "/sites/{id}",
            "/tiles/{z}/{x}/{y}.mvt", "/collections/countries/items", "/collections/borders/items",
            "/collections/sites/items", "/collections/claims/items", "/collections/drones/items",
            "/collections/coverage-blr/items", "/collections/coverage-rus/items", "/collections/time-rings/items",
            "/collections/{collectionId}/items/{featureId}")) {
            WEIGHTS.put(work, 5);
        }
        WEIGHTS.put("/coverage", 8);
        WEIGHTS.put("/coverage/stats", 8);
        WEIGHTS.put("/maps/coverage.png", 1);
        WEIGHTS.put("/maps/coverage.svg", 1);
        WEIGHTS.put("/maps/claims.png", 1);
        WEIGHTS.put("/maps/claims.svg", 1);
        for (String cheap : List.of("/layers", "/tiles/style.json", "/tileMatrixSets", "/tileMatrixSets/WebMercatorQuad",
            "/tiles", "/tiles/metadata.json", "/tiles/WebMercatorQuad", "/collections/{collectionId}/tiles",
            "/collections/{collectionId}/tiles/WebMercatorQuad")) {
            WEIGHTS.put(cheap, 2);
        }
        for (String work : List.of("/places", "/claims/check", OGC_TILE, "/collections/{collectionId}" + OGC_TILE)) {
            WEIGHTS.put(work, 5);
        }
        for (String cheap : List.of("/processes", "/processes/{processId}", "/jobs")) {
            WEIGHTS.put(cheap, 2);
        }
    }

    private final Random rnd;
    private final Map<String, List<String>> sitesByKind = new TreeMap<>();
    private final Map<String, Map<String, Integer>> kindCountByCountry = new TreeMap<>();
    private final List<String> sites = new ArrayList<>();
    private final List<String> siteNames = new ArrayList<>();
    private final List<String> geonamesIds = new ArrayList<>();
    private final List<String> borders = new ArrayList<>();
    private final List<String> drones = new ArrayList<>();
    private final List<String> claims = new ArrayList<>();
    private final Map<String, List<String>> coverageFeatures = new TreeMap<>();
    private final List<Q> coveragePool = new ArrayList<>();
    private final int totalWeight;
    private int poolDraws;

    ValidRequests(long seed, int poolSize) {
        rnd = new Random(seed);
        ObjectMapper m = new ObjectMapper();
        try {
            for (JsonNode s : m.readTree(ServerFixture.get("/sites").body()).get("sites")) {
                String id = s.get("id").asText();
                String kind = s.get("kind").asText();
                sites.add(id);
                siteNames.add(s.get("name_en").asText());
                if (s.hasNonNull("geonames_id")) {
                    geonamesIds.add(s.get("geonames_id").asText());
                }
                sitesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
                kindCountByCountry.computeIfAbsent(kind, k -> new TreeMap<>())
                    .merge(s.get("country").asText(), 1, Integer::sum);
            }
            for (JsonNode b : m.readTree(ServerFixture.get("/borders").body()).get("features")) {
                // the world's borders: the European ones only (both datasets draw them under the same ids, and
                // a map in EPSG:3035, which the generator may ask for, is refused outside Europe)
                String id = b.get("id").asText();
                if (java.util.Arrays.stream(id.split("-")).allMatch(EUROPE::contains)) {
                    borders.add(id);
                }
            }
            for (JsonNode d : m.readTree(ServerFixture.get("/drones").body()).get("drones")) {
                drones.add(d.get("id").asText());
            }
            for (JsonNode c : m.readTree(ServerFixture.get("/claims").body()).get("claims")) {
                claims.add(c.get("id").asText());
            }
            for (String layer : List.of("coverage-blr", "coverage-rus")) {
                List<String> ids = new ArrayList<>();
                for (JsonNode f : m.readTree(ServerFixture.get("/collections/" + layer + "/items?limit=1000").body())
                    .get("features")) {
                    ids.add(f.get("id").asText());
                }
                coverageFeatures.put(layer, ids);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        coveragePool.add(multiSourceBeyond()); // the combination that once answered 500
        for (int i = 1; i < poolSize; i++) {
            coveragePool.add(coverageSpec());
        }
        totalWeight = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The operations this generator draws valid requests for (the others are fuzzed by FuzzTest's random cases). */
    static java.util.Set<String> operations() {
        return java.util.Collections.unmodifiableSet(WEIGHTS.keySet());
    }

    /** The next valid request. */
    Case next() {
        int w = rnd.nextInt(totalWeight);
        String template = null;
        for (Map.Entry<String, Integer> e : WEIGHTS.entrySet()) {
            w -= e.getValue();
            if (w < 0) {
                template = e.getKey();
                break;
            }
        }
        return build(template);
    }

    /** A valid request for this operation. */
    Case build(String template) {
        Q q = new Q();
        String path = template;
        boolean expensive = false;
        switch (template) {
            case "/distance" -> {
                if (rnd.nextBoolean()) {
                    q.add("from", pick(sites));
                } else {
                    q.add("lat", lat(-89.9, 89.9)).add("lon", lon(-180, 180));
                }
                q.add("to", pick(COUNTRIES));
                if (rnd.nextInt(3) > 0) {
                    q.add("border", rnd.nextBoolean() ? "political" : "land");
                }
                dataset(q);
            }
            case "/places" -> {
                // a whole site name, or the first letters of one of its words (every word of q must begin a word)
                String name = pick(siteNames);
                String[] words = name.split("[\\s,()/-]+");
                String word = words[rnd.nextInt(words.length)];
                q.add("q", rnd.nextBoolean() || word.length() < 2 ? name : word.substring(0, 2 + rnd.nextInt(
                    word.length() - 1)));
                if (rnd.nextInt(3) == 0) {
                    q.add("country", pick(PLACE_COUNTRIES));
                }
                if (rnd.nextBoolean()) {
                    q.add("limit", Integer.toString(1 + rnd.nextInt(100)));
                }
            }
            case "/claims/check" -> {
                switch (rnd.nextInt(3)) {
                    case 0 -> q.add("place", pick(sites));
                    case 1 -> q.add("place", geonamesIds.isEmpty() ? pick(sites) : pick(geonamesIds));
                    default -> q.add("lat", lat(-89.9, 89.9)).add("lon", lon(-180, 180));
                }
                q.add("to", pick(COUNTRIES)).add("claimed_km", fmt(0.01 + rnd.nextDouble() * (rnd.nextBoolean() ? 100
                    : 19_999)));
            }
            case "/layers", "/tiles/metadata.json", "/tiles/style.json" -> {
                if (!template.equals("/layers")) {
                    dataset(q);
                }
            }
            case "/tileMatrixSets", "/tileMatrixSets/WebMercatorQuad", "/tiles", "/tiles/WebMercatorQuad" -> {
                if (rnd.nextBoolean()) {
                    q.add("f", "json");
                }
                dataset(q);
            }
            case "/collections/{collectionId}/tiles", "/collections/{collectionId}/tiles/WebMercatorQuad" -> {
                path = template.replace("{collectionId}", pick(TILED_COLLECTIONS));
                if (rnd.nextBoolean()) {
                    q.add("f", "json");
                }
                dataset(q);
            }
            case OGC_TILE, "/collections/{collectionId}" + OGC_TILE -> {
                String[] zxy = tile().replace(".mvt", "").split("/"); // "", "tiles", z, x, y
                path = (template.startsWith("/collections/") ? "/collections/" + pick(TILED_COLLECTIONS) : "")
                    + "/tiles/WebMercatorQuad/" + zxy[2] + "/" + zxy[4] + "/" + zxy[3];
                dataset(q);
            }
            case "/distance/points" -> q.add("a", pointOrSite()).add("b", pointOrSite());
            case "/distance/countries" -> {
                String a = pick(COUNTRIES);
                String b = pick(COUNTRIES);
                while (b.equals(a) || (a + b).contains("RUS") && (a + b).contains("RUS-KGD")) {
                    a = pick(COUNTRIES);
                    b = pick(COUNTRIES);
                }
                q.add("a", a).add("b", b);
                dataset(q);
            }
            case "/countries", "/borders", "/tiles/tilejson.json", "/sites/{id}" -> {
                dataset(q);
                path = template.replace("{id}", pick(sites));
            }
            case "/sites" -> {
                if (rnd.nextBoolean()) {
                    q.add("kind", pick(KINDS));
                }
                if (rnd.nextBoolean()) {
                    q.add("country", pick(COUNTRIES));
                }
            }
            case "/claims/{id}" -> path = "/claims/" + pick(claims);
            case "/processes/{processId}" -> path = "/processes/" + pick(List.of("coverage", "distance-batch"));
            case "/" -> {
                if (rnd.nextInt(3) == 0) {
                    q.add("f", rnd.nextBoolean() ? "json" : "html");
                }
                dataset(q);
            }
            case "/conformance", "/collections" -> {
                if (rnd.nextBoolean()) {
                    q.add("f", "json");
                }
                dataset(q);
            }
            case "/collections/{collectionId}" -> {
                path = "/collections/" + pick(List.of("countries", "borders", "sites", "claims", "drones",
                    "coverage-blr", "coverage-rus", "time-rings"));
                if (rnd.nextBoolean()) {
                    q.add("f", "json");
                }
                dataset(q);
            }
            case "/collections/{collectionId}/items/{featureId}" -> {
                String[] cf = feature();
                path = "/collections/" + cf[0] + "/items/" + cf[1];
                itemsFormat(q);
                simplification(q);
                if (cf[0].startsWith("coverage") || cf[0].equals("borders") || cf[0].equals("countries")) {
                    q.add("dataset", "osm10m"); // feature ids are those of the osm10m layers
                } else {
                    dataset(q);
                }
            }
            case "/tiles/{z}/{x}/{y}.mvt" -> {
                path = tile();
                dataset(q);
            }
            case "/coverage", "/coverage/stats", "/maps/coverage.png", "/maps/coverage.svg" -> {
                expensive = true;
                q = pool(template.startsWith("/maps/"));
                if (template.equals("/coverage") && rnd.nextInt(3) == 0) {
                    q.add("f", pick(List.of("json", "geojson", "kml", "kmz")));
                }
                if (template.startsWith("/maps/")) {
                    mapLook(q);
                }
            }
            case "/maps/claims.png", "/maps/claims.svg" -> {
                expensive = true;
                if (rnd.nextBoolean()) {
                    q.add("claim", pick(claims));
                }
                dataset(q);
                mapLook(q);
            }
            default -> {
                if (template.startsWith("/collections/")) {
                    items(template, q);
                }
            }
        }
        return new Case(template, path + q, expensive, null);
    }

    /**
     * The same request with exactly one parameter made invalid (out of range, not in its enum, malformed) or an
     * unknown parameter added; null when the operation has no parameter to spoil.
     */
    Case invalid(Case valid) {
        String url = valid.url();
        int qm = url.indexOf('?');
        if (qm < 0 || rnd.nextInt(4) == 0) {
            return valid.withBad(url + (qm < 0 ? "?" : "&") + "unknown_param=1", "unknown_param");
        }
        String[] pairs = url.substring(qm + 1).split("&");
        int i = rnd.nextInt(pairs.length);
        String name = java.net.URLDecoder.decode(pairs[i].split("=", 2)[0], StandardCharsets.UTF_8);
        if (url.startsWith("/collections/") && List.of("a", "b", "country", "code", "kind", "target", "verdict",
            "drone", "drone_class", "source", "minutes").contains(name)) {
            // an OGC API - Features property filter: a value that matches nothing is an empty page, not an error
            name = "";
        }
        String bad = switch (name) {
            case "lat" -> pick(List.of("91", "-90.5", "NaN", "abc"));
            case "lon" -> pick(List.of("181", "-180.01", "Infinity"));
            case "range_km" -> pick(List.of("0.5", "2500.5", "-3", "x"));
            case "width" -> pick(List.of("5000", "10", "wide"));
            case "height" -> pick(List.of("5000", "10"));
            case "dpi" -> pick(List.of("20", "2000"));
            case "limit" -> pick(List.of("0", "1001", "-1", "ten"));
            case "offset" -> pick(List.of("-1", "x"));
            case "dataset" -> pick(List.of("osm", "ne10", "nope"));
            case "mode" -> pick(List.of("outside", "none"));
            // FRA is a country of the world data now: codes that name no country
            case "to", "a", "b", "from", "country", "site_country", "code", "target" -> pick(List.of("QQQ", "XXX", "Б"));
            case "border" -> pick(List.of("sea", "coast", "LAND1"));
            case "q" -> pick(List.of(" ", "x".repeat(101)));
            case "claimed_km" -> pick(List.of("0", "-2", "20001", "ten", "NaN"));
            case "place" -> pick(List.of("no-such-site", "999999999999"));
            case "kind", "site_kind" -> "castle";
            case "projection" -> "EPSG:4326";
            case "transparent" -> "maybe";
            case "f" -> "gml";
            case "crs", "bbox-crs" -> "http://www.opengis.net/def/crs/EPSG/0/9999";
            case "zoom-level" -> pick(List.of("-1", "24.5", "x", "NaN"));
            case "max-allowable-offset" -> pick(List.of("-0.5", "1e9", "far"));
            case "bbox" -> pick(List.of("1,2,3", "20,50,x,60"));
            default -> null;
        };
        if (bad == null) {
            return valid.withBad(url + "&unknown_param=1", "unknown_param");
        }
        pairs[i] = enc(name) + "=" + enc(bad);
        return valid.withBad(url.substring(0, qm + 1) + String.join("&", pairs), name);
    }

    private Q multiSourceBeyond() {
        Q q = new Q();
        if (rnd.nextBoolean()) {
            q.list("from", distinct(COVERAGE_COUNTRIES, 2 + rnd.nextInt(2)));
        } else {
            q.list("site", distinct(sites, 2 + rnd.nextInt(2)));
        }
        q.add("range_km", fmt(SMALL_RANGES_KM[rnd.nextInt(SMALL_RANGES_KM.length)])).add("mode", "beyond");
        dataset(q);
        return q;
    }

    /** Whether the request has several sources and mode=beyond. */
    static boolean multiSourceBeyond(String url) {
        if (!url.contains("mode=beyond")) {
            return false;
        }
        for (String name : List.of("from", "site")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
            int count = 0;
            while (m.find()) {
                count += m.group(1).split("%2C").length;
            }
            if (count > 1) {
                return true;
            }
        }
        return false;
    }

    private Q coverageSpec() {
        Q q = new Q();
        boolean large = rnd.nextInt(6) == 0;
        int kind = rnd.nextInt(5);
        boolean territory = true;
        switch (kind) {
            case 0 -> q.list("from", large ? List.of(pick(SMALL_SOURCES)) : distinct(COVERAGE_COUNTRIES, 1 + rnd.nextInt(3)));
            case 1 -> {
                q.list("border", distinct(borders, large ? 1 : 1 + rnd.nextInt(2)));
                territory = false;
            }
            case 2 -> q.list("site", distinct(sites, large ? 1 : 1 + rnd.nextInt(3)));
            case 3 -> {
                String k = pick(List.of("airfield", "military_site", "crossing", "border_town", "capital"));
                q.add("site_kind", k);
                if (rnd.nextBoolean()) {
                    q.add("site_country", pick(new ArrayList<>(kindCountByCountry.get(k).keySet())));
                }
            }
            default -> q.add("lat", lat(45, 60)).add("lon", lon(15, 40));
        }
        if (rnd.nextInt(5) == 0) {
            q.add("drone", pick(drones));
        } else {
            double[] ranges = large ? LARGE_RANGES_KM : SMALL_RANGES_KM;
            q.add("range_km", fmt(ranges[rnd.nextInt(ranges.length)]));
        }
        if (territory && rnd.nextInt(3) > 0) {
            q.add("mode", rnd.nextBoolean() ? "beyond" : "full");
        }
        dataset(q);
        return q;
    }

    /** A pooled coverage specification; on a map, the range may become several (up to five) or drones. */
    private Q pool(boolean map) {
        // the first draw is the multi-source beyond entry, so every run computes one
        Q spec = coveragePool.get(poolDraws++ == 0 ? 0 : rnd.nextInt(coveragePool.size()));
        Q q = new Q();
        for (String[] p : spec.params) {
            if (map && p[0].equals("range_km") && rnd.nextBoolean()) {
                List<String> ranges = new ArrayList<>(List.of(p[1]));
                for (double r : SMALL_RANGES_KM) {
                    if (ranges.size() < 1 + rnd.nextInt(5) && r < Double.parseDouble(p[1]) && rnd.nextBoolean()) {
                        ranges.add(fmt(r));
                    }
                }
                q.list("range_km", ranges);
            } else {
                q.add(p[0], p[1]);
            }
        }
        return q;
    }

    private void mapLook(Q q) {
        q.add("width", Integer.toString(320 + rnd.nextInt(400))).add("height", Integer.toString(320 + rnd.nextInt(160)));
        if (rnd.nextBoolean()) {
            q.add("dpi", Integer.toString(72 + rnd.nextInt(120)));
        }
        if (rnd.nextBoolean()) {
            q.add("transparent", rnd.nextBoolean() ? "true" : "false");
        }
        if (rnd.nextBoolean()) {
            q.add("projection", rnd.nextBoolean() ? "local" : "EPSG:3035");
        }
    }

    private void items(String template, Q q) {
        String collection = template.split("/")[2];
        if (collection.equals("countries")) {
            // a page of the world's countries at full resolution is tens of MB: a few countries a request
            q.add("limit", Integer.toString(1 + rnd.nextInt(3)));
        } else if (rnd.nextBoolean()) {
            q.add("limit", Integer.toString(rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(1000) : 1 + rnd.nextInt(10)));
        }
        if (rnd.nextInt(3) == 0) {
            q.add("offset", Integer.toString(rnd.nextInt(30)));
        }
        if (rnd.nextInt(3) == 0) {
            double x0 = -180 + rnd.nextDouble() * 350;
            double y0 = -85 + rnd.nextDouble() * 160;
            double x1 = Math.min(180, x0 + 0.5 + rnd.nextDouble() * 30);
            double y1 = Math.min(90, y0 + 0.5 + rnd.nextDouble() * 20);
            if (rnd.nextInt(3) == 0) { // the region itself, so that boxes also find features
                x0 = 20 + rnd.nextDouble() * 8;
                y0 = 50 + rnd.nextDouble() * 6;
                x1 = x0 + 1 + rnd.nextDouble() * 6;
                y1 = y0 + 1 + rnd.nextDouble() * 4;
            }
            if (rnd.nextBoolean()) {
                q.add("bbox", fmt(y0) + "," + fmt(x0) + "," + fmt(y1) + "," + fmt(x1))
                    .add("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4326");
            } else {
                q.add("bbox", fmt(x0) + "," + fmt(y0) + "," + fmt(x1) + "," + fmt(y1));
                if (rnd.nextBoolean()) {
                    q.add("bbox-crs", CRS.get(0));
                }
            }
        }
        if (rnd.nextInt(4) == 0) {
            q.add("datetime", pick(List.of("2026-01-01T00:00:00Z", "2025-01-24T14:17:00Z/..", "../2026-01-01T00:00:00Z",
                "2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")));
        }
        itemsFormat(q);
        simplification(q);
        if (collection.startsWith("coverage") || collection.equals("time-rings")) {
            q.add("dataset", "osm10m"); // each dataset's coverage layers take seconds to build once
        } else {
            dataset(q);
        }
        switch (collection) {
            case "countries" -> maybe(q, "code", COUNTRIES);
            case "borders" -> {
                maybe(q, "a", COUNTRIES);
                maybe(q, "b", COUNTRIES);
            }
            case "sites" -> {
                maybe(q, "kind", KINDS);
                maybe(q, "country", COUNTRIES);
            }
            case "claims" -> {
                maybe(q, "target", COUNTRIES);
                maybe(q, "verdict", List.of("accurate", "overstated", "understated"));
            }
            case "drones" -> maybe(q, "drone_class", DRONE_CLASSES);
            case "time-rings" -> {
                maybe(q, "source", List.of("BLR", "RUS-KGD"));
                maybe(q, "drone", drones);
                maybe(q, "minutes", List.of("5", "10", "15", "30", "60"));
            }
            default -> {
                maybe(q, "drone", drones);
                maybe(q, "drone_class", DRONE_CLASSES);
            }
        }
    }

    /** Sometimes a zoom level, sometimes an offset valid in any CRS's units (degrees up to 10, metres up to 1e6). */
    private void simplification(Q q) {
        int r = rnd.nextInt(6);
        if (r == 0) {
            q.add("zoom-level", rnd.nextBoolean() ? Integer.toString(rnd.nextInt(25)) : fmt(rnd.nextDouble() * 24));
        } else if (r == 1) {
            q.add("max-allowable-offset", fmt(0.001 + rnd.nextDouble() * 5));
        }
    }

    private void itemsFormat(Q q) {
        boolean kml = rnd.nextInt(4) == 0;
        if (kml) {
            q.add("f", rnd.nextBoolean() ? "kml" : "kmz");
            if (rnd.nextBoolean()) {
                q.add("crs", CRS.get(0)); // KML is longitude/latitude only
            }
            return;
        }
        if (rnd.nextBoolean()) {
            q.add("f", rnd.nextBoolean() ? "json" : "geojson");
        }
        if (rnd.nextBoolean()) {
            q.add("crs", pick(CRS));
        }
    }

    private String[] feature() {
        String c = pick(List.of("countries", "borders", "sites", "claims", "drones", "coverage-blr", "coverage-rus"));
        List<String> ids = switch (c) {
            case "countries" -> COUNTRIES;
            case "borders" -> borders;
            case "sites" -> sites;
            case "claims" -> claims;
            case "drones" -> drones;
            default -> coverageFeatures.get(c);
        };
        return new String[] {c, pick(ids)};
    }

    /** A tile over the region most of the time (so that it has features), anywhere otherwise. */
    private String tile() {
        int z = rnd.nextInt(15);
        long n = 1L << z;
        long x;
        long y;
        if (rnd.nextInt(4) > 0) {
            double lon = 20 + rnd.nextDouble() * 12;
            double lat = 50 + rnd.nextDouble() * 10;
            x = (long) Math.floor((lon + 180) / 360 * n);
            double latRad = Math.toRadians(lat);
            y = (long) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
        } else {
            x = (long) (rnd.nextDouble() * n);
            y = (long) (rnd.nextDouble() * n);
        }
        return "/tiles/" + z + "/" + x + "/" + y + ".mvt";
    }

    private String pointOrSite() {
        return rnd.nextInt(3) == 0 ? pick(sites) : lat(-90, 90) + "," + lon(-180, 180);
    }

    private void dataset(Q q) {
        int d = rnd.nextInt(3);
        if (d > 0) {
            q.add("dataset", d == 1 ? "osm10m" : "ne10m");
        }
    }

    private void maybe(Q q, String name, List<String> values) {
        if (rnd.nextInt(3) == 0) {
            q.add(name, pick(values));
        }
    }

    private String lat(double min, double max) {
        return fmt(min + rnd.nextDouble() * (max - min));
    }

    private String lon(double min, double max) {
        return fmt(min + rnd.nextDouble() * (max - min));
    }

    private static String fmt(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.5f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private <T> T pick(List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private List<String> distinct(List<String> values, int n) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, rnd);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A query string under construction; a list is either comma-separated or repeated (both documented). */
    /** Codes of European states (the borders the generator draws sources from). */
    private static final java.util.Set<String> EUROPE = java.util.Set.of("ALB", "AND", "AUT", "BEL", "BGR", "BIH",
        "BLR", "CHE", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HRV", "HUN", "IRL", "ITA", "LIE",
        "LTU", "LUX", "LVA", "MDA", "MKD", "MNE", "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "KGD", "SRB", "SVK", "SVN",
        "SWE", "UKR", "XKX");

    private final class Q {
        final List<String[]> params = new ArrayList<>();

        Q add(String name, String value) {
            params.add(new String[] {name, value});
            return this;
        }

        Q list(String name, List<String> values) {
            if (values.size() > 1 && rnd.nextBoolean()) {
                values.forEach(v -> add(name, v));
            } else {
                add(name, String.join(",", values));
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (String[] p : params) {
                s.append(s.length() == 0 ? '?' : '&').append(enc(p[0])).append('=').append(enc(p[1]));
            }
            return s.toString();
        }
    }
}
