package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.Site;
import io.borderline.json.Json;
import java.net.http.HttpResponse;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Warning time in /distance and /claims/{id}, time rings and range fans in /coverage, /coverage/stats, KML and the
 * coverage maps: the numbers and outlines over HTTP, checked against GeographicLib and the cited speeds.
 */
class WarningTimeAndFansApiTest {
    private static final Geodesic WGS84 = Geodesic.WGS84;

    private static JsonNode json(String url) {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode shahed(JsonNode warning) {
        for (JsonNode c : warning.get("classes")) {
            if (c.get("drone").asText().equals("shahed-136")) {
                return c;
            }
        }
        throw new AssertionError("shahed-136 missing from " + warning);
    }

    @Test
    void distanceAnswersCarryWarningTimeAtTheCitedSpeeds() {
        JsonNode m = json("/distance?from=vilnius&to=BLR");
        JsonNode w = m.get("warning_time");
        assertThat(w.get("basis").asText()).isEqualTo("straight_line_lower_bound");
        double km = m.get("result").get("distance_m").asDouble() / 1000;
        assertThat(w.get("distance_km").asDouble()).isCloseTo(km, within(0.001));
        JsonNode s = shahed(w);
        assertThat(s.get("cruise_speed_kmh").asDouble()).isEqualTo(170);
        assertThat(s.get("at_cruise_min").asDouble()).isCloseTo(km / 170 * 60, within(0.051));
        assertThat(s.get("at_max_speed_min").asDouble()).isCloseTo(km / 190 * 60, within(0.051));
        assertThat(s.get("cruise_speed_source").asText()).contains("170");
        // the FPV's 15 km do not reach Vilnius from Belarus (about 29 km)
        assertThat(w.get("out_of_range").toString()).contains("\"fpv\"");
        JsonNode orlan = null;
        for (JsonNode c : w.get("classes")) {
            if (c.get("drone").asText().equals("orlan-10")) {
                orlan = c;
            }
        }
        assertThat(orlan.get("at_cruise_min").isNull()).as("unknown speed: no time").isTrue();
    }

    @Test
    void aPointInsideTheTargetHasNoWarningTime() {
        assertThat(json("/distance?from=minsk&to=BLR").get("warning_time").isNull()).isTrue();
    }

    @Test
    void claimAnswersCarryWarningTime() {
        JsonNode m = json("/claims/vilnius-blr");
        JsonNode s = shahed(m.get("warning_time"));
        double km = m.get("warning_time").get("distance_km").asDouble();
        assertThat(s.get("at_cruise_min").asDouble()).isCloseTo(km / 170 * 60, within(0.051));
    }

    @Test
    void timeRingsAreGeodesicCirclesOfSpeedTimesMinutes() throws Exception {
        Site minsk = TestData.get().sites().get("minsk");
        JsonNode fc = json("/coverage?site=minsk&drone=shahed-136&minutes=5,10&speed=max");
        JsonNode f = fc.get("features");
        assertThat(f.get(0).get("id").asText()).isEqualTo("coverage-5min");
        assertThat(f.get(1).get("id").asText()).isEqualTo("coverage-10min");
        double previousArea = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode p = f.get(i).get("properties");
            double minutes = p.get("minutes").asDouble();
            assertThat(p.get("speed_kmh").asDouble()).isEqualTo(190);
            double r = 190 * minutes / 60 * 1000;
            assertThat(p.get("range_km").asDouble() * 1000).isCloseTo(r, within(1e-6));
            double tol = GeodesicBuffer.toleranceM(r);
            Geometry g = new GeoJsonReader().read(f.get(i).get("geometry").toString());
            for (Coordinate v : g.getCoordinates()) {
                assertThat(WGS84.Inverse(minsk.lat(), minsk.lon(), v.y, v.x).s12).isCloseTo(r, within(tol));
            }
            double area = f.get(i).get("stats").get("area_km2").asDouble(); // the feature's foreign member
            assertThat(area).isGreaterThan(previousArea);
            previousArea = area;
        }
        JsonNode stats = json("/coverage/stats?site=minsk&drone=shahed-136&minutes=5,10&speed=max");
        assertThat(stats.get("rings").size()).isEqualTo(2);
        assertThat(stats.get("rings").get(1).get("stats").get("area_km2").asDouble())
            .isCloseTo(previousArea, within(1e-6));
    }

