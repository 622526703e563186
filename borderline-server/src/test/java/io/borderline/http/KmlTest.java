package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** KML and KMZ answers of the feature collections and of /coverage, read back with the JDK's XML parser. */
class KmlTest {
    static final String NS = "http://www.opengis.net/kml/2.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Document parse(byte[] kml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(kml));
    }

    /** Each placemark's ExtendedData as name -> value, by placemark id. */
    static Map<String, Map<String, String>> data(Document d) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        NodeList placemarks = d.getElementsByTagNameNS(NS, "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element p = (Element) placemarks.item(i);
            Map<String, String> values = new LinkedHashMap<>();
            NodeList data = p.getElementsByTagNameNS(NS, "Data");
            for (int j = 0; j < data.getLength(); j++) {
                Element e = (Element) data.item(j);
                values.put(e.getAttribute("name"), e.getElementsByTagNameNS(NS, "value").item(0).getTextContent());
            }
            out.put(p.getAttribute("id"), values);
        }
        return out;
    }

    @Test
    void claimsAsKmlCarryEveryPropertyWithTheServicesValues() throws Exception {
        HttpResponse<byte[]> r = VectorTilesApiTest.get("/collections/claims/items?f=kml", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/vnd.google-earth.kml+xml"));
        Document d = parse(r.body());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("kml");
        Element doc = (Element) d.getElementsByTagNameNS(NS, "Document").item(0);
        assertThat(doc.getElementsByTagNameNS(NS, "name").item(0).getTextContent()).isEqualTo("Borderline: Claims");
        assertThat(doc.getElementsByTagNameNS(NS, "description").item(0).getTextContent())
            .contains("OpenStreetMap contributors");
        Map<String, Map<String, String>> data = data(d);
        JsonNode served = JSON.readTree(ServerFixture.get("/collections/claims/items").body());
        // each claim's pin, and its claimed circle, measured line and nearest border point (ClaimsKmlGdalTest)
        assertThat(data).hasSize(4 * served.get("features").size());
        for (JsonNode f : served.get("features")) {
            Map<String, String> kml = data.get(f.get("id").asText());
            assertThat(kml.keySet()).containsExactlyElementsOf(() -> f.get("properties").fieldNames());
            f.get("properties").fields().forEachRemaining(e ->
                assertThat(kml.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        assertThat(data.get("vilnius-blr").get("measured_km")).isEqualTo("29.057");
        assertThat(data.get("vilnius-blr").get("verdict")).isEqualTo("understated");
    }

    @Test
    void aSingleSiteIsOnePlacemarkAtItsLonLatWithSevenDecimals() throws Exception {
        Document d = parse(VectorTilesApiTest.get("/collections/sites/items/vilnius?f=kml", Map.of()).body());
        assertThat(d.getElementsByTagNameNS(NS, "Placemark").getLength()).isEqualTo(1);
        JsonNode c = JSON.readTree(ServerFixture.get("/collections/sites/items/vilnius").body())
            .get("geometry").get("coordinates");
        String coords = d.getElementsByTagNameNS(NS, "coordinates").item(0).getTextContent();
        assertThat(coords).matches("-?\\d+(\\.\\d{1,7})?,-?\\d+(\\.\\d{1,7})?");
        String[] lonLat = coords.split(",");
        assertThat(Double.parseDouble(lonLat[0])).isCloseTo(c.get(0).asDouble(), org.assertj.core.data.Offset.offset(5e-8));
        assertThat(Double.parseDouble(lonLat[1])).isCloseTo(c.get(1).asDouble(), org.assertj.core.data.Offset.offset(5e-8));
        assertThat(d.getElementsByTagNameNS(NS, "styleUrl").item(0).getTextContent()).isEqualTo("#sites");
        assertThat(d.getElementsByTagNameNS(NS, "IconStyle").getLength()).isEqualTo(1);
    }

    @Test
    void theAcceptHeaderChoosesKmlOrKmzAndKmzIsAZipOfTheSameDocKml() throws Exception {
        HttpResponse<byte[]> kml = VectorTilesApiTest.get("/collections/borders/items",
            Map.of("Accept", "application/vnd.google-earth.kml+xml"));
        assertThat(kml.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/vnd.google-earth.kml+xml"));
        HttpResponse<byte[]> kmz = VectorTilesApiTest.get("/collections/borders/items",
            Map.of("Accept", "application/vnd.google-earth.kmz"));
        assertThat(kmz.headers().firstValue("Content-Type")).hasValue("application/vnd.google-earth.kmz");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kmz.body()))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("doc.kml");
            assertThat(zip.readAllBytes()).isEqualTo(kml.body());
            assertThat(zip.getNextEntry()).isNull();
        }
        assertThat(VectorTilesApiTest.get("/collections/borders/items?f=kmz", Map.of()).body()).isEqualTo(kmz.body());
        assertThat(VectorTilesApiTest.get("/collections/borders/items", Map.of("Accept", "application/geo+json"))
            .headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
    }

    @Test
    void polygonsHaveCounterClockwiseOuterAndClockwiseInnerBoundaries() throws Exception {
        Document d = parse(VectorTilesApiTest.get("/collections/countries/items/LTU?f=kml", Map.of()).body());
        NodeList outer = d.getElementsByTagNameNS(NS, "outerBoundaryIs");
        NodeList inner = d.getElementsByTagNameNS(NS, "innerBoundaryIs");
        assertThat(outer.getLength()).isPositive();
        assertThat(inner.getLength()).isPositive();
        assertThat(signedArea(outer.item(0).getTextContent())).isPositive();
        assertThat(signedArea(inner.item(0).getTextContent())).isNegative();
    }

    private static double signedArea(String coordinates) {
        String[] pts = coordinates.trim().split("\\s+");
        double a = 0;
        for (int i = 0; i + 1 < pts.length; i++) {
            String[] p = pts[i].split(",");
            String[] q = pts[i + 1].split(",");
            a += Double.parseDouble(p[0]) * Double.parseDouble(q[1]) - Double.parseDouble(q[0]) * Double.parseDouble(p[1]);
        }
        return a / 2;
    }

    @Test
    void theCoverageAsKmlHasNamedPlacemarksTheSourceGeometryAndAReadableBalloon() throws Exception {
        String q = "/coverage?site=lida-airbase&range_km=120";
        JsonNode geo = JSON.readTree(ServerFixture.get(q).body()).get("features").get(0);
        Document d = parse(VectorTilesApiTest.get(q + "&f=kml", Map.of()).body());
        Map<String, Map<String, String>> data = data(d);
        assertThat(data.keySet()).containsExactly("coverage", "source");
        Map<String, String> c = data.get("coverage");
        assertThat(c.get("range_km")).isEqualTo("120.0");
        assertThat(Double.parseDouble(c.get("land_in_range_including_source_km2")))
            .isEqualTo(geo.get("properties").get("land_in_range_including_source_km2").asDouble());
        assertThat(c).containsKey("BLR_share_percent").containsEntry("source_ids", "lida-airbase");
        assertThat(c.keySet()).as("a balloon a reader can take in").hasSizeLessThan(60);
        assertThat(c.get("vertex_count")).isEqualTo(geo.get("properties").get("vertex_count").asText());
        List<String> names = new ArrayList<>();
        var placemarks = d.getElementsByTagNameNS(NS, "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            names.add(((org.w3c.dom.Element) placemarks.item(i)).getElementsByTagNameNS(NS, "name").item(0).getTextContent());
        }
        assertThat(names).containsExactly("Within 120 km of Lida air base", "Lida air base (source)");
        String ring = d.getElementsByTagNameNS(NS, "outerBoundaryIs").item(0).getTextContent().trim();
        JsonNode rings = geo.get("geometry").get("coordinates");
        JsonNode shell = geo.get("geometry").get("type").asText().equals("MultiPolygon") ? rings.get(0).get(0) : rings.get(0);
        assertThat(ring.split("\\s+")).hasSize(shell.size());
        assertThat(data.get("source").get("ids")).isEqualTo("lida-airbase");
        assertThat(d.getElementsByTagNameNS(NS, "Point").getLength()).isEqualTo(1);
        // a country source has its territory as geometry
        Document blr = parse(VectorTilesApiTest.get("/coverage?from=BLR&range_km=30&f=kml", Map.of()).body());
        org.w3c.dom.Element source = (org.w3c.dom.Element) blr.getElementsByTagNameNS(NS, "Placemark").item(1);
        assertThat(source.getElementsByTagNameNS(NS, "name").item(0).getTextContent()).isEqualTo("Belarus (source)");
        assertThat(source.getElementsByTagNameNS(NS, "Polygon").getLength()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collections/sites/items?f=kml&crs=http://www.opengis.net/def/crs/EPSG/0/3857",
        "/collections/sites/items?f=gml", "/coverage?from=BLR&range_km=30&f=csv", "/coverage/stats?from=BLR&range_km=30&f=kml"})
    void unsupportedFormatCombinationsAre400(String path) throws Exception {
        HttpResponse<String> r = ServerFixture.get(path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(List.of("crs", "f")).contains(JSON.readTree(r.body()).get("parameter").asText());
    }
}
