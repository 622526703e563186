package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.http.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GDAL (Debian gdal-bin) reads the OGC API as a real client: ogrinfo lists the collections,
 * ogr2ogr pages through every feature of each, and what it read equals what the service serves.
 * gdalsrsinfo and gdaltransform are the independent reference for the CRS axis orders and projections.
 */
class GdalOapifTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLLECTIONS =
        List.of("countries", "borders", "sites", "claims", "drones", "coverage-blr", "coverage-rus",
            "time-rings");
    private static final Map<String, String> ENV = Map.of("GDAL_HTTP_TIMEOUT", "300", "CPL_DEBUG", "OFF");
    /** lon/lat box of the Baltic states west of Russia's mainland (Kaliningrad and Belarus below it). */
    private static final List<String> BALTIC_BOX = List.of("21", "55.7", "26.5", "58");
    private static Path ogrinfo;
    private static Path ogr2ogr;

    @BeforeAll
    static void tools() {
        ogrinfo = ExternalTool.require("ogrinfo");
        ogr2ogr = ExternalTool.require("ogr2ogr");
    }

    private static String oapif() {
        return "OAPIF:" + ServerFixture.base();
    }

    @Test
    void ogrinfoListsEveryCollectionWithItsGeometryType() {
        String out = Processes.run(List.of(ogrinfo.toString(), "-ro", "-so", oapif()), ENV, 600)
            .requireSuccess(List.of("ogrinfo")).stdout();
        Map<String, String> layers = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\d+: ([\\w-]+) \\(title: [^\\n]*?\\)(?: \\(([\\w ]+)\\))?$").matcher(out);
        while (m.find()) {
            layers.put(m.group(1), m.group(2));
        }
        assertThat(layers.keySet()).containsExactlyInAnyOrderElementsOf(COLLECTIONS);
        assertThat(layers).containsEntry("countries", "Multi Polygon").containsEntry("borders", "Multi Line String")
            .containsEntry("sites", "Point").containsEntry("claims", "Point")
            .containsEntry("coverage-blr", "Multi Polygon").containsEntry("coverage-rus", "Multi Polygon")
            .containsEntry("time-rings", "Multi Polygon");
    }

    /** ogr2ogr pages through the collection (small pages, following rel=next) and gets every feature unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"countries", "borders", "sites", "claims", "drones", "coverage-blr", "coverage-rus",
        "time-rings"})
    void gdalReadsEveryFeatureOfEachCollection(String collection) throws Exception {
        // the world's countries at full resolution are 8.9 million vertices: the countries of the Baltic states'
        // box (LTU, LVA, EST, BLR and their neighbours there), through the same bbox on both sides
        boolean world = collection.equals("countries");
        JsonNode served = servedAll("/collections/" + collection + "/items?limit=1000"
            + (world ? "&bbox=" + String.join(",", BALTIC_BOX) : ""));
        int pageSize = collection.equals("sites") ? 7 : 3; // several pages everywhere
        List<String> options = new ArrayList<>(List.of("-oo", "PAGE_SIZE=" + pageSize));
        if (world) {
            options.add("-spat");
            options.addAll(BALTIC_BOX);
        }
        JsonNode read = readWithGdal(collection, options);
        if (world) {
            assertThat(ids(served)).contains("LTU", "LVA", "EST").doesNotContain("FRA", "USA");
        }
        assertThat(read.get("features").size()).isEqualTo(served.get("numberMatched").asInt())
            .isEqualTo(served.get("features").size());
        GeoJsonReader reader = new GeoJsonReader();
        for (int i = 0; i < served.get("features").size(); i++) {
            JsonNode s = served.get("features").get(i);
            JsonNode g = byId(read, s.get("id").asText());
            assertThat(g).as(collection + " feature " + s.get("id")).isNotNull();
            for (var it = s.get("properties").fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode value = g.get("properties").get(e.getKey());
                if (e.getValue().isNull()) {
                    assertThat(value == null || value.isNull()).as(e.getKey()).isTrue();
                } else if (e.getValue().isNumber()) {
                    assertThat(value.asDouble()).as(e.getKey()).isEqualTo(e.getValue().asDouble());
                } else {
                    assertThat(value.asText()).as(e.getKey()).isEqualTo(e.getValue().asText());
                }
            }
            if (s.get("geometry").isNull()) {
                assertThat(g.get("geometry") == null || g.get("geometry").isNull()).isTrue();
                continue;
            }
            Geometry ours = reader.read(s.get("geometry").toString());
            Geometry theirs = reader.read(g.get("geometry").toString());
            assertThat(theirs.getNumPoints()).isEqualTo(ours.getNumPoints());
            assertThat(theirs.equalsExact(ours, 1e-9)).as(collection + " " + s.get("id")).isTrue();
            if (s.get("properties").has("area_km2") && !collection.startsWith("coverage")) {
                // the area GDAL's copy encloses, measured on the ellipsoid, is the area the service states
                assertThat(EllipsoidalMeasure.areaM2(theirs) / 1e6)
                    .isCloseTo(s.get("properties").get("area_km2").asDouble(),
                        org.assertj.core.data.Percentage.withPercentage(0.01));
            }
        }
    }

    /**
     * Every page of a collection, following rel=next (a page of the whole of Russia stops at its vertex budget
     * before the limit), as one collection with the first page's numberMatched.
     */
    private static JsonNode servedAll(String firstPage) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode all = (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(ServerFixture.get(firstPage).body());
        com.fasterxml.jackson.databind.node.ArrayNode features = (com.fasterxml.jackson.databind.node.ArrayNode) all.get("features");
        JsonNode page = all;
        for (int pages = 0; pages < 100; pages++) {
            String next = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asText().equals("next")) {
                    next = l.get("href").asText();
                }
            }
            if (next == null) {
                return all;
            }
            page = JSON.readTree(ServerFixture.get(next.substring(next.indexOf("/collections/"))).body());
            page.get("features").forEach(features::add);
        }
        throw new AssertionError("more than 100 pages: " + firstPage);
    }

    @Test
    void aSpatialFilterReturnsWhatTheServiceMatchesForTheSameBox() throws Exception {
        JsonNode read = readWithGdal("sites", List.of("-spat", "24", "53.5", "26", "55.5"));
        JsonNode served = JSON.readTree(ServerFixture.get("/collections/sites/items?bbox=24,53.5,26,55.5").body());
        List<String> gdalIds = ids(read);
        assertThat(gdalIds).isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(served));
        assertThat(gdalIds).contains("vilnius", "lida-airbase");
    }

    @Test
    void anAttributeFilterGivesTheSameFeaturesAsTheServersFilter() throws Exception {
        JsonNode read = readWithGdal("sites", List.of("-where", "kind = 'airfield'"));
        JsonNode served = JSON.readTree(ServerFixture.get("/collections/sites/items?kind=airfield").body());
        assertThat(ids(read)).isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(served));
    }

    /**
     * Every served CRS against PROJ (through gdaltransform, which takes and gives easting first) and its
     * axis order against the EPSG definition (gdalsrsinfo): Vilnius's coordinates in each CRS, in the
     * order the CRS defines, within 5 cm.
     */
    @ParameterizedTest
    @ValueSource(strings = {"4326", "3857", "3035", "2180", "3346", "3059", "3301"})
    void servedCoordinatesMatchProjAndTheEpsgAxisOrder(String code) throws Exception {
        Path gdaltransform = ExternalTool.require("gdaltransform");
        Path gdalsrsinfo = ExternalTool.require("gdalsrsinfo");
        String uri = "http://www.opengis.net/def/crs/EPSG/0/" + code;
        var r = ServerFixture.get("/collections/sites/items/vilnius?crs=" + uri);
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + uri + ">");
        JsonNode xy = JSON.readTree(r.body()).get("geometry").get("coordinates");
        JsonNode lonLat = JSON.readTree(ServerFixture.get("/collections/sites/items/vilnius").body())
            .get("geometry").get("coordinates");
        List<String> t = List.of(gdaltransform.toString(), "-s_srs", "EPSG:4326", "-t_srs", "EPSG:" + code);
        ProcessBuilder pb = new ProcessBuilder(t);
        Process p = pb.start();
        p.getOutputStream().write((lonLat.get(0).asText() + " " + lonLat.get(1).asText() + "\n").getBytes());
        p.getOutputStream().close();
        String[] eastNorth = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
        assertThat(p.waitFor()).isZero();
        String wkt = Processes.run(List.of(gdalsrsinfo.toString(), "-o", "wkt2_2019", "EPSG:" + code), Map.of(), 60)
            .requireSuccess(List.of("gdalsrsinfo")).stdout();
        Matcher axis = Pattern.compile("AXIS\\[\"[^\"]*\",(north|east)").matcher(wkt);
        assertThat(axis.find()).isTrue();
        boolean northFirst = axis.group(1).equals("north");
        double east = Double.parseDouble(eastNorth[0]);
        double north = Double.parseDouble(eastNorth[1]);
        double first = northFirst ? north : east;
        double second = northFirst ? east : north;
        double tolerance = code.equals("4326") ? 1e-7 : 0.05;
        assertThat(xy.get(0).asDouble()).isCloseTo(first, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(xy.get(1).asDouble()).isCloseTo(second, org.assertj.core.data.Offset.offset(tolerance));
    }

    private static JsonNode readWithGdal(String collection, List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ogr2ogr.toString(), "-f", "GeoJSON", "/vsistdout/", oapif(),
            collection, "-lco", "COORDINATE_PRECISION=9", "-preserve_fid"));
        cmd.addAll(options);
        String out = Processes.run(cmd, ENV, 600).requireSuccess(cmd).stdout();
        return JSON.readTree(out);
    }

    private static JsonNode byId(JsonNode fc, String id) {
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            String fid = f.has("id") && !f.get("id").isNumber() ? f.get("id").asText()
                : p.has("id") ? p.get("id").asText() : null;
            if (id.equals(fid)) {
                return f;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : fc.get("features")) {
            out.add(f.has("id") && !f.get("id").isNumber() ? f.get("id").asText() : f.get("properties").get("id").asText());
        }
        return out;
    }
}
