package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.data.CountryCode;
import io.borderline.data.DroneClass;
import io.borderline.geodesy.ReferenceDistance;
import io.borderline.json.Json;
import io.borderline.tiles.TileId;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The time-rings collection (OGC API - Features), its vector tile layer and its style layers: the expected rings
 * are derived here from the catalogue's speeds and ranges, every outline vertex of the Belarusian Shahed-136 rings
 * is checked against the brute-force distance to Belarus ({@link ReferenceDistance}), and the tile is decoded by
 * an independent MVT reader.
 */
class TimeRingsCollectionTest {
    private static final List<Integer> MINUTES = List.of(5, 10, 15, 30, 60);

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = ServerFixture.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void theCollectionHoldsOneRingPerSourceClassAndFlightTimeWithinTheRange() throws Exception {
        JsonNode fc = json("/collections/time-rings/items?limit=1000");
        Set<String> expected = new TreeSet<>();
        for (String source : List.of("BLR", "RUS-KGD")) {
            for (DroneClass d : TestData.get().drones().values()) {
                Double speed = d.maxSpeedKmh() != null ? d.maxSpeedKmh() : d.cruiseSpeedKmh();
                for (int m : MINUTES) {
                    if (speed != null && speed * m / 60 <= d.rangeKm()) {
                        expected.add(source + "-" + d.id() + "-" + m + "min");
                    }
                }
            }
        }
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : fc.get("features")) {
            ids.add(f.get("id").asText());
            JsonNode p = f.get("properties");
            DroneClass d = TestData.get().drones().get(p.get("drone").asText());
            double speed = d.maxSpeedKmh() != null ? d.maxSpeedKmh() : d.cruiseSpeedKmh();
            assertThat(p.get("speed_kmh").asDouble()).isEqualTo(speed);
            assertThat(p.get("range_km").asDouble()).isCloseTo(speed * p.get("minutes").asDouble() / 60, within(0.001));
            assertThat(p.get("range_km").asDouble()).isLessThanOrEqualTo(p.get("class_range_km").asDouble());
            assertThat(p.get("basis").asText()).isEqualTo("straight_line_lower_bound");
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(ids).contains("BLR-shahed-136-60min", "RUS-KGD-lancet-5min");
        // the property filters are OGC equality filters
        JsonNode ten = json("/collections/time-rings/items?source=BLR&minutes=10");
        assertThat(ten.get("features")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("properties").get("minutes").asInt()).isEqualTo(10);
            assertThat(f.get("properties").get("source").asText()).isEqualTo("BLR");
        });
    }

    @Test
    void everyOutlineVertexOfTheBelarusianShahedRingsLiesAtSpeedTimesMinutesFromBelarus() throws Exception {
        Geometry belarus = TestData.get().dataset("osm10m").territory(CountryCode.BLR).land();
        ReferenceDistance reference = new ReferenceDistance(belarus);
        JsonNode fc = json("/collections/time-rings/items?source=BLR&drone=shahed-136");
        assertThat(fc.get("features")).hasSize(MINUTES.size());
        int vertices = 0;
        double previousArea = 0;
        Map<String, Double> deviations = new java.util.TreeMap<>();
        for (JsonNode f : fc.get("features")) {
            double r = f.get("properties").get("range_km").asDouble() * 1000;
            double tol = GeodesicBuffer.toleranceM(r);
            Geometry g = new GeoJsonReader().read(f.get("geometry").toString());
            double worst = 0;
            Coordinate worstAt = null;
            for (Coordinate v : g.getCoordinates()) {
                double off = Math.abs(reference.distance(v.y, v.x) - r);
                if (off > worst) {
                    worst = off;
                    worstAt = v;
                }
                vertices++;
            }
            System.out.printf("time ring %s: %d vertices, worst %.1f m off R at %s (tolerance %.1f m)%n",
                f.get("id").asText(), g.getNumPoints(), worst, worstAt, tol);
            deviations.put(f.get("id").asText(), worst);
            // nothing of Belarus is outside its ring (the ring is the area reached, source included)
            assertThat(new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(g)
                .locate(belarus.getInteriorPoint().getCoordinate())).isNotEqualTo(org.locationtech.jts.geom.Location.EXTERIOR);
            double area = f.get("properties").get("area_km2").asDouble();
            assertThat(area).isGreaterThan(previousArea);
            previousArea = area;
        }
        assertThat(vertices).isGreaterThan(1000);
        System.out.println("time ring deviations: " + deviations);
        // every ring from 10 min (31.7 km) up: every vertex within the tolerance of the brute force
        deviations.forEach((id, off) -> {
            if (!id.endsWith("-5min")) {
                double r = 190.0 * Integer.parseInt(id.replaceAll(".*-(\\d+)min", "$1")) / 60 * 1000;
                assertThat(off).as(id).isLessThanOrEqualTo(GeodesicBuffer.toleranceM(r));
            }
        });
        assertThat(deviations).containsKeys("BLR-shahed-136-10min", "BLR-shahed-136-60min");
    }

    /**
     * The same check on the shortest ring. Found a defect when written (2ff63c0): a vertex at 55.3066758 N
     * 31.1400615 E 29.3 m beyond R. The engine of 2ff63c0 still puts it there (29.0 m against the same data); the
     * engine since perf2's merge (ddef548) moves the vertices its outline repair leaves off R back onto R
     * ({@code Outline.settle}, whose ridge check keeps a repair from re-creating them: CoverageShapesTest's Russia at
     * 15 km, DistanceRidgeTest), and this ring's worst vertex is 4.6 m off R.
     */
    @Test
    void theFiveMinuteRingIsWithinTheToleranceToo() throws Exception {
        Geometry belarus = TestData.get().dataset("osm10m").territory(CountryCode.BLR).land();
        ReferenceDistance reference = new ReferenceDistance(belarus);
        JsonNode f = json("/collections/time-rings/items/BLR-shahed-136-5min");
        double r = f.get("properties").get("range_km").asDouble() * 1000;
        for (Coordinate v : new GeoJsonReader().read(f.get("geometry").toString()).getCoordinates()) {
            assertThat(reference.distance(v.y, v.x)).as("vertex %s", v).isCloseTo(r, within(GeodesicBuffer.toleranceM(r)));
        }
    }

    @Test
    void theVectorTilesCarryTheRingsWithTheirMinutesAndTheStyleDrawsThem() throws Exception {
        double lat = 54.68916;
        double lon = 25.2798; // Vilnius: within 60 min of Belarus for every long-range class
        int z = 6;
        TileId t = new TileId(z, (int) Math.floor(MercatorReference.column(lon, z)),
            (int) Math.floor(MercatorReference.row(lat, z)));
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ServerFixture.base()
            + "/tiles/" + t + ".mvt?layers=time_rings")).timeout(java.time.Duration.ofSeconds(300)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
            new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        assertThat(mvt.getLayersByName().keySet()).containsExactly("time_rings");
        List<String> rings = new ArrayList<>();
        for (Geometry g : mvt.getLayer("time_rings").getGeometries()) {
            Map<?, ?> p = (Map<?, ?>) g.getUserData();
            assertThat(p.get("minutes")).isInstanceOf(Number.class);
            assertThat(p.get("range_km")).isInstanceOf(Number.class);
            rings.add(p.get("source") + "/" + p.get("drone") + "/" + ((Number) p.get("minutes")).intValue());
        }
        assertThat(rings).contains("BLR/shahed-136/60", "BLR/shahed-136/10", "RUS-KGD/gerbera/60");
        // the style has a dashed line layer per launch area and class with a speed, coloured by minutes
        JsonNode style = json("/tiles/style.json");
        List<String> timeLayers = new ArrayList<>();
        for (JsonNode l : style.get("layers")) {
            if (l.path("source-layer").asText().equals("time_rings")) {
                timeLayers.add(l.get("id").asText());
                assertThat(l.get("type").asText()).isEqualTo("line");
                assertThat(l.get("paint").get("line-color").get(0).asText()).isEqualTo("step");
                assertThat(l.get("paint").get("line-color").get(1).toString()).isEqualTo("[\"get\",\"minutes\"]");
                String drone = l.get("filter").get(2).get(2).asText();
                assertThat(TestData.get().drones()).containsKey(drone);
            }
        }
        assertThat(timeLayers).contains("time-rings-BLR-shahed-136", "time-rings-RUS-KGD-lancet");
        JsonNode tileJson = json("/tiles/tilejson.json");
        List<String> vectorLayers = new ArrayList<>();
        tileJson.get("vector_layers").forEach(v -> vectorLayers.add(v.get("id").asText()));
        assertThat(vectorLayers).contains("time_rings");
    }
}
