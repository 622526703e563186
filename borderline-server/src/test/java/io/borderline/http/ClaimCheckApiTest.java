package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import io.borderline.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;

/** {@code GET /claims/check}: anyone's claim, checked exactly as the cited claims are, never stored. */
class ClaimCheckApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"vilnius-blr", "daugavpils-blr", "narva-rus"})
    void aCitedClaimCheckedByHandGetsTheSameCheck(String id) {
        JsonNode cited = ok("/claims/" + id);
        JsonNode adHoc = ok("/claims/check?place=" + cited.at("/place/id").asText() + "&to=" + cited.get("target").asText()
            + "&claimed_km=" + cited.get("claimed_km").asText());
        assertThat(adHoc.at("/check/claim_id").isNull()).isTrue();
        assertThat(adHoc.at("/check/measurements")).isEqualTo(cited.at("/check/measurements"));
        assertThat(adHoc.at("/check/verdict_tolerance_km")).isEqualTo(cited.at("/check/verdict_tolerance_km"));
        assertThat(adHoc.at("/check/reach")).isEqualTo(cited.at("/check/reach"));
        assertThat(adHoc.get("stored").asBoolean()).isFalse();
        assertThat(adHoc.get("place")).isEqualTo(cited.get("place"));
    }

    @Test
    void aPointIsMeasuredOnBothDatasetsAndBothDefinitionsAgainstBruteForce() {
        double lat = 59.4370;
        double lon = 24.7536; // Tallinn, claimed 150 km from Russia
        JsonNode r = ok("/claims/check?lat=" + lat + "&lon=" + lon + "&to=RUS&claimed_km=150");
        JsonNode check = r.get("check");
        assertThat(check.get("place").isNull()).isTrue();
        assertThat(check.get("verdict_tolerance_km").asDouble()).isEqualTo(15.0);
        assertThat(check.get("measurement_accuracy_m").asDouble()).isEqualTo(1.0);
        assertThat(check.get("measurements")).hasSize(4);
        for (JsonNode m : check.get("measurements")) {
            Dataset ds = TestData.get().dataset(m.get("dataset").asText());
            Geometry line = m.get("definition").asText().equals("political_boundary")
                ? borderLine(ds, CountryCode.RUS) : ds.territory(CountryCode.RUS).land().getBoundary();
            double expectedKm = new BruteForce(line).distance(lat, lon) / 1000;
            assertThat(m.get("measured_km").asDouble()).as(m.toString()).isCloseTo(expectedKm,
                org.assertj.core.data.Offset.offset(0.0015));
            double diff = 150 - m.get("measured_km").asDouble();
            String verdict = Math.abs(diff) <= 15 ? "accurate" : diff > 0 ? "overstated" : "understated";
            assertThat(m.get("verdict").asText()).isEqualTo(verdict);
        }
    }

    @Test
    void theLandLineLeavesTheSeaOutAndTheAnswerSaysSo() {
        double lat = 59.4370;
        double lon = 24.7536; // Tallinn: the political line to Russia runs out through the Gulf of Finland
        JsonNode land = ok("/claims/check?lat=" + lat + "&lon=" + lon + "&to=RUS&claimed_km=150&border=land");
        JsonNode political = ok("/claims/check?lat=" + lat + "&lon=" + lon + "&to=RUS&claimed_km=150");
        assertThat(land.get("border_line").asText()).isEqualTo("land");
        assertThat(land.at("/check/border_line").asText()).isEqualTo("land");
        assertThat(political.get("border_line").asText()).isEqualTo("political");
        int landBoundaries = 0;
        for (JsonNode m : land.at("/check/measurements")) {
            if (!m.get("definition").asText().equals("land_boundary")) {
                continue;
            }
            landBoundaries++;
            Dataset ds = TestData.get().dataset(m.get("dataset").asText());
            Geometry line = ds.borders().stream().filter(b -> b.bounds(CountryCode.RUS))
                .map(b -> b.line(io.borderline.data.BorderLine.LAND)).filter(g -> !g.isEmpty())
                .reduce(Geometry::union).orElseThrow();
            assertThat(m.get("measured_km").asDouble()).as(m.toString())
                .isCloseTo(new BruteForce(line).distance(lat, lon) / 1000, org.assertj.core.data.Offset.offset(0.0015));
        }
        assertThat(landBoundaries).isEqualTo(TestData.get().datasets().size());
        double politicalOsm = measured(political, "osm10m", "political_boundary");
        double landOsm = measured(land, "osm10m", "land_boundary");
        assertThat(landOsm).as("the sea line is nearer Tallinn than the Narva").isGreaterThan(politicalOsm + 10);
        problem("/claims/check?place=narva&to=RUS&claimed_km=1&border=sea", "border");
        assertThat(ok("/claims/narva-rus?border=land").at("/check/border_line").asText()).isEqualTo("land");
        assertThat(ok("/claims?border=land").get("border_line").asText()).isEqualTo("land");
    }

    private static double measured(JsonNode answer, String dataset, String definition) {
        for (JsonNode m : answer.at("/check/measurements")) {
            if (m.get("dataset").asText().equals(dataset) && m.get("definition").asText().equals(definition)) {
                return m.get("measured_km").asDouble();
            }
        }
        throw new AssertionError("no " + dataset + " " + definition + " in " + answer);
    }

    @Test
    void aCountryOneDatasetLacksIsMeasuredOnTheDatasetsThatDrawIt() {
        JsonNode r = ok("/claims/check?place=narva&to=FIN&claimed_km=200");
        for (JsonNode m : r.at("/check/measurements")) {
            assertThat(TestData.get().dataset(m.get("dataset").asText()).has(CountryCode.FIN)).as(m.toString()).isTrue();
        }
        assertThat(r.at("/check/measurements").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aGeoNamesIdIsAPlace() {
        JsonNode r = ok("/claims/check?place=593116&to=blr&claimed_km=20");
        assertThat(r.at("/place/name").asText()).isEqualTo("Vilnius");
        assertThat(r.at("/check/place").asText()).isEqualTo("593116");
        JsonNode site = ok("/claims/check?place=VILNIUS&to=BLR&claimed_km=20");
        assertThat(r.at("/check/measurements")).isEqualTo(site.at("/check/measurements"));
    }

    @Test
    void nothingIsStored() {
        ok("/claims/check?place=narva&to=RUS&claimed_km=3");
        assertThat(ok("/claims").get("claims")).hasSize(TestData.get().claims().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "20000.01", "1e309", "NaN", "abc"})
    void anAbsurdClaimedDistanceIsA400NamingTheRange(String km) {
        JsonNode p = problem("/claims/check?place=narva&to=RUS&claimed_km=" + km, "claimed_km");
        assertThat(p.get("allowed").asText()).contains("greater than 0").contains("20000");
    }

    @Test
    void anUnknownCountryPointsToTheCountryList() {
        JsonNode p = problem("/claims/check?place=narva&to=XYZ&claimed_km=1", "to");
        assertThat(p.get("detail").asText()).contains("/countries");
        assertThat(p.get("allowed").asText()).contains("/countries");
    }

    @Test
    void placeAndPointAreExclusiveAndOneIsRequired() {
        problem("/claims/check?place=narva&lat=59&lon=28&to=RUS&claimed_km=1", "place");
        problem("/claims/check?to=RUS&claimed_km=1", "place");
        problem("/claims/check?place=atlantis&to=RUS&claimed_km=1", "place");
        problem("/claims/check?place=999999999&to=RUS&claimed_km=1", "place");
        problem("/claims/check?lat=59&to=RUS&claimed_km=1", "lon");
        problem("/claims/check?place=narva&to=RUS", "claimed_km");
    }

    private static Geometry borderLine(Dataset ds, CountryCode c) {
        return ds.borders().stream().filter(b -> b.bounds(c)).map(b -> b.line())
            .reduce(Geometry::union).orElseThrow();
    }

    static JsonNode ok(String url) {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
        return read(r.body());
    }

    static JsonNode problem(String url, String parameter) {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = read(r.body());
        assertThat(p.get("parameter").asText()).as(r.body()).isEqualTo(parameter);
        return p;
    }

    static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
