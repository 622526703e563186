package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.Wgs84;
import io.borderline.http.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims KML read by GDAL's LIBKML driver: besides the pins, a layer of claimed circles (every vertex at
 * the claimed distance from the place, by GeographicLib) and a layer of measured geodesics from the place to
 * the nearest border point (its length is the measured distance) with that point.
 */
class ClaimsKmlGdalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("CPL_DEBUG", "OFF");
    private static Path ogr2ogr;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ExternalTool.require("ogrinfo");
        ogr2ogr = ExternalTool.require("ogr2ogr");
    }

    @Test
    void gdalReadsTheClaimedCirclesAndTheMeasuredGeodesicsToTheNearestBorderPoint() throws Exception {
        Path kml = dir.resolve("claims.kml");
        HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(ServerFixture.base() + "/collections/claims/items?f=kml")).timeout(java.time.Duration.ofSeconds(300)).build(), HttpResponse.BodyHandlers.ofFile(kml));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, JsonNode> claims = new HashMap<>();
        for (JsonNode f : JSON.readTree(ServerFixture.get("/collections/claims/items").body()).get("features")) {
            claims.put(f.get("id").asText(), f);
        }
        assertThat(claims).hasSize(3);

        JsonNode circles = layer(kml, "Claimed distances (geodesic circles)");
        assertThat(circles.get("features")).hasSize(3);
        for (JsonNode c : circles.get("features")) {
            JsonNode claim = claims.get(c.get("properties").get("claim").asText());
            double lon = claim.get("geometry").get("coordinates").get(0).asDouble();
            double lat = claim.get("geometry").get("coordinates").get(1).asDouble();
            double claimedM = claim.get("properties").get("claimed_km").asDouble() * 1000;
            assertThat(c.get("geometry").get("type").asText()).isEqualTo("LineString");
            JsonNode coords = c.get("geometry").get("coordinates");
            assertThat(coords.size()).isGreaterThan(300);
            for (JsonNode v : coords) {
                double s = Wgs84.GEODESIC.Inverse(lat, lon, v.get(1).asDouble(), v.get(0).asDouble()).s12;
                assertThat(Math.abs(s - claimedM)).as("vertex of " + c.get("properties")).isLessThan(1.0);
            }
        }

        JsonNode measured = layer(kml, "Measured distances (geodesic to the nearest border point)");
        int lines = 0;
        int points = 0;
        for (JsonNode m : measured.get("features")) {
            JsonNode claim = claims.get(m.get("properties").get("claim").asText());
            JsonNode p = claim.get("properties");
            double lon = claim.get("geometry").get("coordinates").get(0).asDouble();
            double lat = claim.get("geometry").get("coordinates").get(1).asDouble();
            JsonNode coords = m.get("geometry").get("coordinates");
            if (m.get("geometry").get("type").asText().equals("LineString")) {
                lines++;
                JsonNode first = coords.get(0);
                JsonNode last = coords.get(coords.size() - 1);
                assertThat(Wgs84.GEODESIC.Inverse(lat, lon, first.get(1).asDouble(), first.get(0).asDouble()).s12)
                    .isLessThan(0.05);
                assertThat(Wgs84.GEODESIC.Inverse(p.get("nearest_lat").asDouble(), p.get("nearest_lon").asDouble(),
                    last.get(1).asDouble(), last.get(0).asDouble()).s12).isLessThan(0.05);
                double length = 0;
                for (int i = 1; i < coords.size(); i++) {
                    length += Wgs84.GEODESIC.Inverse(coords.get(i - 1).get(1).asDouble(), coords.get(i - 1).get(0)
                        .asDouble(), coords.get(i).get(1).asDouble(), coords.get(i).get(0).asDouble()).s12;
                }
                // the polyline's length is the measured geodesic's (measured_km is rounded to the metre)
                assertThat(Math.abs(length - p.get("measured_km").asDouble() * 1000)).isLessThan(1.0);
            } else {
                points++;
                assertThat(m.get("geometry").get("type").asText()).isEqualTo("Point");
                assertThat(Wgs84.GEODESIC.Inverse(p.get("nearest_lat").asDouble(), p.get("nearest_lon").asDouble(),
                    coords.get(1).asDouble(), coords.get(0).asDouble()).s12).isLessThan(0.05);
            }
        }
        assertThat(lines).isEqualTo(3);
        assertThat(points).isEqualTo(3);
    }

    /** One folder of the KML as GeoJSON, through GDAL (LIBKML makes a layer of each folder). */
    private static JsonNode layer(Path kml, String name) throws Exception {
        List<String> cmd = List.of(ogr2ogr.toString(), "-f", "GeoJSON", "/vsistdout/", kml.toString(), name,
            "-lco", "COORDINATE_PRECISION=7");
        return JSON.readTree(Processes.run(cmd, ENV, 300).requireSuccess(cmd).stdout());
    }
}
