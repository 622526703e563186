package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.DroneClass;
import io.borderline.geodesy.ReferenceDistance;
import io.borderline.points.BatchOutput;
import io.borderline.points.CsvPoints;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code POST /distance/batch?warning_time=true}: per row, the minutes of every drone class whose range reaches the
 * point, at cruise and maximum speed, in CSV columns and NDJSON fields. The reference is computed here: the
 * brute-force distance to Belarus ({@link ReferenceDistance}, no code shared with the engine) over the published
 * speeds of {@code data/drones.csv}.
 */
class BatchWarningTimeTest {
    private static final int N = 200;
    private static final double MINUTE_ROUNDING = 0.05 + 1e-9;
    private static List<DroneClass> drones;
    private static Geometry belarus;
    private static Geometry belarusShells;
    private static ReferenceDistance reference;
    private static double[][] points;

    @BeforeAll
    static void reference() {
        drones = List.copyOf(TestData.get().drones().values());
        belarus = TestData.get().dataset("osm10m").territory(CountryCode.BLR).land();
        reference = new ReferenceDistance(belarus);
        List<org.locationtech.jts.geom.Polygon> shells = new ArrayList<>();
        for (int i = 0; i < belarus.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) belarus.getGeometryN(i);
            shells.add(belarus.getFactory().createPolygon(p.getExteriorRing().getCoordinateSequence()));
        }
        belarusShells = belarus.getFactory().buildGeometry(shells);
        // seeded points around Belarus (lat 49-60°N, lon 18-36°E): some inside, most at 0-700 km from it
        Random r = new Random(15);
        points = new double[N][];
        for (int i = 0; i < N; i++) {
            points[i] = new double[] {49 + 11 * r.nextDouble(), 18 + 18 * r.nextDouble()};
        }
    }

    private static boolean inside(double lat, double lon) {
        return belarus.covers(new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    }

    /** In a hole of Belarus's land (a lake it encloses): inside by the service's definition, skipped here. */
    private static boolean inAHole(double lat, double lon) {
        var p = new GeometryFactory().createPoint(new Coordinate(lon, lat));
        return belarusShells.covers(p) && !belarus.covers(p);
    }

    /** Minutes expected for a class at a speed, or null (out of range or unknown speed); NaN if too close to call. */
    private static Double expected(double distanceM, DroneClass d, Double speedKmh) {
        if (Math.abs(d.rangeKm() * 1000 - distanceM) < 5) {
            return Double.NaN; // within 5 m of the range: either answer is right
        }
        if (d.rangeKm() * 1000 < distanceM || speedKmh == null) {
            return null;
        }
        return distanceM / 1000 / speedKmh * 60;
    }

    private static String csvBody() {
        StringBuilder b = new StringBuilder("id,lat,lon,name\n");
        for (int i = 0; i < N; i++) {
            b.append('p').append(i).append(',').append(points[i][0]).append(',').append(points[i][1]).append(",x\n");
        }
        return b.append("bad,91,20,x\n").toString();
    }

    @Test
    void csvColumnsHoldTheMinutesOfEveryReachingClassAtCruiseAndMaxSpeed() throws Exception {
        List<String> lines;
        try (Stream<String> s = BatchApiTest.post("/distance/batch?to=BLR&warning_time=true", "text/csv", "text/csv",
                csvBody())) {
            lines = s.toList();
        }
        List<String> header = CsvPoints.split(lines.get(0));
        List<String> expectedHeader = new ArrayList<>(List.of(BatchOutput.Csv.HEADER.split(",")));
        expectedHeader.add("warning_basis");
        for (DroneClass d : drones) {
            expectedHeader.add(d.id() + "_cruise_min");
            expectedHeader.add(d.id() + "_max_speed_min");
        }
        expectedHeader.add("warning_out_of_range");
        expectedHeader.add("name");
        assertThat(header).isEqualTo(expectedHeader);
        int inside = 0;
        int timed = 0;
        for (int i = 0; i < N; i++) {
            List<String> f = CsvPoints.split(lines.get(1 + i));
            assertThat(f).hasSize(header.size());
            assertThat(f.get(header.indexOf("id"))).isEqualTo("p" + i);
            assertThat(f.get(header.size() - 1)).isEqualTo("x");
            double lat = points[i][0];
            double lon = points[i][1];
            if (inAHole(lat, lon)) {
                continue;
            }
            if (inside(lat, lon) && reference.distance(lat, lon) > 5) {
                inside++;
                assertThat(f.get(header.indexOf("warning_basis"))).as("inside Belarus: no warning time").isEmpty();
                continue;
            }
            double m = reference.distance(lat, lon);
            if (m < 5) {
                continue; // on the border line: inside or not is a matter of metres
            }
            assertThat(f.get(header.indexOf("warning_basis"))).as(lines.get(1 + i)).isEqualTo("straight_line_lower_bound");
            List<String> outOfRange = List.of(f.get(header.indexOf("warning_out_of_range")).split(";"));
            for (DroneClass d : drones) {
                timed += check(f.get(header.indexOf(d.id() + "_cruise_min")), expected(m, d, d.cruiseSpeedKmh()), d, m);
                timed += check(f.get(header.indexOf(d.id() + "_max_speed_min")), expected(m, d, d.maxSpeedKmh()), d, m);
                if (Math.abs(d.rangeKm() * 1000 - m) >= 5) {
                    assertThat(outOfRange.contains(d.id())).as("%s at %.0f m", d.id(), m).isEqualTo(d.rangeKm() * 1000 < m);
                }
            }
        }
        List<String> bad = CsvPoints.split(lines.get(1 + N));
        assertThat(bad.get(header.indexOf("error"))).isNotBlank();
        assertThat(bad.get(header.indexOf("warning_basis"))).isEmpty();
        assertThat(inside).as("points inside Belarus").isGreaterThan(10);
        assertThat(timed).as("minutes checked").isGreaterThan(500);
        // the trailer states the basis and every speed with its source
        String trailer = lines.stream().filter(l -> l.startsWith("#warning_time")).collect(Collectors.joining("\n"));
        assertThat(trailer).contains("basis=straight_line_lower_bound").contains("drone=shahed-136 range_km=2000"
            + " cruise_speed_kmh=170 max_speed_kmh=190");
    }

    /** 1 if a number was compared, 0 if the cell is rightly empty or the case too close to call. */
    private static int check(String cell, Double expected, DroneClass d, double distanceM) {
        if (expected != null && expected.isNaN()) {
            return 0;
        }
        if (expected == null) {
            assertThat(cell).as("%s at %.0f m", d.id(), distanceM).isEmpty();
            return 0;
        }
        assertThat(Double.parseDouble(cell)).as("%s at %.0f m", d.id(), distanceM).isCloseTo(expected,
            within(MINUTE_ROUNDING));
        return 1;
    }

    @Test
    void ndjsonRowsCarryTheSameMinutesAndTheSummaryTheSpeedsAndSources() throws Exception {
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < N; i++) {
            fc.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"p").append(i)
                .append("\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                .append(points[i][1]).append(',').append(points[i][0]).append("]}}");
        }
        List<JsonNode> rows;
        try (Stream<String> s = BatchApiTest.post("/distance/batch?to=BLR&warning_time=true", "application/geo+json",
                "application/x-ndjson", fc.append("]}").toString())) {
            rows = BatchApiTest.ndjson(s);
        }
        int timed = 0;
        for (int i = 0; i < N; i++) {
            JsonNode row = rows.get(i);
            double m = reference.distance(points[i][0], points[i][1]);
            if (m < 5 || inAHole(points[i][0], points[i][1])) {
                continue;
            }
            JsonNode w = row.get("warning_time");
            if (inside(points[i][0], points[i][1])) {
                assertThat(w.isNull()).as(row.toString()).isTrue();
                continue;
            }
            assertThat(w.isNull()).as(row.toString()).isFalse();
            assertThat(w.get("basis").asText()).isEqualTo("straight_line_lower_bound");
            Double shortest = null;
            for (DroneClass d : drones) {
                JsonNode c = null;
                for (JsonNode x : w.get("classes")) {
                    c = x.get("drone").asText().equals(d.id()) ? x : c;
                }
                Double cruise = expected(m, d, d.cruiseSpeedKmh());
                Double max = expected(m, d, d.maxSpeedKmh());
                if (Math.abs(d.rangeKm() * 1000 - m) < 5) {
                    continue;
                }
                assertThat(c == null).as("%s at %.0f m", d.id(), m).isEqualTo(d.rangeKm() * 1000 < m);
                if (c == null) {
                    continue;
                }
                for (Object[] pair : new Object[][] {{"at_cruise_min", cruise}, {"at_max_speed_min", max}}) {
                    Double e = (Double) pair[1];
                    if (e == null) {
                        assertThat(c.get((String) pair[0]).isNull()).isTrue();
                    } else {
                        assertThat(c.get((String) pair[0]).asDouble()).isCloseTo(e, within(MINUTE_ROUNDING));
                        shortest = shortest == null ? e : Math.min(shortest, e);
                        timed++;
                    }
                }
            }
            if (shortest != null) {
                assertThat(w.get("shortest_min").asDouble()).isCloseTo(shortest, within(MINUTE_ROUNDING));
            }
        }
        assertThat(timed).isGreaterThan(500);
        JsonNode legend = rows.get(N).get("summary").get("warning_time");
        assertThat(legend.get("basis").asText()).isEqualTo("straight_line_lower_bound");
        assertThat(legend.get("note").asText()).contains("lower bound");
        assertThat(legend.get("drones")).hasSize(drones.size());
        for (JsonNode d : legend.get("drones")) {
            DroneClass c = TestData.get().drones().get(d.get("drone").asText());
            if (c.cruiseSpeedKmh() != null) {
                // the speed is quoted in its cited source text
                assertThat(d.get("cruise_speed_source").asText()).contains(
                    Long.toString(Math.round(d.get("cruise_speed_kmh").asDouble())));
            }
        }
    }

    @Test
    void warningTimeIsOptInAndItsValueIsChecked() throws Exception {
        try (Stream<String> s = BatchApiTest.post("/distance/batch?to=BLR", "text/csv", "text/csv",
                "lat,lon\n54.68916,25.2798\n")) {
            List<String> lines = s.toList();
            assertThat(lines.get(0)).isEqualTo(BatchOutput.Csv.HEADER);
            assertThat(lines).noneMatch(l -> l.startsWith("#warning_time"));
        }
        try (Stream<String> s = BatchApiTest.post("/distance/batch?to=BLR&warning_time=false", "application/json",
                "application/x-ndjson", "{\"type\":\"MultiPoint\",\"coordinates\":[[25.2798,54.68916]]}")) {
            List<JsonNode> rows = BatchApiTest.ndjson(s);
            assertThat(rows.get(0).has("warning_time")).isFalse();
            assertThat(rows.get(1).get("summary").has("warning_time")).isFalse();
        }
        HttpResponse<String> bad = ServerFixture.post("/distance/batch?to=BLR&warning_time=yes", "text/csv", "text/csv",
            "lat,lon\n54.68916,25.2798\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(BadInputTest.read(bad.body()).get("parameter").asText()).isEqualTo("warning_time");
    }
}
