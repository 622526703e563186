package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.Main;
import io.borderline.TestData;
import io.borderline.data.BoundaryFile;
import io.borderline.json.Json;
import io.borderline.userdata.LayerFolder;
import io.borderline.userdata.UserLayers;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * User layers as the source of the coverage maps and the deck ({@code from=layer:NAME}), and the coverage of a
 * user line that crosses the antimeridian (Fiji), checked with points placed by GeographicLib in the test.
 */
class UserLayerMapsTest {
    private static final Geodesic WGS84 = Geodesic.WGS84;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** A line across 180° in the Fiji islands: 179.0°E to 179.0°W along 17°S (one geodesic edge of about 213 km). */
    static final String FIJI = """
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"fiji-test-line",
         "properties":{"note":"drawn for a test, not a real line"},
         "geometry":{"type":"LineString","coordinates":[[179.0,-17.0],[-179.0,-17.0]]}}]}""";
    private static Path dir;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("borderline-layer-maps");
        Files.copy(Path.of("docs/examples/example-line.geojson"), dir.resolve("example-line.geojson"));
        Files.writeString(dir.resolve("fiji-line.geojson"), FIJI);
        UserLayers layers = LayerFolder.load(dir, BoundaryFile.FACTORY);
        app = Main.start(TestData.get(), "127.0.0.1", 0, ServerOptions.DEFAULTS, false, layers);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(java.time.Duration.ofSeconds(300)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path + " " + new String(r.body())).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** The point {@code distanceM} from the line's point at {@code fraction} of its length, perpendicular to it. */
    private static double[] offset(double lat1, double lon1, double lat2, double lon2, double fraction, double side,
                                   double distanceM) {
        GeodesicLine line = WGS84.InverseLine(lat1, lon1, lat2, lon2,
            GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.AZIMUTH);
        GeodesicData at = line.Position(line.Distance() * fraction);
        GeodesicData out = WGS84.Direct(at.lat2, at.lon2, at.azi2 + 90 * side, distanceM);
        return new double[] {out.lat2, out.lon2};
    }

