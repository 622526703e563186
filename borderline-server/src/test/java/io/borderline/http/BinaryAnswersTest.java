package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.w3c.dom.Document;

/**
 * The answers the contract validator cannot read (it skips PNG, SVG, PPTX, KMZ, KML, MVT, CSV and text) are
 * opened by a reader of their format: a status and a content type alone would pass an empty or truncated file.
 */
class BinaryAnswersTest {

    @Test
    void pngMapsDecodeToTheRequestedSize() throws Exception {
        for (String url : List.of("/maps/coverage.png?from=BLR&range_km=30&width=640&height=360",
            "/maps/claims.png?width=700&height=400&dpi=72&transparent=true")) {
            HttpResponse<byte[]> r = VectorTilesApiTest.get(url, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertThat(image).as(url + " decodes as an image").isNotNull();
            int w = Integer.parseInt(url.replaceAll(".*width=(\\d+).*", "$1"));
            int h = Integer.parseInt(url.replaceAll(".*height=(\\d+).*", "$1"));
            assertThat(image.getWidth()).isEqualTo(w);
            assertThat(image.getHeight()).isEqualTo(h);
            assertThat(distinctColours(image)).as("a map, not a blank canvas").isGreaterThan(20);
        }
    }

    @Test
    void svgMapsAreWellFormedSvgWithEditableText() throws Exception {
        for (String url : List.of("/maps/coverage.svg?site=lida-airbase&range_km=20&range_km=50&width=640&height=360",
            "/maps/claims.svg?claim=narva-rus&width=640&height=360")) {
            HttpResponse<byte[]> r = VectorTilesApiTest.get(url, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            Document svg = xml(r.body());
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).as("labels as <text>").isGreaterThan(3);
            assertThat(svg.getElementsByTagNameNS("*", "path").getLength()
                + svg.getElementsByTagNameNS("*", "polygon").getLength()).as("drawn shapes").isGreaterThan(3);
        }
    }

    @Test
    void theBriefingIsAPresentationPackageWithSlidesAndPictures() throws Exception {
        HttpResponse<byte[]> r = VectorTilesApiTest.get("/briefing.pptx?drone=fpv", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(r.body());
        assertThat(entries).containsKeys("[Content_Types].xml", "ppt/presentation.xml");
        Set<String> slides = new TreeSet<>();
        entries.keySet().stream().filter(n -> n.matches("ppt/slides/slide\\d+\\.xml")).forEach(slides::add);
        assertThat(slides).as("title, three claims, coverage, sources").hasSizeGreaterThanOrEqualTo(6);
        for (String slide : slides) {
            xml(entries.get(slide)); // well-formed
        }
        List<String> pictures = entries.keySet().stream().filter(n -> n.startsWith("ppt/media/")).toList();
        assertThat(pictures).isNotEmpty();
        for (String p : pictures) {
            if (p.endsWith(".png")) {
                assertThat(ImageIO.read(new ByteArrayInputStream(entries.get(p)))).as(p).isNotNull();
            }
        }
    }

    /**
     * France spans the globe (its overseas departments, from the Caribbean to the South Pacific): its maps once
     * answered 500 (the frame left the projection's domain), and on a 2 GB server the coverage's statistics and
     * the map drawing indexed every territory of the world (the cover's bounding box spans the globe) until the
     * heap ran out. 100 km is a range the cost estimate accepts for France.
     */
    @Test
    void franceSpanningTheGlobeHasItsMapsAndItsDeck() throws Exception {
        HttpResponse<byte[]> png = VectorTilesApiTest.get("/maps/coverage.png?from=FRA&range_km=100&width=640&height=360",
            Map.of());
        assertThat(png.statusCode()).as(new String(png.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(distinctColours(image)).as("a map, not a blank canvas").isGreaterThan(20);

        HttpResponse<byte[]> svg = VectorTilesApiTest.get("/maps/coverage.svg?from=FRA&range_km=100&width=640&height=360",
            Map.of());
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        Document doc = xml(svg.body());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.body().length).isGreaterThan(10_000);
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains("France");

        HttpResponse<byte[]> deck = VectorTilesApiTest.get("/briefing.pptx?from=FRA&range_km=100", Map.of());
        assertThat(deck.statusCode()).as(new String(deck.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(deck.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        try (org.apache.poi.xslf.usermodel.XMLSlideShow ppt = new org.apache.poi.xslf.usermodel.XMLSlideShow(
            new ByteArrayInputStream(deck.body()))) {
            List<String> texts = ppt.getSlides().stream().map(io.borderline.briefing.SlideText::of).toList();
            assertThat(texts).as("title, claims, coverage, sources").hasSizeGreaterThanOrEqualTo(3);
            assertThat(texts.get(0)).contains("Within 100 km of France");
            assertThat(texts).filteredOn(t -> t.contains("Within 100 km of France")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ppt.getPictureData()).as("the maps are pictures").isNotEmpty();
            for (var picture : ppt.getPictureData()) {
                if (picture.getContentType().equals("image/png")) {
                    assertThat(ImageIO.read(new ByteArrayInputStream(picture.getData()))).isNotNull();
                }
            }
        }
    }

    @Test
    void kmzIsAZipWithAKmlDocumentOfPlacemarks() throws Exception {
        for (String url : List.of("/coverage?from=EST&range_km=30&f=kmz", "/collections/sites/items?kind=airfield&f=kmz")) {
            HttpResponse<byte[]> r = VectorTilesApiTest.get(url, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            Map<String, byte[]> entries = unzip(r.body());
            assertThat(entries).containsKey("doc.kml");
            Document kml = xml(entries.get("doc.kml"));
            assertThat(kml.getDocumentElement().getLocalName()).isEqualTo("kml");
            assertThat(kml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.opengis.net/kml/2.2");
            assertThat(kml.getElementsByTagNameNS("*", "Placemark").getLength()).as(url).isPositive();
        }
    }

    @Test
    void vectorTilesDecodeWithTheirLayers() throws Exception {
        // zoom 6 tile over Vilnius (lon 25.28, lat 54.69): x = 36, y = 20 by the slippy-map formula
        HttpResponse<byte[]> r = VectorTilesApiTest.get("/tiles/6/36/20.mvt", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
            new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        Set<String> names = new TreeSet<>();
        for (JtsLayer layer : mvt.getLayers()) {
            names.add(layer.getName());
            assertThat(layer.getGeometries()).as(layer.getName()).isNotEmpty();
            assertThat(layer.getExtent()).isEqualTo(4096);
        }
        assertThat(names).contains("countries", "borders", "sites");
    }

    @Test
    void batchCsvParsesIntoRowsOfTheHeaderWidth() {
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=BLR", "text/csv", "text/csv",
            "id,lat,lon\nvilnius,54.68916,25.2798\n\"quoted, id\",55.88333,26.53333\nbad,91,0\n");
        assertThat(r.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        r.body().lines().filter(l -> !l.startsWith("#")).forEach(l -> rows.add(csvFields(l)));
        int width = rows.get(0).size();
        assertThat(rows).hasSize(4);
        rows.forEach(row -> assertThat(row).as(row.toString()).hasSize(width));
        List<String> header = rows.get(0);
        assertThat(rows.get(2).get(header.indexOf("id"))).isEqualTo("quoted, id");
        assertThat(Double.parseDouble(rows.get(1).get(header.indexOf("distance_m")))).isBetween(25_000.0, 35_000.0);
        assertThat(rows.get(3).get(header.indexOf("error"))).isNotBlank();
    }

    @Test
    void metricsAreWellFormedPrometheusText() {
        ServerFixture.get("/health");
        HttpResponse<String> r = ServerFixture.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        Pattern help = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*\\})?"
            + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");
        Map<String, String> types = new TreeMap<>();
        int samples = 0;
        for (String line : r.body().lines().toList()) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                assertThat(line).matches(help);
                if (line.startsWith("# TYPE ")) {
                    String[] p = line.split(" ");
                    types.put(p[2], p[3]);
                }
                continue;
            }
            assertThat(line).as("a sample line").matches(sample);
            samples++;
        }
        assertThat(samples).isGreaterThan(50);
        assertThat(types).containsEntry("http_server_requests_seconds", "histogram")
            .containsEntry("borderline_compute_running_max", "gauge");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).as("a zip archive").isNotEmpty();
        return entries;
    }

    /** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
