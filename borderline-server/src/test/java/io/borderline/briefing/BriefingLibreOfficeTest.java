package io.borderline.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.clients.ExternalTool;
import io.borderline.render.CoverageTestPoints;
import io.borderline.render.MapRenderer;
import io.borderline.render.MapView;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice opens the deck: headless Impress converts it to PDF, poppler's pdftoppm rasterises
 * the pages, and the pages show the maps — the coverage ring's colour where Lithuania lies
 * within the Lancet's 40 km of Belarus, and not where it lies farther.
 */
class BriefingLibreOfficeTest {
    private static final int RENDER_DPI = 60;

    @Test
    void libreOfficeRendersEverySlideWithItsMap(@TempDir Path dir) throws Exception {
        Path soffice = ExternalTool.require("soffice", "/usr/bin/soffice");
        Path pdftoppm = ExternalTool.require("pdftoppm", "/usr/bin/pdftoppm");
        Path pptx = dir.resolve("briefing.pptx");
        Files.write(pptx, BriefingFixture.PPTX);
        run(dir, soffice.toString(), "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), pptx.toString());
        Path pdf = dir.resolve("briefing.pdf");
        assertThat(pdf).exists();
        run(dir, pdftoppm.toString(), "-r", Integer.toString(RENDER_DPI), "-png", pdf.toString(),
            dir.resolve("page").toString());
        List<Path> pages;
        try (var s = Files.list(dir)) {
            pages = s.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        assertThat(pages).hasSize(7);

        // claim and coverage slides: the picture area is a map, not blank
        for (int i = 1; i <= 4; i++) {
            BufferedImage page = ImageIO.read(pages.get(i).toFile());
            assertThat(distinctColours(page)).as("page " + (i + 1)).isGreaterThan(200);
        }
        BufferedImage coverage = ImageIO.read(pages.get(4).toFile());
        MapRenderer.Page mapPage = BriefingDeck.mapPage();
        MapView view = BriefingFixture.WRITER.renderer().view(BriefingFixture.DECK.coverageMap(BriefingFixture.COVERAGE),
            mapPage);
        var ds = TestData.get().dataset("osm10m");
        // labels and symbols cover some points (the unit test excludes them; here the page is all we have)
        assertThat(share(coverage, view, mapPage, CoverageTestPoints.inLithuania(ds, 5, 35))).isGreaterThan(0.7);
        assertThat(share(coverage, view, mapPage, CoverageTestPoints.inLithuania(ds, 46, 120))).isLessThan(0.1);
    }

    /** Share of the points whose pixel on the rendered page shows the ring colour. */
    private static double share(BufferedImage page, MapView view, MapRenderer.Page mapPage, List<double[]> points) {
        assertThat(points).hasSizeGreaterThan(10);
        double pxPerPt = page.getWidth() / BriefingDeck.SLIDE.getWidth();
        int red = 0;
        for (double[] p : points) {
            Point2D m = view.pixelOf(p[0], p[1]);
            double xPt = BriefingDeck.MAP_ANCHOR.getX() + m.getX() * BriefingDeck.MAP_ANCHOR.getWidth() / mapPage.widthPx();
            double yPt = BriefingDeck.MAP_ANCHOR.getY() + m.getY() * BriefingDeck.MAP_ANCHOR.getHeight() / mapPage.heightPx();
            red += CoverageTestPoints.reddish(page.getRGB((int) (xPt * pxPerPt), (int) (yPt * pxPerPt))) ? 1 : 0;
        }
        return (double) red / points.size();
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int x0 = (int) (BriefingDeck.MAP_ANCHOR.getX() * img.getWidth() / BriefingDeck.SLIDE.getWidth());
        int x1 = (int) (BriefingDeck.MAP_ANCHOR.getMaxX() * img.getWidth() / BriefingDeck.SLIDE.getWidth());
        int y0 = (int) (BriefingDeck.MAP_ANCHOR.getY() * img.getHeight() / BriefingDeck.SLIDE.getHeight());
        int y1 = (int) (BriefingDeck.MAP_ANCHOR.getMaxY() * img.getHeight() / BriefingDeck.SLIDE.getHeight());
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("tool.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 180 s");
        }
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + Files.readString(dir.resolve("tool.log")))
            .isZero();
    }
}