    private static boolean covers(Geometry g, double lat, double lon) {
        return g.covers(new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    }

    @Test
    void coverageOfALineAcrossTheAntimeridianIsABandAlongItNotAroundTheWorld() throws Exception {
        JsonNode fc = json("/coverage?from=layer:fiji-line&range_km=50");
        Geometry g = new GeoJsonReader().read(fc.get("features").get(0).get("geometry").toString());
        // 10 km from the line on both sides, west and east of 180°: inside
        int checked = 0;
        for (double fraction : new double[] {0.1, 0.3, 0.45, 0.55, 0.7, 0.9}) {
            for (double side : new double[] {-1, 1}) {
                double[] p = offset(-17, 179, -17, -179, fraction, side, 10_000);
                assertThat(covers(g, p[0], p[1])).as("10 km off the line at %s, %s", p[0], p[1]).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
        // 300 km from the line (north, south, and beyond both ends; 0° and 10°E/W meridians far off): outside
        for (double[] p : new double[][] {
            offset(-17, 179, -17, -179, 0.5, 1, 300_000), offset(-17, 179, -17, -179, 0.5, -1, 300_000),
            destination(-17, 179, 270, 300_000), destination(-17, -179, 90, 300_000),
            {-17, 0}, {-17, 170}, {-17, -170}}) {
            assertThat(covers(g, p[0], p[1])).as("far from the line at %s, %s", p[0], p[1]).isFalse();
        }
        // every outline vertex within the tolerance of 50 km from the line (the line is one geodesic edge)
        double tol = io.borderline.coverage.GeodesicBuffer.toleranceM(50_000);
        for (Coordinate v : g.getCoordinates()) {
            double d = distanceToEdge(v.y, v.x, -17, 179, -17, -179);
            assertThat(d).as("vertex %s", v).isBetween(50_000 - tol, 50_000 + tol);
        }
        // the area is about that of a 213 km x 100 km band with round ends, not a band around the world
        double lengthKm = WGS84.Inverse(-17, 179, -17, -179).s12 / 1000;
        double expectedKm2 = lengthKm * 100 + Math.PI * 50 * 50;
        assertThat(fc.get("features").get(0).get("stats").get("area_km2").asDouble())
            .isBetween(expectedKm2 * 0.98, expectedKm2 * 1.02);
    }

    @Test
    void coverageMapOfAUserLayerDrawsTheLayerAndCreditsItAsUserSupplied() throws Exception {
        HttpResponse<byte[]> r = get("/maps/coverage.svg?from=layer:example-line&range_km=40&width=1600&height=900");
        String svg = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(svg).isEqualTo(200);
        assertThat(svg).contains("Within 40 km of user layer example-line")
            .contains("Source: user layer example-line (user-supplied)")
            .contains("User layer example-line (user-supplied, not Borderline data): example-line.geojson, SHA-256 "
                + sha256(Path.of("docs/examples/example-line.geojson")).substring(0, 12));
        // the layer is drawn: one path stroked in the user-layer purple with a vertex per input vertex at least
        List<String> purple = svgPaths(svg, "rgb(123,45,142)");
        assertThat(purple).as("paths stroked in the user-layer colour").isNotEmpty();
        assertThat(purple).hasSize(1);
        assertThat(purple.get(0).split("[ML]").length - 1).isGreaterThanOrEqualTo(11); // the line's 11 vertices
        // its shape is the line's: height / width of the drawn path = north-south / east-west extent of the line
        // (33.40°E to 37.95°E, 46.75°N to 50.40°N), measured with GeographicLib (equal-area map: within 5 %)
        double[] px = extent(purple.get(0));
        double northSouthM = WGS84.Inverse(46.75, 35.7, 50.40, 35.7).s12;
        double eastWestM = WGS84.Inverse(48.6, 33.40, 48.6, 37.95).s12;
        assertThat(px[1] / px[0]).isCloseTo(northSouthM / eastWestM, org.assertj.core.data.Percentage.withPercentage(5));
        // a country source has no user-layer path and no user-layer credit
        String blr = new String(get("/maps/coverage.svg?from=BLR&range_km=40&width=1600&height=900").body(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertThat(svgPaths(blr, "rgb(123,45,142)")).isEmpty();
        assertThat(blr).doesNotContain("user-supplied");
        HttpResponse<byte[]> png = get("/maps/coverage.png?from=layer:example-line&range_km=40&width=800&height=450");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth()).isEqualTo(800);
    }

    @Test
    void briefingDeckFromAUserLayerNamesAndCreditsTheLayer() throws Exception {
        HttpResponse<byte[]> r = get("/briefing.pptx?from=layer:example-line&drone=molniya");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        try (var deck = new org.apache.poi.xslf.usermodel.XMLSlideShow(new java.io.ByteArrayInputStream(r.body()))) {
            for (var slide : deck.getSlides()) {
                for (var shape : slide.getShapes()) {
                    if (shape instanceof org.apache.poi.xslf.usermodel.XSLFTextShape t) {
                        text.append(t.getText()).append('\n');
                    }
                }
            }
        }
        assertThat(text.toString()).contains("of user layer example-line")
            .contains("User layer example-line (user-supplied, not Borderline data): example-line.geojson, SHA-256 "
                + sha256(Path.of("docs/examples/example-line.geojson")).substring(0, 12));
        HttpResponse<byte[]> unknown = get("/briefing.pptx?from=layer:no-such-layer");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(unknown.body()).get("parameter").asText()).isEqualTo("from");
    }

    /** The {@code d} attribute of every SVG path in a group whose style strokes it in {@code rgb} (JFreeSVG's form). */
    private static List<String> svgPaths(String svg, String rgb) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<g style='([^']*)'[^>]*><path d='([^']*)'")
            .matcher(svg);
        while (m.find()) {
            if (m.group(1).contains("stroke:" + rgb + ";")) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** Width and height of the vertices of an SVG path made of M and L commands, pixels. */
    private static double[] extent(String d) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String xy : d.replace("Z", "").split("[ML]")) {
            if (xy.isBlank()) {
                continue;
            }
            String[] v = xy.trim().split(",");
            double x = Double.parseDouble(v[0]);
            double y = Double.parseDouble(v[1]);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {maxX - minX, maxY - minY};
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(file)));
    }

    private static double[] destination(double lat, double lon, double azi, double m) {
        GeodesicData d = WGS84.Direct(lat, lon, azi, m);
        return new double[] {d.lat2, d.lon2};
    }

    /** Distance from a point to one geodesic edge, metres: dense sampling then a golden-section refinement. */
    private static double distanceToEdge(double lat, double lon, double lat1, double lon1, double lat2, double lon2) {
        GeodesicLine line = WGS84.InverseLine(lat1, lon1, lat2, lon2,
            GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        double len = line.Distance();
        int n = 400;
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i <= n; i++) {
            GeodesicData p = line.Position(len * i / n);
            double d = WGS84.Inverse(lat, lon, p.lat2, p.lon2).s12;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        double a = len * Math.max(0, best - 1) / n;
        double b = len * Math.min(n, best + 1) / n;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            GeodesicData pc = line.Position(c);
            GeodesicData pd = line.Position(d);
            if (WGS84.Inverse(lat, lon, pc.lat2, pc.lon2).s12 < WGS84.Inverse(lat, lon, pd.lat2, pd.lon2).s12) {
                b = d;
            } else {
                a = c;
            }
        }
        GeodesicData p = line.Position((a + b) / 2);
        return Math.min(bestD, WGS84.Inverse(lat, lon, p.lat2, p.lon2).s12);
    }
}
