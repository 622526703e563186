package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per abstract test of OGC API - Features that the rest of the suite did not cover yet, named after it:
 * Part 1: Core (OGC 17-069r4, Annex A), conformance classes OpenAPI 3.0 ({@code /conf/oas30}) and GeoJSON
 * ({@code /conf/geojson}); Part 2: Coordinate Reference Systems by Reference (OGC 18-058r1, Annex A,
 * {@code /conf/crs}). Each javadoc quotes the abstract test's path and purpose; the test does what its test method
 * says against the running server. Abstract tests covered elsewhere (not repeated here):
 * <ul>
 *   <li>/conf/oas30/oas-definition-1, its JSON half: {@link OgcApiTest} theLandingPageLinksTheOpenApiDocumentAsJson;</li>
 *   <li>/conf/oas30/oas-definition-2: {@link OpenApiJsonTest} openapiJsonIsAValidOpenApi30Document;</li>
 *   <li>/conf/oas30/completeness and /conf/oas30/exceptions-codes: {@link ContractTest}
 *   validRequestsAndTheirResponsesMatchTheContract, errorResponsesMatchTheContract (an undocumented status or
 *   response fails the validator);</li>
 *   <li>/conf/crs/crs-transform (crs-parameter-transform): GdalOapifTest servedCoordinatesMatchProjAndTheEpsgAxisOrder
 *   (PROJ's coordinates and the EPSG axis order for every served CRS);</li>
 *   <li>/conf/crs/bbox-crs-parameter: {@link BboxCrsTest}.</li>
 * </ul>
 */
class FeaturesConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String CRS84H = "http://www.opengis.net/def/crs/OGC/1.3/CRS84h";
    /** Not in any collection's crs list. */
    private static final String UNSUPPORTED = "http://www.opengis.net/def/crs/EPSG/0/9999";
    private static final String GEOJSON = "application/geo+json";
    /** OGC http-URI of a CRS, OGC 09-048r5: http://www.opengis.net/def/crs/{authority}/{version}/{code}. */
    private static final Pattern OGC_CRS_URI =
        Pattern.compile("http://www\\.opengis\\.net/def/crs/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    // ---- /conf/oas30 -------------------------------------------------------------------------------------------

    /**
     * /conf/oas30/oas-definition-1: "Verify that JSON and HTML versions of the OpenAPI document are available."
     * An OpenAPI definition in JSON with media type {@code application/vnd.oai.openapi+json;version=3.0} and link
     * relation {@code service-desc}; an HTML version with media type {@code text/html} and relation
     * {@code service-doc}.
     */
    @Test
    @DisplayName("/conf/oas30/oas-definition-1: the API definition as OpenAPI JSON (service-desc) and as HTML (service-doc)")
    void oas30OasDefinition1() throws Exception {
        JsonNode landing = json("/");
        String desc = link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0");
        assertThat(desc).as("service-desc application/vnd.oai.openapi+json;version=3.0").isNotNull();
        HttpResponse<String> json = get(desc, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/vnd.oai.openapi+json");
        assertThat(JSON.readTree(json.body()).get("openapi").asText()).startsWith("3.0");
        String doc = link(landing, "service-doc", "text/html");
        assertThat(doc).as("service-doc text/html").isNotNull();
        HttpResponse<String> html = get(doc, "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    /**
     * /conf/oas30/oas-impl: "Verify that all capabilities specified in the OpenAPI definition are implemented by
     * the API." A path from each URL template with every server URL option and every enumerated path parameter;
     * each path performs as the definition says: here, GET of each (without query parameters) answers neither
     * 404, 405 nor 5xx, and its answer (a success, or the documented 400 of an operation with required
     * parameters) validates against the definition. Templates with a path parameter that is not enumerated have
     * no path to construct; ContractTest requests them with real identifiers.
     */
    @Test
    @DisplayName("/conf/oas30/oas-impl: every path of the definition is implemented as defined")
    void oas30OasImpl() throws Exception {
        JsonNode api = json("/openapi.json");
        assertThat(api.get("servers")).isNotEmpty(); // one server option: the base URL the test server replaces
        List<String> paths = new ArrayList<>();
        api.get("paths").properties().forEach(e -> {
            JsonNode get = e.getValue().get("get");
            if (get != null) {
                paths.addAll(expand(e.getKey(), pathParameters(api, e.getValue(), get)));
            }
        });
        assertThat(paths).contains("/", "/conformance", "/collections", "/collections/sites/items",
            "/collections/countries/tiles");
        for (String path : paths) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isNotIn(404, 405).isLessThan(500);
            ValidationReport report = ContractTest.VALIDATOR.validateResponse(path, Request.Method.GET,
                ContractTest.response(r));
            assertThat(report.getMessages()).as(path + " -> " + r.statusCode()).isEmpty();
        }
    }

    /**
     * /conf/oas30/security: "Verify that any authentication protocols implemented by the API are documented in
     * the OpenAPI document." The API implements none: every operation is answered without credentials, and the
     * definition declares no security scheme and no security requirement.
     */
    @Test
    @DisplayName("/conf/oas30/security: no authentication implemented, none declared")
    void oas30Security() throws Exception {
        JsonNode api = json("/openapi.json");
        assertThat(api.has("security")).isFalse();
        assertThat(api.path("components").has("securitySchemes")).isFalse();
        api.get("paths").properties().forEach(p -> p.getValue().properties()
            .forEach(op -> assertThat(op.getValue().has("security")).as(p.getKey() + " " + op.getKey()).isFalse()));
        for (String path : List.of("/", "/collections/sites/items", "/processes", "/jobs")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
        }
    }

    // ---- /conf/geojson -----------------------------------------------------------------------------------------

    /**
     * /conf/geojson/definition: "Verify support for JSON and GeoJSON." A resource is requested with the response
     * media type {@code application/geo+json}; every 200 answer supports {@code application/geo+json} for resources
     * with feature content and {@code application/json} for all others.
     */
    @Test
    @DisplayName("/conf/geojson/definition: features as application/geo+json, other resources as application/json")
    void geojsonDefinition() throws Exception {
        for (String path : List.of("/", "/conformance", "/collections")) {
            assertMediaType(path, "application/json", "application/json");
        }
        for (String id : collections().keySet()) {
            assertMediaType("/collections/" + id, "application/json", "application/json");
            assertMediaType("/collections/" + id + "/items?limit=2", GEOJSON, GEOJSON);
            assertMediaType("/collections/" + id + "/items/" + firstFeatureId(id), GEOJSON, GEOJSON);
        }
    }

    /**
     * /conf/geojson/content: "Verify the content of a GeoJSON document given an input document and schema."
     * The document is GeoJSON, validates against the schema, and the {@code id} of the Feature answered to
     * {@code /collections/{collectionId}/items/{featureId}} is that {@code featureId}; the links of /req/core/fc-links
     * and /req/core/f-links are in a foreign member {@code links}.
     */
    @Test
    @DisplayName("/conf/geojson/content: FeatureCollection and Feature, valid, with links, and id = featureId")
    void geojsonContent() throws Exception {
        for (String id : collections().keySet()) {
            String items = "/collections/" + id + "/items?limit=3";
            HttpResponse<String> page = get(items, GEOJSON);
            assertValidAgainstTheDefinition(items, page);
            JsonNode fc = JSON.readTree(page.body());
            assertThat(fc.get("type").asText()).as(items).isEqualTo("FeatureCollection");
            assertThat(fc.get("features").isArray()).as(items).isTrue();
            assertThat(rels(fc)).as(items).contains("self");
            for (JsonNode f : fc.get("features")) {
                assertGeoJsonFeature(items, f);
                String one = "/collections/" + id + "/items/"
                    + URLEncoder.encode(f.get("id").asText(), StandardCharsets.UTF_8);
                HttpResponse<String> r = get(one, GEOJSON);
                assertValidAgainstTheDefinition(one, r);
                JsonNode feature = JSON.readTree(r.body());
                assertGeoJsonFeature(one, feature);
                assertThat(feature.get("id").asText()).as(one).isEqualTo(f.get("id").asText());
                assertThat(rels(feature)).as(one).contains("self", "collection");
            }
        }
    }

    // ---- /conf/crs (Part 2) ------------------------------------------------------------------------------------

    /**
     * /conf/crs/crs-uri: "Verify that each CRS identifier is a valid value." Every string in a {@code crs} or
     * {@code storageCrs} property of the collections at {@code /collections} and {@code /collections/{collectionId}}
     * (and of the global list) is a URI (RFC 3986), an http-URI, and an OGC CRS URI of the OGC name type
     * specification; {@code #/crs} is accepted in a collection at {@code /collections} when the global list exists.
     */
    @Test
    @DisplayName("/conf/crs/crs-uri: every crs and storageCrs value is an OGC CRS URI")
    void crsCrsUri() throws Exception {
        JsonNode all = json("/collections");
        List<String> values = new ArrayList<>();
        boolean global = all.has("crs");
        if (global) {
            all.get("crs").forEach(v -> values.add(v.asText()));
        }
        for (JsonNode c : all.get("collections")) {
            c.path("crs").forEach(v -> {
                if (!(global && v.asText().equals("#/crs"))) {
                    values.add(v.asText());
                }
            });
            values.add(c.get("storageCrs").asText());
            JsonNode one = json("/collections/" + c.get("id").asText());
            one.get("crs").forEach(v -> values.add(v.asText()));
            values.add(one.get("storageCrs").asText());
        }
        assertThat(values).isNotEmpty().contains(CRS84);
        for (String v : values) {
            URI uri = URI.create(v); // throws on a string that is not an RFC 3986 URI reference
            assertThat(uri.getScheme()).as(v).isEqualTo("http");
            assertThat(uri.getHost()).as(v).isEqualTo("www.opengis.net");
            assertThat(OGC_CRS_URI.matcher(v).matches()).as(v).isTrue();
        }
    }

    /**
     * /conf/crs/default-crs: "Verify that the list of supported CRSs includes the default CRS." Each {@code crs}
     * array of a spatial feature collection (at {@code /collections} and {@code /collections/{collectionId}})
     * includes CRS84 or CRS84h.
     */
    @Test
    @DisplayName("/conf/crs/default-crs: every spatial collection's crs list holds CRS84")
    void crsDefaultCrs() throws Exception {
        for (Map.Entry<String, JsonNode> c : collections().entrySet()) {
            for (JsonNode collection : List.of(c.getValue(), json("/collections/" + c.getKey()))) {
                assertThat(texts(crsList(collection))).as(c.getKey()).containsAnyOf(CRS84, CRS84H);
            }
        }
    }

    /**
     * /conf/crs/storageCrs: "Verify that the storage CRS identifier is a valid value." The {@code storageCrs} of
     * each collection at {@code /collections} and {@code /collections/{collectionId}} is in its {@code crs} list
     * (or in the global list where that list holds {@code #/crs}).
     */
    @Test
    @DisplayName("/conf/crs/storageCrs: each storageCrs is one of the collection's CRSs")
    void crsStorageCrs() throws Exception {
        for (JsonNode c : json("/collections").get("collections")) {
            String id = c.get("id").asText();
            for (JsonNode collection : List.of(c, json("/collections/" + id))) {
                assertThat(collection.has("storageCrs")).as(id).isTrue();
                assertThat(texts(crsList(collection))).as(id).contains(collection.get("storageCrs").asText());
            }
        }
    }

    /**
     * /conf/crs/crs-parameter: "Verify that the parameter {@code crs} has been implemented correctly." For each
     * spatial feature collection and every CRS it lists, {@code crs} sent to {@code /collections/{id}/items} and
     * {@code /collections/{id}/items/{featureId}}: a valid Features or Feature answer, status 200, and a
     * {@code Content-Crs} header with the requested CRS identifier.
     */
    @Test
    @DisplayName("/conf/crs/crs-parameter: every listed CRS answers 200 with Content-Crs = the requested CRS")
    void crsCrsParameter() throws Exception {
        for (Map.Entry<String, JsonNode> c : collections().entrySet()) {
            String fid = firstFeatureId(c.getKey());
            for (String crs : texts(crsList(c.getValue()))) {
                String q = "crs=" + URLEncoder.encode(crs, StandardCharsets.UTF_8);
                for (String path : List.of("/collections/" + c.getKey() + "/items?limit=1&" + q,
                    "/collections/" + c.getKey() + "/items/" + fid + "?" + q)) {
                    HttpResponse<String> r = get(path, GEOJSON);
                    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
                    assertThat(r.headers().firstValue("Content-Crs")).as(path).hasValue("<" + crs + ">");
                    String type = JSON.readTree(r.body()).get("type").asText();
                    assertThat(type).as(path).isEqualTo(path.contains("/items?") ? "FeatureCollection" : "Feature");
                }
            }
        }
    }

    /**
     * /conf/crs/crs-parameter-invalid: "Verify that invalid values in the parameter {@code crs} are reported." An
     * unsupported CRS identifier sent to {@code /collections/{id}/items} and {@code /collections/{id}/items/{featureId}}
     * of each spatial feature collection is answered 400.
     */
    @Test
    @DisplayName("/conf/crs/crs-parameter-invalid: an unsupported crs is 400 on items and on a feature")
    void crsCrsParameterInvalid() throws Exception {
        for (String id : collections().keySet()) {
            for (String path : List.of("/collections/" + id + "/items?crs=" + UNSUPPORTED,
                "/collections/" + id + "/items/" + firstFeatureId(id) + "?crs=" + UNSUPPORTED)) {
                assertThat(get(path, GEOJSON).statusCode()).as(path).isEqualTo(400);
            }
        }
    }

    /**
     * /conf/crs/crs-parameter-default: "Verify that the default value for parameter {@code crs} has been
     * implemented correctly." Without {@code crs}, the answer of each spatial feature collection carries a
     * {@code Content-Crs} header with the collection's default CRS (CRS84, Part 1's default).
     */
    @Test
    @DisplayName("/conf/crs/crs-parameter-default: without crs, Content-Crs is CRS84")
    void crsCrsParameterDefault() throws Exception {
        for (String id : collections().keySet()) {
            for (String path : List.of("/collections/" + id + "/items?limit=1",
                "/collections/" + id + "/items/" + firstFeatureId(id))) {
                HttpResponse<String> r = get(path, GEOJSON);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Crs")).as(path).hasValue("<" + CRS84 + ">");
            }
        }
    }

    /**
     * /conf/crs/bbox-crs-parameter-invalid: "Verify that the parameter {@code bbox-crs} has been implemented
     * correctly." {@code bbox} with a {@code bbox-crs} not in the collection's CRS list, sent to
     * {@code /collections/{id}/items} of each spatial feature collection, is answered 400.
     */
    @Test
    @DisplayName("/conf/crs/bbox-crs-parameter-invalid: a bbox-crs outside the crs list is 400")
    void crsBboxCrsParameterInvalid() throws Exception {
        for (Map.Entry<String, JsonNode> c : collections().entrySet()) {
            String path = "/collections/" + c.getKey() + "/items?bbox=" + innerBox(c.getValue()) + "&bbox-crs="
                + UNSUPPORTED;
            HttpResponse<String> r = get(path, GEOJSON);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("parameter").asText()).as(path).isEqualTo("bbox-crs");
        }
    }

    /**
     * /conf/crs/bbox-crs-parameter-default: "Verify that the parameter {@code bbox-crs} has been implemented
     * correctly." For each spatial feature collection, {@code bbox} (in its spatial extent) with {@code bbox-crs}
     * set to the default CRS and the same {@code bbox} without {@code bbox-crs} (no {@code crs} in either) give
     * the same features.
     */
    @Test
    @DisplayName("/conf/crs/bbox-crs-parameter-default: bbox-crs=CRS84 selects what no bbox-crs selects")
    void crsBboxCrsParameterDefault() throws Exception {
        for (Map.Entry<String, JsonNode> c : collections().entrySet()) {
            String plain = "/collections/" + c.getKey() + "/items?limit=1000&bbox=" + innerBox(c.getValue());
            JsonNode without = JSON.readTree(get(plain, GEOJSON).body());
            JsonNode with = JSON.readTree(get(plain + "&bbox-crs=" + CRS84, GEOJSON).body());
            assertThat(without.get("numberMatched").asInt()).as(plain).isPositive();
            assertThat(with.get("numberMatched").asInt()).as(plain).isEqualTo(without.get("numberMatched").asInt());
            assertThat(ids(with)).as(plain).isEqualTo(ids(without));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The spatial feature collections (those with a spatial extent) as /collections lists them, by id. */
    private static Map<String, JsonNode> collections() throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode c : json("/collections").get("collections")) {
            if (c.path("extent").has("spatial")) {
                out.put(c.get("id").asText(), c);
            }
        }
        assertThat(out).containsKeys("countries", "borders", "sites", "claims");
        return out;
    }

    /** The collection's crs list, with {@code #/crs} replaced by the global list. */
    private static JsonNode crsList(JsonNode collection) throws Exception {
        JsonNode list = collection.get("crs");
        assertThat(list).as(collection.get("id").asText()).isNotNull();
        if (texts(list).contains("#/crs")) {
            List<String> merged = texts(json("/collections").get("crs"));
            texts(list).stream().filter(s -> !s.equals("#/crs")).forEach(merged::add);
            return JSON.valueToTree(merged);
        }
        return list;
    }

    /** The middle half of the collection's spatial extent, as a bbox value. */
    private static String innerBox(JsonNode collection) {
        JsonNode b = collection.get("extent").get("spatial").get("bbox").get(0);
        double w = b.get(0).asDouble(), s = b.get(1).asDouble(), e = b.get(2).asDouble(), n = b.get(3).asDouble();
        double dx = (e - w) / 4, dy = (n - s) / 4;
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", w + dx, s + dy, e - dx, n - dy);
    }

    private static String firstFeatureId(String collection) throws Exception {
        JsonNode page = json("/collections/" + collection + "/items?limit=1");
        return URLEncoder.encode(page.get("features").get(0).get("id").asText(), StandardCharsets.UTF_8);
    }

    private static void assertMediaType(String path, String accept, String expected) {
        HttpResponse<String> r = get(path, accept);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(expected);
    }

    private static void assertGeoJsonFeature(String where, JsonNode f) {
        assertThat(f.get("type").asText()).as(where).isEqualTo("Feature");
        assertThat(f.has("id")).as(where).isTrue();
        assertThat(f.has("properties")).as(where).isTrue();
        assertThat(f.has("geometry")).as(where).isTrue();
        JsonNode g = f.get("geometry");
        if (!g.isNull()) {
            assertThat(g.get("type").asText()).as(where).isIn("Point", "MultiPoint", "LineString",
                "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");
            assertThat(g.has("coordinates") || g.has("geometries")).as(where).isTrue();
        }
    }

    private static void assertValidAgainstTheDefinition(String pathAndQuery, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(pathAndQuery).startsWith(GEOJSON);
        ValidationReport report = ContractTest.VALIDATOR.validate(ContractTest.request(pathAndQuery),
            ContractTest.response(r));
        assertThat(report.getMessages()).as(pathAndQuery).isEmpty();
    }

    /** The operation's path parameters: name to its enumerated values (null when it has none). */
    private static Map<String, List<String>> pathParameters(JsonNode api, JsonNode pathItem, JsonNode op) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<JsonNode> params = new ArrayList<>();
        pathItem.path("parameters").forEach(params::add);
        op.path("parameters").forEach(params::add);
        for (JsonNode p : params) {
            JsonNode param = resolve(api, p);
            if (param.path("in").asText().equals("path")) {
                JsonNode schema = resolve(api, param.path("schema"));
                out.put(param.get("name").asText(), schema.has("enum") ? texts(schema.get("enum")) : null);
            }
        }
        return out;
    }

    /** Every path the template gives with its enumerated path parameters; none when one is not enumerated. */
    private static List<String> expand(String template, Map<String, List<String>> params) {
        List<String> paths = new ArrayList<>(List.of(template));
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (p.getValue() == null) {
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                for (String v : p.getValue()) {
                    next.add(path.replace("{" + p.getKey() + "}", v));
                }
            }
            paths = next;
        }
        return paths.stream().filter(s -> !s.contains("{")).toList();
    }

    private static JsonNode resolve(JsonNode api, JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = api.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<String> rels(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("links").forEach(l -> out.add(l.get("rel").asText()));
        return out;
    }

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    private static String link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel) && l.path("type").asText().equals(type)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** GET of a path (or an absolute URL the server gave), with an Accept header unless null. */
    private static HttpResponse<String> get(String pathOrUrl, String accept) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : ServerFixture.base() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return ServerFixture.send(b.build());
    }
}