    @Test
    void rangeFanOutlineIsOnTheArcsAndTheGeodesicRadials() throws Exception {
        Site v = TestData.get().sites().get("vileika-vlf");
        double r = 300_000;
        double minR = 50_000;
        JsonNode fc = json("/coverage?site=vileika-vlf&range_km=300&azimuth_from=350&azimuth_to=10&min_range_km=50");
        JsonNode p = fc.get("features").get(0).get("properties");
        assertThat(p.get("sector").get("azimuth_from_deg").asDouble()).isEqualTo(350);
        assertThat(p.get("sector").get("min_range_km").asDouble()).isEqualTo(50);
        Geometry g = new GeoJsonReader().read(fc.get("features").get(0).get("geometry").toString());
        double tol = GeodesicBuffer.toleranceM(r);
        int radial = 0;
        for (Coordinate c : g.getCoordinates()) {
            GeodesicData d = WGS84.Inverse(v.lat(), v.lon(), c.y, c.x);
            boolean outer = Math.abs(d.s12 - r) <= tol;
            boolean inner = Math.abs(d.s12 - minR) <= GeodesicBuffer.toleranceM(minR);
            boolean onRadial = false;
            for (double azi : new double[] {350, 10}) {
                GeodesicData exact = WGS84.Direct(v.lat(), v.lon(), azi, d.s12);
                onRadial |= WGS84.Inverse(c.y, c.x, exact.lat2, exact.lon2).s12 <= tol;
            }
            assertThat(outer || inner || onRadial).as("vertex %s", c).isTrue();
            radial += onRadial && !outer && !inner ? 1 : 0;
            // nothing of a 350°-10° fan lies south of the apex's parallel by more than the inner arc allows
            assertThat(c.y).isGreaterThan(v.lat());
        }
        assertThat(radial).isGreaterThanOrEqualTo(4);
        // the fan's area is 20/360 of the annulus between 50 and 300 km (within 1 %: ellipsoid, straight edges)
        double annulusKm2 = Math.PI * (300 * 300 - 50 * 50);
        assertThat(fc.get("features").get(0).get("stats").get("area_km2").asDouble()).isCloseTo(annulusKm2 * 20 / 360,
            within(annulusKm2 * 20 / 360 * 0.01));
    }

    @Test
    void kmlAndMapsDrawTimeRingsAndFans() {
        HttpResponse<String> kml = ServerFixture.get(
            "/coverage?lat=54.5&lon=26.9&drone=shahed-136&minutes=10,20&azimuth_from=250&azimuth_to=290&f=kml");
        assertThat(kml.statusCode()).as(kml.body()).isEqualTo(200);
        assertThat(kml.body().split("<Placemark", -1).length - 1).isEqualTo(3); // two rings and the source
        assertThat(kml.body()).contains("10, 20 min at 170 km/h").contains("azimuths 250° to 290°");
        HttpResponse<String> svg = ServerFixture.get("/maps/coverage.svg?site=minsk&drone=shahed-136&minutes=10,20"
            + "&azimuth_from=200&azimuth_to=340&width=1600&height=900");
        assertThat(svg.statusCode()).as(svg.body()).isEqualTo(200);
        assertThat(svg.body()).contains("10 min (28.3 km at 170 km/h, Shahed-136 / Geran-2 long-range one-way attack drone)")
            .contains("±56.67 m").doesNotContain("56.666666").contains("20 min (").contains("azimuths 200° to 340°");
    }
}
