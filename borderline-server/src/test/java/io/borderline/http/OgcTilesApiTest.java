package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** OGC API - Tiles: the tile matrix set, the tileset documents, and tiles that are the XYZ tiles under OGC paths. */
class OgcTilesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Half the EPSG:3857 world, m: π times the WGS84 semi-major axis. */
    private static final double HALF_WORLD_M = Math.PI * 6_378_137.0;

    private static JsonNode json(String path) throws Exception {
        var r = ServerFixture.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void webMercatorQuadMatricesCoverTheWorldWithHalvingCellSizes() throws Exception {
        JsonNode tms = json("/tileMatrixSets/WebMercatorQuad");
        assertThat(tms.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        JsonNode matrices = tms.get("tileMatrices");
        assertThat(matrices).hasSize(15);
        for (int z = 0; z < matrices.size(); z++) {
            JsonNode m = matrices.get(z);
            assertThat(m.get("id").asText()).isEqualTo(Integer.toString(z));
            assertThat(m.get("matrixWidth").asLong()).isEqualTo(1L << z);
            double width = m.get("cellSize").asDouble() * m.get("tileWidth").asInt() * m.get("matrixWidth").asLong();
            assertThat(width).isCloseTo(2 * HALF_WORLD_M, Offset.offset(1e-6));
            assertThat(m.get("scaleDenominator").asDouble())
                .isCloseTo(m.get("cellSize").asDouble() / 0.00028, Offset.offset(1e-6));
            assertThat(m.get("pointOfOrigin").get(0).asDouble()).isCloseTo(-HALF_WORLD_M, Offset.offset(1e-6));
            assertThat(m.get("pointOfOrigin").get(1).asDouble()).isCloseTo(HALF_WORLD_M, Offset.offset(1e-6));
        }
        // the standard's value for zoom 0 (OGC 17-083r4, Annex D.1)
        assertThat(matrices.get(0).get("scaleDenominator").asDouble()).isCloseTo(559082264.028717, Offset.offset(1e-3));
    }

    @Test
    void theTilesetLinksItsTileMatrixSetAndATemplateThatResolvesToTiles() throws Exception {
        JsonNode list = json("/tiles");
        String self = null;
        for (JsonNode l : list.get("tilesets").get(0).get("links")) {
            if (l.get("rel").asText().equals("self")) {
                self = l.get("href").asText();
            }
        }
        assertThat(self).endsWith("/tiles/WebMercatorQuad");
        JsonNode tileset = json("/tiles/WebMercatorQuad");
        assertThat(tileset.get("dataType").asText()).isEqualTo("vector");
        String template = null;
        String scheme = null;
        for (JsonNode l : tileset.get("links")) {
            if (l.get("rel").asText().equals("item")) {
                template = l.get("href").asText();
                assertThat(l.get("type").asText()).isEqualTo("application/vnd.mapbox-vector-tile");
                assertThat(l.get("templated").asBoolean()).isTrue();
            }
            if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme")) {
                scheme = l.get("href").asText();
            }
        }
        assertThat(scheme).endsWith("/tileMatrixSets/WebMercatorQuad");
        String tile = template.replace(ServerFixture.base(), "").replace("{tileMatrix}", "6").replace("{tileRow}", "20")
            .replace("{tileCol}", "36");
        HttpResponse<byte[]> ogc = VectorTilesApiTest.get(tile, Map.of());
        HttpResponse<byte[]> xyz = VectorTilesApiTest.get("/tiles/6/36/20.mvt", Map.of());
        assertThat(ogc.statusCode()).isEqualTo(200);
        assertThat(ogc.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        // tileRow is y and tileCol is x: the same bytes as the XYZ tile
        assertThat(ogc.body()).isEqualTo(xyz.body());
        List<String> layerIds = new ArrayList<>();
        tileset.get("layers").forEach(l -> layerIds.add(l.get("id").asText()));
        assertThat(layerIds).containsExactly("countries", "borders", "sites", "coverage", "time_rings");
    }

    @ParameterizedTest
    @CsvSource({"countries,code", "borders,id", "sites,id"})
    void aCollectionTileHoldsOnlyThatCollectionsLayerWithTheSameFeatures(String collection, String key) throws Exception {
        JtsMvt all = mvt("/tiles/WebMercatorQuad/6/20/36");
        JtsMvt one = mvt("/collections/" + collection + "/tiles/WebMercatorQuad/6/20/36");
        assertThat(one.getLayersByName().keySet()).containsExactly(collection);
        JtsLayer expected = all.getLayer(collection);
        JtsLayer got = one.getLayer(collection);
        assertThat(got.getGeometries()).hasSameSizeAs(expected.getGeometries());
        List<Geometry> e = new ArrayList<>(expected.getGeometries());
        List<Geometry> g = new ArrayList<>(got.getGeometries());
        for (int i = 0; i < e.size(); i++) {
            assertThat(g.get(i).equalsExact(e.get(i))).isTrue();
            assertThat(((Map<?, ?>) g.get(i).getUserData()).get(key)).isEqualTo(((Map<?, ?>) e.get(i).getUserData()).get(key));
        }
        JsonNode tileset = json("/collections/" + collection + "/tiles/WebMercatorQuad");
        assertThat(tileset.get("layers")).hasSize(1);
        assertThat(tileset.get("layers").get(0).get("id").asText()).isEqualTo(collection);
    }

    @Test
    void theLandingPageCollectionsAndConformanceAdvertiseTheTiles() throws Exception {
        List<String> rels = new ArrayList<>();
        json("/").get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertThat(rels).contains("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
            "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes");
        List<String> collectionRels = new ArrayList<>();
        json("/collections/borders").get("links").forEach(l -> collectionRels.add(l.get("rel").asText()));
        assertThat(collectionRels).contains("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        List<String> classes = new ArrayList<>();
        json("/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
        for (String c : List.of("core", "tileset", "tilesets-list", "geodata-tilesets", "dataset-tilesets", "mvt")) {
            assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/" + c);
        }
    }

    @ParameterizedTest
    @CsvSource({"/collections/claims/tiles,404", "/collections/countries/tiles/WebMercatorQuad/15/0/0,400",
        "/tiles/WebMercatorQuad/2/4/0,400", "/tiles/WebMercatorQuad/2/0/x,400", "/tiles/WorldCRS84Quad,404"})
    void unknownCollectionsAndTilesOutsideTheMatrixAreProblems(String path, int status) {
        var r = ServerFixture.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static JtsMvt mvt(String path) throws Exception {
        HttpResponse<byte[]> r = VectorTilesApiTest.get(path, Map.of());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
            new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
    }
}
