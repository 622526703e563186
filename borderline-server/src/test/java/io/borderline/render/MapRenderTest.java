package io.borderline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BoundaryFile;
import io.borderline.data.Claim;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Rendered maps, checked pixel by pixel and element by element. */
class MapRenderTest {
    private static MapComposer composer;
    private static MapWriter writer;
    private static MapContent blr30;

    @BeforeAll
    static void setUp() {
        composer = new MapComposer(TestData.get());
        writer = new MapWriter(new MapRenderer());
        CoverageService coverages = new CoverageService(TestData.get(), BoundaryFile.FACTORY);
        CoverageRequest req = new CoverageRequest("osm10m", "country", List.of("BLR"), 30, null, false);
        blr30 = composer.coverage(req, List.of(new MapComposer.RingSpec(30, null, coverages.coverage(req))));
    }

    @Test
    void theRingColourIsWhereTheCoverageIsAndNotBeyondIt() throws Exception {
        MapRenderer.Page page = MapRenderer.Page.slide();
        MapWriter.Raster raster = writer.raster(blr30, page);
        // the PNG is that raster, encoded
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(writer.png(blr30, page)));
        assertThat(png.getRGB(960, 540)).isEqualTo(raster.image().getRGB(960, 540));
        double[] shares = ringShares(raster);
        assertThat(shares[0]).as("coloured share of the points 24-28.5 km from Belarus").isGreaterThan(0.9);
        assertThat(shares[1]).as("coloured share of the points 31.5-36 km from Belarus").isLessThan(0.05);
    }

    /** The bands above are narrow enough to catch a ring drawn at 25 or 35 km instead of 30. */
    @Test
    void aRingDrawnAt25Or35KmFailsTheBands() {
        CoverageService coverages = new CoverageService(TestData.get(), BoundaryFile.FACTORY);
        for (double wrongKm : new double[] {25, 35}) {
            CoverageRequest wrong = new CoverageRequest("osm10m", "country", List.of("BLR"), wrongKm, null, false);
            MapContent map = composer.coverage(wrong, List.of(new MapComposer.RingSpec(30, null, coverages.coverage(wrong))));
            double[] shares = ringShares(writer.raster(map, MapRenderer.Page.slide()));
            assertThat(shares[0] > 0.9 && shares[1] < 0.05).as("a %s km ring passes as 30 km", wrongKm).isFalse();
        }
    }

    /**
     * Shares of coloured points in the bands 1.5 km either side of a 30 km ring (about 4 px at this scale, clear
     * of the outline's stroke), by brute-force geodesic distance from Belarus.
     */
    private static double[] ringShares(MapWriter.Raster raster) {
        List<double[]> inside = visible(raster, BANDS.get(0));
        List<double[]> outside = visible(raster, BANDS.get(1));
        assertThat(inside).hasSizeGreaterThan(15);
        assertThat(outside).hasSizeGreaterThan(15);
        return new double[] {share(raster, inside), share(raster, outside)};
    }

    private static final List<List<double[]>> BANDS = List.of(
        CoverageTestPoints.inLithuaniaByBruteForce(TestData.get().dataset("osm10m"), 24, 28.5),
        CoverageTestPoints.inLithuaniaByBruteForce(TestData.get().dataset("osm10m"), 31.5, 36));

    /** The points no label, symbol or furniture covers (with a margin for text and anti-aliasing). */
    private static List<double[]> visible(MapWriter.Raster raster, List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) {
            Point2D px = raster.drawn().view().pixelOf(p[0], p[1]);
            var probe = new java.awt.geom.Rectangle2D.Double(px.getX() - 4, px.getY() - 4, 8, 8);
            if (raster.drawn().occupied().stream().noneMatch(r -> r.intersects(probe))) {
                out.add(p);
            }
        }
        return out;
    }

    private static double share(MapWriter.Raster raster, List<double[]> points) {
        int red = 0;
        for (double[] p : points) {
            Point2D px = raster.drawn().view().pixelOf(p[0], p[1]);
            red += CoverageTestPoints.reddish(raster.image().getRGB((int) px.getX(), (int) px.getY())) ? 1 : 0;
        }
        return (double) red / points.size();
    }

    @Test
    void siteLabelsDoNotOverlapOnTheRenderedMap() {
        var drawn = writer.raster(blr30, MapRenderer.Page.slide()).drawn();
        var labels = drawn.labels();
        assertThat(labels).hasSizeGreaterThan(25);
        for (var label : labels) {
            for (var other : drawn.occupied()) {
                assertThat(other != label && label.intersects(other)).as(label + " / " + other).isFalse();
            }
        }
    }

    @Test
    void pngIsTheSameEveryTimeAndCarriesItsResolution() throws Exception {
        MapRenderer.Page page = new MapRenderer.Page(800, 450, 96, false, "local", true);
        byte[] a = writer.png(blr30, page);
        byte[] b = writer.png(blr30, page);
        assertThat(a).isEqualTo(b);
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(a)));
        var tree = (javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        var phys = (org.w3c.dom.Element) tree.getElementsByTagName("pHYs").item(0);
        assertThat(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis"))).isEqualTo(Math.round(96 / 0.0254f));
    }

    @Test
    void transparentPagesLeaveThePageAndTheWaterUnpainted() throws Exception {
        MapRenderer.Page page = new MapRenderer.Page(640, 360, 72, true, "local", true);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(writer.png(blr30, page)));
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(1, 1) >>> 24).isZero();
        assertThat(img.getRGB(img.getWidth() - 2, img.getHeight() - 2) >>> 24).isZero();
    }

    @Test
    void svgIsXmlWithRealTextInTheShippedFamily() throws Exception {
        String svg = writer.svg(blr30, MapRenderer.Page.slide());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList texts = doc.getElementsByTagName("text");
        assertThat(texts.getLength()).isGreaterThan(20);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            strings.add(texts.item(i).getTextContent());
        }
        assertThat(strings).contains("Within 30 km of Belarus", "Vilnius", "Minsk", "200 km");
        assertThat(strings.stream().anyMatch(s -> s.contains("© OpenStreetMap contributors"))).isTrue();
        assertThat(svg).contains("DejaVu Sans");
    }

    @Test
    void claimsMapLabelsEveryClaimWithMeasuredAndClaimedKm() {
        ClaimChecker checker = new ClaimChecker(TestData.get(), new DistanceService());
        List<MapComposer.ClaimSpec> specs = new ArrayList<>();
        for (Claim c : TestData.get().claims().values()) {
            specs.add(new MapComposer.ClaimSpec(c, checker.check(c)));
        }
        String svg = writer.svg(composer.claims(specs, "osm10m"), MapRenderer.Page.slide());
        assertThat(svg).contains("measured 29.1 km", "claimed 20 km: understated", "measured 21.0 km",
            "claimed 30 km: overstated", "measured 0.77 km", "claimed 1 km: accurate");
    }

    @Test
    void drawnGeodesicFollowsTheEllipsoid() {
        var line = Geodesics.line(54.68916, 25.2798, 54.5, 25.7, MapComposer.GEODESIC_STEP_M);
        // every vertex lies on the geodesic: distances from both ends add up to its length
        double total = io.borderline.geodesy.Wgs84.GEODESIC.Inverse(54.68916, 25.2798, 54.5, 25.7).s12;
        for (var c : line.getCoordinates()) {
            double a = io.borderline.geodesy.Wgs84.GEODESIC.Inverse(54.68916, 25.2798, c.y, c.x).s12;
            double b = io.borderline.geodesy.Wgs84.GEODESIC.Inverse(c.y, c.x, 54.5, 25.7).s12;
            assertThat(a + b - total).isLessThan(1e-3);
        }
        assertThat(line.getNumPoints()).isGreaterThan((int) (total / MapComposer.GEODESIC_STEP_M));
    }
}
