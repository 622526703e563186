package io.borderline.http;

import io.borderline.briefing.SlideText;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code POST /maps/coverage.png}, {@code POST /maps/coverage.svg} and {@code POST /briefing.pptx}: the maps and the
 * deck of a geometry sent in the body as {@code POST /coverage} takes it. They are titled and credited as a
 * user-supplied geometry (its SHA-256 prefix and feature count), never as Borderline's data; bad bodies are problems
 * naming the member; the same geometry sent twice is computed once; every answer is valid against openapi.yaml.
 */
class UserGeometryMapsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Requests against the contract: the GeoJSON a body carries has members the contract leaves open. */
    private static final OpenApiInteractionValidator LENIENT =
        OpenApiInteractionValidator.createForSpecificationUrl(java.nio.file.Path.of("openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
            .build();
    /**
     * An example line across eastern Ukraine (Kharkiv, Izium, Kramatorsk, Zaporizhzhia area), drawn for this test:
     * not a real front line.
     */
    static final String EXAMPLE_LINE = """
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"example-line",
         "properties":{"note":"example line for a test, not a real front line"},
         "geometry":{"type":"LineString","coordinates":[[36.25,49.98],[37.26,49.21],[37.58,48.72],[36.40,48.10],
         [35.20,47.85]]}}]}""";
    private static final String BODY = "{\"source\":" + EXAMPLE_LINE + "}";

    private static HttpResponse<byte[]> post(String pathAndQuery, String contentType, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + pathAndQuery))
            .timeout(java.time.Duration.ofSeconds(300)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts JSON and checks the request and the answer against openapi.yaml (strictly, as ContractTest does). */
    private static HttpResponse<byte[]> postChecked(String pathAndQuery, String body) throws Exception {
        HttpResponse<byte[]> r = post(pathAndQuery, "application/json", body);
        String type = r.headers().firstValue("Content-Type").orElse("");
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleRequest.Builder b = SimpleRequest.Builder.post(path).withContentType("application/json").withBody(body);
        if (q >= 0) {
            for (String kv : pathAndQuery.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                b.withQueryParam(p[0], p[1]);
            }
        }
        boolean binary = !type.startsWith("application/problem+json") && !type.startsWith("image/svg+xml");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.statusCode()).withContentType(type);
        response.withBody(new String(r.body(), binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        // an accepted request as the contract reads it (GeoJSON members are open there); every answer strictly
        ValidationReport report = ContractTest.VALIDATOR.validateResponse(path, Request.Method.POST, response.build());
        if (r.statusCode() == 200) {
            report = report.merge(LENIENT.validateRequest(b.build()));
        }
        assertThat(report.getMessages()).as(pathAndQuery + " -> " + r.statusCode() + " "
            + (binary ? type : new String(r.body(), StandardCharsets.UTF_8))).isEmpty();
        return r;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The statistics POST /coverage/stats gives for the same body and range. */
    private static JsonNode stats(String body, String query) throws Exception {
        HttpResponse<byte[]> r = post("/coverage/stats?" + query, "application/json", body);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void svgMapOfASentLineIsTitledAndCreditedAsAUserSuppliedGeometry() throws Exception {
        HttpResponse<byte[]> r = postChecked("/maps/coverage.svg?range_km=40&width=1280&height=720", BODY);
        String svg = text(r);
        assertThat(r.statusCode()).as(svg).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        // well-formed XML whose text elements carry the title, legend and credit
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // JFreeSVG's DOCTYPE
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertThat(doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
            : doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        String sha = stats(BODY, "range_km=40").get("user_source").get("sha256").asText();
        String prefix = sha.substring(0, 12);
        assertThat(texts).as("title").anyMatch(t -> t.equals("Within 40 km of user-supplied geometry " + prefix
            + " (1 feature)"));
        assertThat(texts).as("subtitle").anyMatch(t -> t.startsWith("True geodesic buffer on WGS84 (outline within ±40 m)")
            && t.contains("Ukraine"));
        assertThat(texts).as("legend").contains("Source: user-supplied geometry " + prefix + " (1 feature)");
        assertThat(texts).as("credit").anyMatch(t -> t.contains("User-supplied geometry (not Borderline data; sent with"
            + " the request, not stored): 1 feature, SHA-256 " + prefix + "…"));
        // named as user-supplied, never as a Borderline source or a user layer
        assertThat(svg).doesNotContain("user layer").doesNotContain("of Belarus").doesNotContain("of Russia");
    }

    @Test
    void pngMapOfASentLineHasTheRequestedSize() throws Exception {
        HttpResponse<byte[]> r = postChecked("/maps/coverage.png?range_km=40&width=800&height=450&dpi=96", BODY);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    @Test
    void deckOfASentLineNamesTheGeometryAndItsStatistics() throws Exception {
        HttpResponse<byte[]> r = postChecked("/briefing.pptx?range_km=40&claims=none", BODY);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(MapsApi.PPTX);
        JsonNode stats = stats(BODY, "range_km=40");
        String prefix = stats.get("user_source").get("sha256").asText().substring(0, 12);
        String ukraine = null;
        for (JsonNode c : stats.get("stats").get("countries")) {
            if (c.get("code").asText().equals("UKR")) {
                ukraine = String.format(Locale.ROOT, "%,.0f", c.get("area_in_range_km2").asDouble());
            }
        }
        assertThat(ukraine).isNotNull();
        try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(r.body()))) {
            XSLFSlide coverage = deck.getSlides().stream()
                .filter(s -> s.getShapes().stream().anyMatch(x -> x instanceof XSLFTable)).findFirst().orElseThrow();
            assertThat(SlideText.of(coverage)).contains("Within 40 km of user-supplied geometry " + prefix + " (1 feature)")
                .contains("In range: ");
            XSLFTable table = coverage.getShapes().stream().filter(x -> x instanceof XSLFTable)
                .map(x -> (XSLFTable) x).findFirst().orElseThrow();
            assertThat(table.getCell(0, 0).getText()).isEqualTo("Country");
            boolean found = false;
            for (int row = 1; row < table.getNumberOfRows(); row++) {
                if (table.getCell(row, 0).getText().equals("Ukraine")) {
                    assertThat(table.getCell(row, 1).getText()).isEqualTo(ukraine);
                    found = true;
                }
            }
            assertThat(found).as("Ukraine in the exposure table").isTrue();
            String all = String.join("\n", deck.getSlides().stream().map(SlideText::of).toList());
            assertThat(all).contains("User-supplied geometry (not Borderline data; sent with the request, not stored):"
                + " 1 feature, SHA-256 " + prefix + "…").doesNotContain("user layer").doesNotContain("of Belarus");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/maps/coverage.svg?range_km=40 | {\"crs\":\"EPSG:4326\"} | 400 | no 'source'",
        "/maps/coverage.png?range_km=40 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[36,49],[37,48]]},\"extra\":1} | 400 | unknown member 'extra'",
        "/briefing.pptx?range_km=40 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[\"NaN\",49],[37,48]]}} | 400 | 'source': feature 0 && position 0 has a coordinate that is not a finite number",
        "/maps/coverage.svg?range_km=40 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[NaN,49],[37,48]]}} | 400 | not valid JSON",
        "/maps/coverage.svg?range_km=40&from=BLR | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[36,49],[37,48]]}} | 400 | unknown query parameter 'from'",
        "/briefing.pptx?range_km=40&mode=beyond | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[36,49],[37,48]]}} | 400 | mode=beyond needs an area",
        "/maps/coverage.png?range_km=40&width=10 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[36,49],[37,48]]}} | 400 | width",
        "/briefing.pptx?range_km=40&claims=some | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[36,49],[37,48]]}} | 400 | claims",
    })
    void badBodiesAndParametersAreProblemsNamingTheMember(String path, String body, int status, String says)
            throws Exception {
        HttpResponse<byte[]> r = postChecked(path.trim(), body.trim());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String part : says.split("&&")) {
            assertThat(text(r)).contains(part.trim());
        }
    }

    @Test
    void onlyJsonBodiesAreRead() throws Exception {
        for (String path : List.of("/maps/coverage.svg?range_km=40", "/maps/coverage.png?range_km=40",
                "/briefing.pptx?range_km=40")) {
            HttpResponse<byte[]> r = post(path, "text/plain", BODY);
            assertThat(r.statusCode()).as(path + " " + text(r)).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(post(path, "text/csv", "lat,lon\n1,2\n").statusCode()).isEqualTo(415);
        }
    }

    @Test
    void theSameGeometrySentTwiceIsComputedOnceAndSharedWithPostCoverage() throws Exception {
        String computed = "borderline_coverage_compute_seconds_count";
        String hit = "cache_gets_total{cache=\"coverage\",result=\"hit\"}";
        // a geometry no other test sends: the example line moved by a fraction of a metre
        double shift = (System.nanoTime() % 1000) * 1e-9;
        String body = BODY.replace("[36.25,49.98]", "[" + (36.25 + shift) + ",49.98]");
        double computed0 = OpsTest.metric(computed);
        double hit0 = OpsTest.metric(hit);
        assertThat(postChecked("/maps/coverage.svg?range_km=25&width=640&height=360", body).statusCode()).isEqualTo(200);
        double computed1 = OpsTest.metric(computed);
        assertThat(computed1).isEqualTo(computed0 + 1);
        assertThat(postChecked("/maps/coverage.svg?range_km=25&width=640&height=360", body).statusCode()).isEqualTo(200);
        assertThat(post("/maps/coverage.png?range_km=25&width=640&height=360", "application/geo+json", body)
            .statusCode()).isEqualTo(200);
        // POST /coverage/stats of the same geometry and range: the same cache entry (kind user, its SHA-256)
        JsonNode s = stats(body, "range_km=25");
        assertThat(s.get("source").get("kind").asText()).isEqualTo("user");
        assertThat(s.get("source").get("ids").get(0).asText()).isEqualTo(s.get("user_source").get("sha256").asText());
        assertThat(OpsTest.metric(computed)).as("coverages computed").isEqualTo(computed1);
        OpsTest.eventually(() -> OpsTest.metric(hit) >= hit0 + 3);
    }
}
