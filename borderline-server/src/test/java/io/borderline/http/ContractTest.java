package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.borderline.TestData;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.DistanceService;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code openapi.yaml} and the implementation in step: every documented path is served
 * and every served path documented, and real responses (successes and errors) validate
 * against the document.
 */
class ContractTest {
    private static final Path SPEC = Path.of("openapi.yaml");
    /**
     * Strict: an object schema that lists its properties is closed (the validator adds additionalProperties:
     * false where the document does not say otherwise), so an undocumented or misspelled field fails; allOf is
     * merged into one schema first so that extending a closed schema works. Open objects say
     * {@code additionalProperties: true} in openapi.yaml.
     */
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
            .withResolveCombinators(true)
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR).build())
            .build();

    @Test
    void documentedOperationsAreExactlyTheServedOnes() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        Set<String> documented = new TreeSet<>();
        spec.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        BorderlineApi api = new BorderlineApi(TestData.get(), new DistanceService(),
            new ClaimChecker(TestData.get(), new DistanceService()),
            new io.borderline.analysis.CoverageService(TestData.get(), io.borderline.data.BoundaryFile.FACTORY));
        Set<String> served = new TreeSet<>();
        api.routes().keySet().forEach(p -> served.add("GET " + p));
        api.postRoutes().keySet().forEach(p -> served.add("POST " + p));
        api.deleteRoutes().keySet().forEach(p -> served.add("DELETE " + p));
        assertThat(served).isEqualTo(documented);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/health", "/ready", "/metrics", "/datasets", "/openapi.yaml",
        "/distance?lat=54.68916&lon=25.2798&to=BLR", "/distance?from=narva&to=RUS&dataset=ne10m",
        "/distance?lat=53.9&lon=27.56&to=BLR", "/distance?lat=-33.9&lon=151.2&to=RUS-KGD",
        "/distance/points?a=54.68916,25.2798&b=minsk", "/distance/points?a=vilnius&b=vilnius",
        "/distance/countries?a=BLR&b=RUS-KGD", "/distance/countries?a=LTU&b=BLR&dataset=ne10m",
        "/countries", "/countries?dataset=ne10m", "/borders?dataset=ne10m",
        "/sites", "/sites?kind=airfield&country=BLR", "/sites/narva", "/sites/hantsavichy-radar?dataset=ne10m",
        "/claims", "/claims/narva-rus", "/drones",
        "/claims/check?place=daugavpils&to=BLR&claimed_km=30", "/claims/check?lat=59.4370&lon=24.7536&to=RUS&claimed_km=150",
        "/claims/check?place=593116&to=BLR&claimed_km=20", "/places?q=vil", "/places?q=zzzz", "/places?q=bialystok&country=POL&limit=1",
        "/distance?from=593116&to=BLR",
        "/coverage?from=BLR&range_km=30", "/coverage/stats?site=lida-airbase&range_km=120",
        "/coverage/stats?border=LTU-BLR&drone=lancet", "/coverage/stats?lat=54.7&lon=25.3&range_km=1",
        "/coverage/stats?site_kind=airfield&site_country=BLR&range_km=100&dataset=ne10m",
        "/coverage?site=lida-airbase&site=vileika-vlf&range_km=50",
        "/distance?from=vilnius&to=BLR", "/claims/vilnius-blr",
        "/coverage?site=vileika-vlf&range_km=200&azimuth_from=350&azimuth_to=10&min_range_km=20",
        "/coverage?lat=54.7&lon=25.3&drone=shahed-136&minutes=5&minutes=10&speed=max",
        "/coverage?lat=89&lon=0&range_km=2500", "/coverage/stats?from=NOR&range_km=1200&dataset=ne10m",
        "/coverage?lat=80&lon=20&range_km=1500&azimuth_from=330&azimuth_to=30",
        "/coverage/stats?site=minsk&speed_kmh=120&range_km=40&minutes=10&minutes=20",
        "/maps/coverage.png?site=minsk&drone=gerbera&speed=max&minutes=10&minutes=20&azimuth_from=200&azimuth_to=340&width=640&height=360",
        "/openapi.json", "/", "/?f=json&dataset=ne10m", "/?f=html", "/?f=html&dataset=ne10m", "/conformance", "/collections", "/collections?dataset=ne10m",
        "/collections/countries", "/collections/coverage-rus", "/collections/drones",
        "/collections/countries/items?limit=2", "/collections/countries/items?limit=300&zoom-level=3",
        "/collections/countries/items/LTU?zoom-level=8.5", "/collections/borders/items?a=FIN&max-allowable-offset=0.01",
        "/collections/countries/items/EST?crs=http://www.opengis.net/def/crs/EPSG/0/3301&max-allowable-offset=250",
        "/collections/countries/items?code=RUS-KGD&crs=http://www.opengis.net/def/crs/EPSG/0/3035",
        "/collections/borders/items?a=BLR&dataset=ne10m", "/collections/sites/items?kind=airfield&country=BLR",
        "/collections/sites/items?bbox=24,54,26,55.5&limit=3&offset=1",
        "/collections/sites/items?bbox=54,24,55.5,26&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326",
        "/collections/claims/items?verdict=accurate", "/collections/drones/items?drone_class=fpv",
        "/collections/coverage-blr/items?drone=lancet", "/collections/coverage-rus/items?limit=1&offset=2",
        "/collections/sites/items/narva?crs=http://www.opengis.net/def/crs/EPSG/0/3301",
        "/collections/drones/items/orlan-10", "/collections/claims/items/vilnius-blr?dataset=ne10m",
        "/maps/coverage.png?from=BLR&range_km=30&width=640&height=360",
        "/maps/coverage.svg?site=lida-airbase&range_km=20&range_km=50&width=640&height=360&projection=EPSG:3035",
        "/maps/claims.png?width=640&height=360&dpi=72&transparent=true", "/maps/claims.svg?claim=narva-rus&width=640&height=360",
        "/briefing.pptx?drone=molniya", "/briefing.pptx?from=BLR&range_km=300&mode=beyond&claims=none",
        "/collections/claims/items?f=kml", "/collections/sites/items?kind=airfield&f=kmz",
        "/collections/countries/items/LTU?f=kml", "/coverage?site=narva&range_km=40&f=kml",
        "/coverage?from=EST&range_km=30&f=kmz", "/tiles/tilejson.json", "/tiles/tilejson.json?dataset=ne10m",
        "/tiles/6/36/20.mvt", "/tiles/0/0/0.mvt?dataset=ne10m",
        "/tileMatrixSets", "/tileMatrixSets/WebMercatorQuad", "/tiles", "/tiles?dataset=ne10m", "/tiles/metadata.json",
        "/tiles/WebMercatorQuad", "/tiles/WebMercatorQuad/6/20/36", "/collections/countries/tiles",
        "/collections/borders/tiles/WebMercatorQuad?dataset=ne10m", "/collections/sites/tiles/WebMercatorQuad/5/10/18",
        "/collections/sites/items?kind=airfield&f=gpkg", "/collections/claims/items/narva-rus?f=gpkg",
        "/coverage?from=EST&range_km=30&f=gpkg",
        "/processes", "/processes/coverage", "/processes/distance-batch", "/jobs",
    })
    void validRequestsAndTheirResponsesMatchTheContract(String pathAndQuery) {
        HttpResponse<String> r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ValidationReport report = VALIDATOR.validate(request(pathAndQuery), response(r));
        assertThat(report.getMessages()).as(pathAndQuery + " -> " + r.statusCode()).isEmpty();
    }

    /** Items parameters that are not property filters (paging, format, CRS, simplification: the standard's or ours). */
    private static final Set<String> NOT_PROPERTY_FILTERS = Set.of("limit", "offset", "bbox", "bbox-crs", "crs",
        "datetime", "f", "dataset", Simplification.ZOOM, Simplification.OFFSET);
    /** Collections computed at start-up for the default dataset only (coverages): not recomputed for ne10m here. */
    private static final Set<String> DEFAULT_DATASET_ONLY = Set.of("coverage-blr", "coverage-rus", "time-rings");

    /**
     * Every value a collection serves in a property it can be filtered by is one the contract accepts for that
     * filter, and an enum lists exactly the values served: for each property filter of each
     * {@code /collections/{id}/items} operation, every feature of the collection (all pages, both datasets) is
     * read and its value validated as that parameter. The enum of the seven-country days ({@code code: [BLR, EST,
     * LTU, LVA, POL, RUS, RUS-KGD, UKR]}) refused about 240 of the codes the world data serves.
     */
    @Test
    void everyServedValueOfAPropertyFilterIsOneTheContractAccepts() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        List<String> checked = new java.util.ArrayList<>();
        for (var path : spec.get("paths").properties()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/collections/([a-z-]+)/items")
                .matcher(path.getKey());
            if (!m.matches()) {
                continue;
            }
            String collection = m.group(1);
            for (JsonNode ref : path.getValue().get("get").get("parameters")) {
                JsonNode param = ref.has("$ref") ? spec.at(ref.get("$ref").asText().substring(1)) : ref;
                String name = param.get("name").asText();
                if (NOT_PROPERTY_FILTERS.contains(name)) {
                    continue;
                }
                Set<String> served = new TreeSet<>();
                for (String dataset : DEFAULT_DATASET_ONLY.contains(collection) ? List.of("osm10m")
                    : List.of("osm10m", "ne10m")) {
                    served.addAll(servedValues(collection, name, dataset));
                }
                assertThat(served).as(collection + " " + name + " is served").isNotEmpty();
                assertThat(refusedValues(VALIDATOR, path.getKey(), name, served))
                    .as(path.getKey() + " parameter " + name + " refuses values the collection serves").isEmpty();
                JsonNode schema = param.get("schema");
                if (schema.has("enum")) {
                    Set<String> documented = new TreeSet<>();
                    schema.get("enum").forEach(v -> documented.add(v.asText()));
                    assertThat(documented).as(path.getKey() + " parameter " + name + ": the enum lists what is served")
                        .isEqualTo(served);
                }
                checked.add(collection + " " + name);
            }
        }
        assertThat(checked).contains("countries code", "borders a", "borders b", "sites kind", "sites country",
            "claims target", "drones drone_class", "time-rings source", "time-rings minutes");
    }

    /** The check above bites: under the stale enum, the world's codes (FIN, NOR, USA, ...) are refused. */
    @Test
    void aServedValueOutsideAnEnumFailsTheCheck() throws Exception {
        String text = java.nio.file.Files.readString(SPEC);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(?s)(/collections/countries/items:.*?- name:"
            + " code\\n.*?schema: )\\{\\$ref: '#/components/schemas/CountryCode'}").matcher(text);
        assertThat(code.find()).isTrue();
        Path stale = java.nio.file.Files.createTempFile("openapi-stale", ".yaml");
        try {
            java.nio.file.Files.writeString(stale, text.substring(0, code.start()) + code.group(1)
                + "{type: string, enum: [BLR, EST, LTU, LVA, POL, RUS, RUS-KGD, UKR]}" + text.substring(code.end()));
            OpenApiInteractionValidator staleValidator =
                OpenApiInteractionValidator.createForSpecificationUrl(stale.toUri().toString()).build();
            Set<String> served = servedValues("countries", "code", "osm10m");
            Set<String> refused = refusedValues(staleValidator, "/collections/countries/items", "code", served);
            assertThat(refused).contains("FIN", "NOR", "USA").doesNotContain("BLR", "RUS-KGD");
            assertThat(refused).hasSize(served.size() - 8);
        } finally {
            java.nio.file.Files.delete(stale);
        }
    }

    /** The non-null values of {@code property} over every page of the collection (geometries simplified away). */
    private static Set<String> servedValues(String collection, String property, String dataset) throws Exception {
        Set<String> values = new TreeSet<>();
        var mapper = new ObjectMapper();
        String url = "/collections/" + collection + "/items?limit=1000&zoom-level=0&dataset=" + dataset;
        while (url != null) {
            HttpResponse<String> r = ServerFixture.get(url);
            assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
            JsonNode page = mapper.readTree(r.body());
            page.get("features").forEach(f -> {
                JsonNode v = f.get("properties").get(property);
                if (v != null && !v.isNull()) {
                    values.add(v.asText());
                }
            });
            url = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asText().equals("next")) {
                    URI u = URI.create(l.get("href").asText());
                    url = u.getRawPath() + "?" + u.getRawQuery();
                }
            }
        }
        return values;
    }

    /** The values that the contract's request validation refuses as parameter {@code name} of GET {@code path}. */
    private static Set<String> refusedValues(OpenApiInteractionValidator validator, String path, String name,
                                             Set<String> values) {
        Set<String> refused = new TreeSet<>();
        for (String v : values) {
            if (!validator.validateRequest(SimpleRequest.Builder.get(path).withQueryParam(name, v).build())
                .getMessages().isEmpty()) {
                refused.add(v);
            }
        }
        return refused;
    }

    /** The strict check bites: an undocumented field, at the top or nested, fails the contract. */
    @Test
    void anUndocumentedFieldFailsTheContract() {
        String body = ServerFixture.get("/distance?from=narva&to=RUS").body();
        assertThat(messages("/distance", body)).isEmpty();
        for (String tampered : List.of(body.replaceFirst("\\{", "{\"surprise\":1,"),
            body.replace("\"result\":{", "\"result\":{\"distance_mm\":1,"),
            body.replace("\"bearing_deg\"", "\"bearing_degs\""))) {
            assertThat(tampered).isNotEqualTo(body);
            assertThat(messages("/distance", tampered)).as(tampered)
                // directly, or inside the oneOf of /distance's two answer shapes
                .anyMatch(m -> m.getKey().endsWith("additionalProperties")
                    || m.toString().contains("not allowed by the schema"));
        }
    }

    private static List<ValidationReport.Message> messages(String path, String json) {
        return VALIDATOR.validateResponse(path, Request.Method.GET, SimpleResponse.Builder.status(200)
            .withContentType("application/json").withBody(json).build()).getMessages();
    }

    @Test
    void aCachedCoverageIsDescribedAsThisRequestAskedForIt() throws Exception {
        HttpResponse<String> byRange = ServerFixture.get("/coverage/stats?site=narva&range_km=40");
        HttpResponse<String> byDrone = ServerFixture.get("/coverage/stats?site=narva&drone=lancet");
        var mapper = new ObjectMapper();
        assertThat(mapper.readTree(byRange.body()).get("drone").isNull()).isTrue();
        assertThat(mapper.readTree(byDrone.body()).get("drone").asText()).isEqualTo("lancet");
        assertThat(mapper.readTree(byDrone.body()).get("range_km").asDouble()).isEqualTo(40.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/distance?lat=91&lon=0&to=BLR", "/distance?lat=54&lon=25&to=ZZZ", "/sites/atlantis",
        "/claims/nope", "/sites?kind=castle", "/distance/points?a=1,2",
        "/claims/check?place=narva&to=XYZ&claimed_km=1", "/claims/check?place=narva&to=RUS&claimed_km=0", "/places?q=",
        "/places?q=vil&limit=101",
        "/coverage?from=BLR&range_km=0.5", "/coverage?from=BLR&site=minsk&range_km=5",
        "/coverage?lat=89&lon=0&range_km=2500&azimuth_from=0&azimuth_to=60",
        "/coverage/stats?from=XXX&range_km=5", "/coverage?from=BLR&drone=nope", "/coverage?border=BLR-LTU&range_km=5&mode=beyond",
        "/maps/coverage.png?from=BLR&range_km=1,2,3,4,5,6", "/maps/coverage.svg?from=BLR&range_km=30&drone=fpv",
        "/maps/claims.png?width=5000", "/maps/claims.png?dpi=20", "/maps/claims.svg?claim=nope",
        "/maps/claims.png?projection=EPSG:4326", "/briefing.pptx?drone=nope", "/briefing.pptx?from=ZZZ",
        "/briefing.pptx?claims=some", "/briefing.pptx?drone=lancet&range_km=30", "/briefing.pptx?border=BLR-LTU&mode=beyond",
        "/tiles/15/0/0.mvt", "/tiles/6/x/0.mvt", "/tiles/WebMercatorQuad/6/64/0",
        "/collections/claims/tiles", "/collections/countries/tiles/WebMercatorQuad/15/0/0", "/tiles/tilejson.json?dataset=nope", "/collections/sites/items?f=gml", "/collections/countries/items?zoom-level=25",
        "/collections/countries/items/LTU?max-allowable-offset=-1",
        "/processes/nope", "/processes?limit=3", "/jobs/nope", "/jobs/nope/results"})
    void errorResponsesMatchTheContract(String pathAndQuery) {
        HttpResponse<String> r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).isIn(400, 404, 422);
        URI uri = URI.create("http://x" + pathAndQuery);
        ValidationReport report = VALIDATOR.validateResponse(uri.getPath(), Request.Method.GET, response(r));
        assertThat(report.getMessages()).as(pathAndQuery + " -> " + r.statusCode()).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "application/geo+json | application/x-ndjson | {\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"v\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[25.2798,54.68916]}}]}",
        "application/json     | text/csv             | {\"type\":\"MultiPoint\",\"coordinates\":[[25.2798,54.68916],[26.53333,55.88333]]}",
        "text/csv             | text/csv             | 'id,lat,lon\nv,54.68916,25.2798\n'",
        "text/csv             | application/x-ndjson | 'lat,lon\n54.68916,25.2798\n'",
    })
    void batchRequestsAndAnswersMatchTheContract(String contentType, String accept, String body) {
        String text = body.replace("\\n", "\n");
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=BLR", contentType, accept, text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(accept);
        Request request = SimpleRequest.Builder.post("/distance/batch").withQueryParam("to", "BLR")
            .withContentType(contentType).withAccept(accept).withBody(text).build();
        ValidationReport report = VALIDATOR.validate(request, response(r));
        assertThat(report.getMessages()).as(body).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "/distance/batch?to=BLR     | application/json | application/x-ndjson | [1,2]                  | 400",
        "/distance/batch?to=BLR     | text/csv         | application/x-ndjson | 'a,b\n1,2\n'          | 400",
        "/distance/batch            | text/csv         | application/x-ndjson | 'lat,lon\n1,2\n'      | 400",
        "/distance/batch?to=BLR     | text/plain       | application/x-ndjson | 'lat,lon\n1,2\n'      | 415",
        "/distance/batch?to=BLR     | text/csv         | application/xml      | 'lat,lon\n1,2\n'      | 406",
    })
    void batchErrorsMatchTheContract(String url, String contentType, String accept, String body, int status) {
        HttpResponse<String> r = ServerFixture.post(url, contentType, accept, body.replace("\\n", "\n"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        ValidationReport report = VALIDATOR.validateResponse("/distance/batch", Request.Method.POST, response(r));
        assertThat(report.getMessages()).as(url + " -> " + r.statusCode()).isEmpty();
    }

    static SimpleResponse response(HttpResponse<String> r) {
        return SimpleResponse.Builder.status(r.statusCode())
            .withContentType(r.headers().firstValue("Content-Type").orElse(""))
            .withBody(r.body()).build();
    }

    static Request request(String pathAndQuery) {
        URI uri = URI.create("http://x" + pathAndQuery);
        SimpleRequest.Builder b = SimpleRequest.Builder.get(uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                b.withQueryParam(p[0], URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
            }
        }
        return b.build();
    }

}
