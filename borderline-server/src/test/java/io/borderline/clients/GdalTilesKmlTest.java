package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.http.ServerFixture;
import io.borderline.http.MercatorReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GDAL (Debian gdal-bin 3.6) as an independent reader of the vector tiles (its MVT driver, which
 * georeferences a tile from the z/x/y in its URL and gives EPSG:3857 coordinates) and of the KML and
 * KMZ (its LIBKML driver, which turns ExtendedData into fields). A whole zoom level
 * ({@code MVT:http://host/tiles/6}, with the published metadata.json) is read in {@link GdalOgcTilesTest}.
 */
class GdalTilesKmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("CPL_DEBUG", "OFF", "GDAL_HTTP_TIMEOUT", "300");
    private static Path ogrinfo;
    private static Path ogr2ogr;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ogrinfo = ExternalTool.require("ogrinfo");
        ogr2ogr = ExternalTool.require("ogr2ogr");
        String formats = Processes.run(List.of(ogrinfo.toString(), "--formats"), ENV, 120).stdout();
        if (!formats.contains("LIBKML") || !formats.contains("MVT")) {
            ExternalTool.missing("GDAL's LIBKML and MVT drivers");
        }
    }

    private static String ogrinfo(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ogrinfo.toString(), "-ro", "-al"));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, ENV, 600).requireSuccess(cmd).stdout();
    }

    /** The block ogrinfo prints for the feature whose field {@code field} is {@code value}. */
    private static String feature(String out, String field, String value) {
        for (String block : out.split("\nOGRFeature")) {
            if (block.contains("\n  " + field + " (String) = " + value + "\n")) {
                return block;
            }
        }
        throw new AssertionError("no feature with " + field + " = " + value + " in\n" + out);
    }

    private static String field(String block, String name) {
        Matcher m = Pattern.compile("\n  " + Pattern.quote(name) + " \\(\\w+\\) = ([^\n]*)").matcher(block);
        assertThat(m.find()).as(name + " in " + block).isTrue();
        return m.group(1);
    }

    private Path download(String path, String file) throws Exception {
        Path p = dir.resolve(file);
        HttpResponse<Path> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(ServerFixture.base() + path)).timeout(java.time.Duration.ofSeconds(300)).build(), HttpResponse.BodyHandlers.ofFile(p));
        assertThat(r.statusCode()).isEqualTo(200);
        return p;
    }

    @Test
    void gdalDecodesTheTileOverVilniusWithTheSiteWithinOneTileUnitAndTheCountriesProperties() throws Exception {
        JsonNode site = JSON.readTree(ServerFixture.get("/collections/sites/items/vilnius").body());
        double lon = site.get("geometry").get("coordinates").get(0).asDouble();
        double lat = site.get("geometry").get("coordinates").get(1).asDouble();
        int z = 6;
        double size = MercatorReference.tileSizeM(z);
        int x = (int) Math.floor(MercatorReference.column(lon, z));
        int y = (int) Math.floor(MercatorReference.row(lat, z));
        String out = ogrinfo("MVT:" + ServerFixture.base() + "/tiles/" + z + "/" + x + "/" + y + ".mvt");
        assertThat(out).contains("Layer name: countries", "Layer name: borders", "Layer name: sites",
            "Layer name: coverage");
        Matcher point = Pattern.compile("POINT \\(([-\\d.]+) ([-\\d.]+)\\)").matcher(feature(out, "id", "vilnius"));
        assertThat(point.find()).isTrue();
        double unit = size / 4096; // 153 m at z=6
        // GDAL's own EPSG:3857 position of the decoded point against the site's true Web Mercator position
        assertThat(Double.parseDouble(point.group(1))).isCloseTo(MercatorReference.x(lon), Offset.offset(unit));
        assertThat(Double.parseDouble(point.group(2))).isCloseTo(MercatorReference.y(lat), Offset.offset(unit));
        JsonNode countries = JSON.readTree(ServerFixture.get("/collections/countries/items?bbox=21,54,27,56.5").body());
        for (String code : List.of("BLR", "LTU")) {
            String block = feature(out, "code", code);
            JsonNode served = null;
            for (JsonNode f : countries.get("features")) {
                if (f.get("id").asText().equals(code)) {
                    served = f.get("properties");
                }
            }
            assertThat(field(block, "name_en")).isEqualTo(served.get("name_en").asText());
            assertThat(Double.parseDouble(field(block, "area_km2"))).isEqualTo(served.get("area_km2").asDouble());
            assertThat(block).contains("MULTIPOLYGON");
        }
        String coverage = feature(out, "drone", "lancet");
        assertThat(field(coverage, "source")).isIn("BLR", "RUS");
    }

    @Test
    void libkmlReadsTheClaimsWithTheirExtendedDataValues() throws Exception {
        Path kml = download("/collections/claims/items?f=kml", "claims.kml");
        String out = ogrinfo(kml.toString());
        assertThat(out).contains("using driver `LIBKML'");
        JsonNode claims = JSON.readTree(ServerFixture.get("/collections/claims/items").body());
        assertThat(claims.get("features").size()).isEqualTo(3);
        for (JsonNode f : claims.get("features")) {
            String block = feature(out, "id", f.get("id").asText());
            JsonNode p = f.get("properties");
            assertThat(Double.parseDouble(field(block, "measured_km"))).isEqualTo(p.get("measured_km").asDouble());
            assertThat(field(block, "verdict")).isEqualTo(p.get("verdict").asText());
            assertThat(field(block, "target")).isEqualTo(p.get("target").asText());
        }
        assertThat(field(feature(out, "id", "vilnius-blr"), "measured_km")).isEqualTo("29.057");
    }

    @Test
    void theCoverageKmlReadByGdalHasTheGeoJsonPolygonsVerticesAndArea() throws Exception {
        String q = "/coverage?site=lida-airbase&range_km=120";
        JsonNode served = JSON.readTree(ServerFixture.get(q).body()).get("features").get(0);
        Path kml = download(q + "&f=kml", "coverage.kml");
        Path kmz = download(q + "&f=kmz", "coverage.kmz");
        GeoJsonReader reader = new GeoJsonReader();
        Geometry ours = reader.read(served.get("geometry").toString());
        for (String source : List.of(kml.toString(), "/vsizip/" + kmz + "/doc.kml", kmz.toString())) {
            // LIBKML makes a layer of each folder: "Coverage" and "Source"
            List<String> cmd = List.of(ogr2ogr.toString(), "-f", "GeoJSON", "/vsistdout/", source, "Coverage",
                "-lco", "COORDINATE_PRECISION=7");
            JsonNode read = JSON.readTree(Processes.run(cmd, ENV, 600).requireSuccess(cmd).stdout());
            assertThat(read.get("features").size()).isEqualTo(1);
            JsonNode f = read.get("features").get(0);
            Geometry theirs = reader.read(f.get("geometry").toString());
            assertThat(theirs.getNumPoints()).as(source).isEqualTo(ours.getNumPoints());
            assertThat(EllipsoidalMeasure.areaM2(theirs)).as(source)
                .isCloseTo(EllipsoidalMeasure.areaM2(ours), Percentage.withPercentage(0.001));
            assertThat(Double.parseDouble(f.get("properties").get("land_in_range_including_source_km2").asText()))
                .isEqualTo(served.get("properties").get("land_in_range_including_source_km2").asDouble());
        }
        assertThat(Files.size(kmz)).isLessThan(Files.size(kml));
    }
}
