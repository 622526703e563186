package io.borderline.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.data.Border;
import io.borderline.data.CountryCode;
import io.borderline.data.Territory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.RingClipper;

/**
 * Draws a {@link MapContent} with Java2D onto any {@link Graphics2D}: a raster image for PNG,
 * JFreeSVG's {@code SVGGraphics2D} for SVG (text stays text). The page: a title and subtitle, the
 * map frame (water, context land, the dataset's territories and borders, coverage rings, lines,
 * point symbols and labels placed without overlap), a legend, a scale bar true at the frame's
 * centre, a north arrow where grid north is not true north, and a footer with the data sources,
 * licences, data date and projection.
 *
 * <p>Sizes are in points (1/72 inch) and scale with the page's dpi; pages smaller than
 * {@value #MIN_PAGE_W_PT}×{@value #MIN_PAGE_H_PT} pt are drawn at a smaller point size so the
 * layout still fits. Territories are simplified to half a pixel before projection (cached per
 * level), which changes nothing visible. Thread-safe.
 */
public final class MapRenderer {
    static final int MIN_PAGE_W_PT = 640;
    static final int MIN_PAGE_H_PT = 360;
    /** Simplification levels: tolerance = BASE_TOLERANCE_DEG · 2^level, degrees. */
    private static final double BASE_TOLERANCE_DEG = 0.00005;
    private static final int LEVELS = 14;
    /** Grid north further than this from true north gets a north arrow, degrees. */
    public static final double NORTH_ARROW_THRESHOLD_DEG = 0.5;
    /** Grid step of the country-name placement, points. */
    static final int LABEL_GRID_PT = 8;
    /** Subtitle size and line spacing, points; a long subtitle wraps onto at most this many lines. */
    static final double SUBTITLE_PT = 9.5;
    static final double SUBTITLE_LEADING_PT = 12;
    static final int MAX_SUBTITLE_LINES = 3;
    /** Positions tried for a country's name, deepest inside it first, before it is left out. */
    static final int COUNTRY_LABEL_TRIES = 80;
    /** Least share of a country name's box on the country's own land. */
    static final double COUNTRY_LABEL_LAND_SHARE = 0.6;
    /**
     * Fewest distinct points (the closing one included) of a lake drawn on a map: the OSM 10 m land polygons hold
     * thousands of small lakes cut to 3 to 5 vertices by the upstream simplification, which draw as triangular
     * shards; a lake with a real outline keeps at least this many.
     */
    static final int MIN_LAKE_POINTS = 8;

    /** Most vertices of simplified territories kept for the next map (about 40 bytes each, packed). */
    static final long TERRITORY_CACHE_VERTICES = 4_000_000;

    /**
     * Territories simplified per level, by dataset, code and level: a territory no query has indexed is decoded
     * afresh on each {@code geometry()} call, so these are keyed by name, not by geometry, and bounded by
     * vertices; a map of the Baltic draws Russia (1.5 million vertices) from its simplified copy instead of
     * decoding and simplifying it again.
     */
    private final Cache<TerritoryLevel, Geometry> territories = Caffeine.newBuilder()
        .maximumWeight(TERRITORY_CACHE_VERTICES).weigher((TerritoryLevel k, Geometry g) -> g.getNumPoints() + 1).build();
    /** Other drawn geometries (border lines, kept decoded by their dataset) simplified per level, while they live. */
    private final Cache<Geometry, Geometry[]> simplified = Caffeine.newBuilder().weakKeys().build();

    private record TerritoryLevel(String dataset, CountryCode code, int level) {}

    /**
     * A page to draw on.
     *
     * @param widthPx width, pixels
     * @param heightPx height, pixels
     * @param dpi pixels per inch (text and line sizes are in points)
     * @param transparent leave the page and the water unpainted
     * @param projection "local" (equal-area centred on the map) or "EPSG:3035"
     * @param header draw the title and subtitle (a slide has its own title)
     */
    public record Page(int widthPx, int heightPx, int dpi, boolean transparent, String projection, boolean header) {
        /** 1920×1080 at 144 dpi: a 13.33×7.5 inch 16:9 slide. */
        public static Page slide() {
            return new Page(1920, 1080, 144, false, "local", true);
        }

        /** Pixels per point. */
        double unit() {
            return Math.min(dpi / 72.0, Math.min(widthPx / (double) MIN_PAGE_W_PT, heightPx / (double) MIN_PAGE_H_PT));
        }
    }

    /** The page's layout: where the frame is and how the map is projected into it. */
    public MapView view(MapContent c, Page page) {
        double u = page.unit();
        double m = 12 * u;
        double top = m + (page.header() ? 44 * u + (subtitleLines(c, page).size() - 1) * SUBTITLE_LEADING_PT * u : 0);
        double footer = 26 * u;
        Rectangle2D frame = new Rectangle2D.Double(m, top, page.widthPx() - 2 * m,
            Math.max(10, page.heightPx() - top - footer - m * 0.5));
        MapProjection projection;
        if ("EPSG:3035".equals(page.projection())) {
            projection = MapProjection.etrsLaea();
            return new MapView(projection, frame, padded(projectedEnvelope(projection, c.extent())));
        }
        Coordinate centre = c.centre();
        projection = MapProjection.local(centre.y, centre.x);
        // centre the projection on the middle of the projected extent (two passes converge)
        for (int i = 0; i < 2; i++) {
            Envelope env = projectedEnvelope(projection, c.extent());
            if (env.isNull()) {
                break;
            }
            double[] ll = projection.inverse(env.centre().x, env.centre().y);
            if (!Double.isFinite(ll[0]) || !Double.isFinite(ll[1])) {
                break;
            }
            projection = MapProjection.local(ll[1], ll[0]);
        }
        return new MapView(projection, frame, padded(projectedEnvelope(projection, c.extent())));
    }

    /**
     * What a drawing produced.
     *
     * @param view the view the map was drawn in
     * @param occupied every label box, point symbol and piece of map furniture, pixels
     * @param labels the label boxes alone, pixels
     */
    public record Drawn(MapView view, List<Rectangle2D> occupied, List<Rectangle2D> labels) {}

    /** Draws the page; returns the view used and what covers the map (for tests and further annotation). */
    public Drawn draw(Graphics2D g, MapContent c, Page page) {
        double u = page.unit();
        MapView view = view(c, page);
        Rectangle2D frame = view.frame();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (!page.transparent()) {
            g.setColor(Palette.PAGE);
            g.fill(new Rectangle2D.Double(0, 0, page.widthPx(), page.heightPx()));
            g.setColor(Palette.WATER);
            g.fill(frame);
        }
        Envelope geoBounds = view.geographicBounds();
        Envelope clipBounds = new Envelope(geoBounds);
        clipBounds.expandBy(Math.max(0.5, geoBounds.getWidth() * 0.1), Math.max(0.5, geoBounds.getHeight() * 0.1));
        double tolDeg = 0.5 / view.pixelsPerMetre() / 111_000;

        Shape oldClip = g.getClip();
        g.clip(frame);

        // context land, then the dataset's territories
        g.setStroke(stroke(0.35 * u));
        for (Geometry land : ContextLand.within(clipBounds)) {
            Shape s = view.shape(land);
            g.setColor(Palette.CONTEXT_LAND);
            g.fill(s);
            g.setColor(Palette.CONTEXT_EDGE);
            g.draw(s);
        }
        List<Shape> coasts = new ArrayList<>();
        for (CountryCode code : c.dataset().states()) {
            Territory t = c.dataset().territory(code);
            if (!t.envelope().intersects(clipBounds) || !t.mayIntersect(clipBounds)) {
                continue;
            }
            Geometry land = visible(simplified(c.dataset().id(), code, t, tolDeg), clipBounds, 10 * tolDeg);
            if (land == null) {
                continue;
            }
            Shape s = view.shape(land);
            boolean emphasis = c.emphasis().contains(code)
                || (code == CountryCode.RUS && c.emphasis().contains(CountryCode.RUS_KGD));
            g.setColor(emphasis ? Palette.LAND_EMPHASIS : Palette.LAND);
            g.fill(s);
            coasts.add(s);
        }
        if (c.emphasis().contains(CountryCode.RUS_KGD) && !c.emphasis().contains(CountryCode.RUS)) {
            // the exclave alone: redraw it emphasised over Russia
            Geometry kgd = visible(simplified(c.dataset().id(), CountryCode.RUS_KGD,
                c.dataset().territory(CountryCode.RUS_KGD), tolDeg), clipBounds, 10 * tolDeg);
            if (kgd != null) {
                g.setColor(Palette.LAND_EMPHASIS);
                g.fill(view.shape(kgd));
            }
        }

        // coverage rings: fills largest first, then every outline on top
        List<MapContent.Ring> rings = new ArrayList<>(c.rings());
        rings.sort(Comparator.comparingDouble((MapContent.Ring r) -> r.area().getEnvelopeInternal().getArea()).reversed());
        List<Shape> ringShapes = new ArrayList<>();
        for (MapContent.Ring r : rings) {
            Shape s = view.shape(r.area());
            ringShapes.add(view.shape(outline(r.area())));
            g.setColor(Palette.withAlpha(r.color(), Palette.RING_FILL_ALPHA));
            g.fill(s);
        }
        g.setColor(Palette.COAST);
        g.setStroke(stroke(0.4 * u));
        for (Shape s : coasts) {
            g.draw(s);
        }
        BasicStroke landBorder = new BasicStroke((float) (0.9 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (Border b : c.dataset().borders()) {
            if (!b.line().getEnvelopeInternal().intersects(clipBounds)) {
                continue;
            }
            // a split border: land and inland water as the border, the territorial-sea part as a maritime line
            for (Geometry part : b.seaPart() == null ? List.of(b.line())
                : java.util.stream.Stream.of(b.landPart(), b.waterPart()).filter(p -> p != null).toList()) {
                g.setColor(Palette.BORDER);
                g.setStroke(landBorder);
                g.draw(view.shape(simplify(part, tolDeg)));
            }
            if (b.seaPart() != null && !b.seaPart().isEmpty()) {
                g.setColor(Palette.MARITIME);
                g.setStroke(maritimeStroke(u));
                g.draw(view.shape(simplify(b.seaPart(), tolDeg)));
            }
        }
        for (int i = 0; i < rings.size(); i++) {
            g.setColor(rings.get(i).color());
            g.setStroke(new BasicStroke((float) (1.2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(ringShapes.get(i));
        }
        for (MapContent.Line l : c.lines()) {
            g.setColor(l.color());
            g.setStroke(l.dashed()
                ? new BasicStroke((float) (l.widthPt() * u), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {(float) (5 * u), (float) (3 * u)}, 0f)
                : new BasicStroke((float) (l.widthPt() * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(view.shape(l.line()));
        }

        // furniture first, so labels keep clear of it
        LabelPlacer placer = new LabelPlacer(inset(frame, 3 * u));
        Rectangle2D legend = legendBox(g, c, frame, u);
        placer.addObstacle(legend);
        double north = view.northAngleDeg();
        Rectangle2D northBox = Math.abs(north) > NORTH_ARROW_THRESHOLD_DEG
            ? new Rectangle2D.Double(frame.getMinX() + 6 * u, frame.getMinY() + 6 * u, 34 * u, 46 * u) : null;
        if (northBox != null) {
            placer.addObstacle(northBox);
        }
        ScaleBar bar = ScaleBar.fit(view.metresPerPixelAtCentre(), Math.min(frame.getWidth() * 0.22, 170 * u));
        Rectangle2D barBox = new Rectangle2D.Double(frame.getMinX() + 6 * u,
            frame.getMaxY() - 6 * u - 34 * u, bar.lengthPx() + 30 * u, 34 * u);
        placer.addObstacle(barBox);

        // point symbols, then labels in order of importance, then country names where room is left
        List<Point2D> anchors = new ArrayList<>();
        for (MapContent.Point p : c.points()) {
            Point2D px = view.pixelOf(p.lat(), p.lon());
            anchors.add(px);
            if (frame.contains(px)) {
                double r = symbolRadius(p.symbol()) * u;
                placer.addObstacle(new Rectangle2D.Double(px.getX() - r, px.getY() - r, 2 * r, 2 * r));
            }
        }
        for (int i = 0; i < c.points().size(); i++) {
            MapContent.Point p = c.points().get(i);
            Point2D px = anchors.get(i);
            if (frame.contains(px)) {
                drawSymbol(g, p.symbol(), px, u);
            }
        }
        // required labels (the source, the claim places), then country names, then the other places
        for (boolean required : new boolean[] {true, false}) {
            if (!required) {
                countryLabels(g, c, view, placer, u);
            }
            for (int i = 0; i < c.points().size(); i++) {
                MapContent.Point p = c.points().get(i);
                Point2D px = anchors.get(i);
                if (p.required() != required || !frame.contains(px) || p.label().isEmpty()) {
                    continue;
                }
                TextBlock text = new TextBlock(g, p.label(), p.bold(), p.required() ? 9.5 * u : 8.5 * u);
                double gap = (symbolRadius(p.symbol()) + 2) * u;
                Optional<LabelPlacer.Placed> placed = placer.place(new LabelPlacer.Label(px.getX(), px.getY(),
                    text.width + 4 * u, text.height + 2 * u, gap, p.required()));
                placed.ifPresent(pl -> drawLabel(g, text, pl, u));
            }
        }

        g.setClip(oldClip);
        g.setColor(Palette.FRAME);
        g.setStroke(stroke(0.6 * u));
        g.draw(frame);
        drawLegend(g, c, legend, u);
        drawScaleBar(g, bar, barBox, u);
        if (northBox != null) {
            drawNorthArrow(g, northBox, north, u);
        }
        if (page.header()) {
            g.setColor(Palette.TEXT);
            // a long title (a drone's full name, a fan) is set smaller before anything is left out
            double titlePt = 17;
            g.setFont(Fonts.bold(titlePt * u));
            while (titlePt > 11 && g.getFontMetrics().getStringBounds(c.title(), g).getWidth() > frame.getWidth()) {
                titlePt -= 0.5;
                g.setFont(Fonts.bold(titlePt * u));
            }
            g.drawString(fit(g, c.title(), frame.getWidth()), (float) frame.getMinX(), (float) (12 * u + 18 * u));
            g.setColor(Palette.TEXT_MUTED);
            g.setFont(Fonts.regular(SUBTITLE_PT * u));
            double y = 12 * u + 35 * u;
            for (String line : subtitleLines(c, page)) {
                g.drawString(line, (float) frame.getMinX(), (float) y);
                y += SUBTITLE_LEADING_PT * u;
            }
        }
        drawFooter(g, c, view, page, u);
        return new Drawn(view, placer.taken(), placer.labels());
    }

    // ------------------------------------------------------------------ geometry

    private static Envelope projectedEnvelope(MapProjection p, Geometry lonLat) {
        Envelope env = new Envelope();
        lonLat.apply((CoordinateFilter) c -> {
            double[] xy = p.project(c.x, c.y);
            if (Double.isFinite(xy[0]) && Double.isFinite(xy[1])) {
                env.expandToInclude(xy[0], xy[1]);
            }
        });
        return env;
    }

    private static Envelope padded(Envelope e) {
        Envelope out = e.isNull() ? new Envelope(0, 0, 0, 0) : new Envelope(e);
        double pad = Math.max(e.getWidth(), e.getHeight()) * 0.05 + 200;
        out.expandBy(pad);
        return out;
    }

    /** The simplification level for {@code toleranceDeg}: the coarsest not coarser than it, or -1 for none. */
    private static int level(double toleranceDeg) {
        int level = (int) Math.floor(Math.log(toleranceDeg / BASE_TOLERANCE_DEG) / Math.log(2));
        return level < 0 ? -1 : Math.min(level, LEVELS - 1);
    }

    /** A territory's land simplified as {@link #simplify} does, decoded only when its level is not cached. */
    private Geometry simplified(String dataset, CountryCode code, Territory t, double toleranceDeg) {
        int l = level(toleranceDeg);
        if (l < 0) {
            return t.geometry();
        }
        // drawing only: no validity check or repair (either takes minutes and gigabytes for Russia)
        return territories.get(new TerritoryLevel(dataset, code, l),
            k -> io.borderline.topology.RingwiseSimplifier.simplify(t.geometry(), BASE_TOLERANCE_DEG * Math.pow(2, l)));
    }

    /** The geometry simplified to the coarsest cached level not coarser than {@code toleranceDeg}. */
    private Geometry simplify(Geometry g, double toleranceDeg) {
        int l = level(toleranceDeg);
        if (l < 0) {
            return g;
        }
        Geometry[] levels = simplified.get(g, k -> new Geometry[LEVELS]);
        synchronized (levels) {
            if (levels[l] == null) {
                levels[l] = io.borderline.topology.RingwiseSimplifier.simplify(g, BASE_TOLERANCE_DEG * Math.pow(2, l));
            }
            return levels[l];
        }
    }

    /**
     * The polygons of {@code g} cut to {@code bounds} (rings clipped with JTS's RingClipper, which
     * leaves edges along the bounds; the bounds lie outside the frame, so they never show), or
     * null if nothing is left. For drawing only: the result need not be valid.
     */
    static Geometry visible(Geometry g, Envelope bounds, double minHoleDeg) {
        if (!g.getEnvelopeInternal().intersects(bounds)) {
            return null;
        }
        GeometryFactory gf = g.getFactory();
        RingClipper clipper = new RingClipper(bounds);
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (!p.getEnvelopeInternal().intersects(bounds)) {
                continue;
            }
            boolean inside = bounds.covers(p.getEnvelopeInternal());
            Coordinate[] shell = inside ? p.getExteriorRing().getCoordinates()
                : clipper.clip(p.getExteriorRing().getCoordinates());
            if (shell.length < 4) {
                continue;
            }
            List<org.locationtech.jts.geom.LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                Envelope he = p.getInteriorRingN(h).getEnvelopeInternal();
                // lakes smaller than a few pixels would only speckle the land, and lakes the data (or the
                // simplification) reduced to a triangle or a quadrilateral would draw as shards
                if (he.intersects(bounds) && Math.max(he.getWidth() / 2, he.getHeight()) >= minHoleDeg) {
                    Coordinate[] hole = org.locationtech.jts.geom.CoordinateArrays.removeRepeatedPoints(inside
                        ? p.getInteriorRingN(h).getCoordinates() : clipper.clip(p.getInteriorRingN(h).getCoordinates()));
                    if (hole.length >= MIN_LAKE_POINTS) {
                        holes.add(gf.createLinearRing(hole));
                    }
                }
            }
            parts.add(gf.createPolygon(gf.createLinearRing(shell),
                holes.toArray(org.locationtech.jts.geom.LinearRing[]::new)));
        }
        return parts.isEmpty() ? null : gf.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    // ------------------------------------------------------------------ labels

    /**
     * The boundary of a coverage area without the edges that are not its outline: the cut along the antimeridian
     * (RFC 7946 splits an area there) and the closure along a pole of a coverage holding one. Stroked whole, a polar
     * cap showed a line from the pole down the 180° meridian.
     */
    static Geometry outline(Geometry area) {
        List<org.locationtech.jts.geom.LineString> runs = new ArrayList<>();
        var f = area.getFactory();
        for (Object o : org.locationtech.jts.geom.util.LinearComponentExtracter.getLines(area)) {
            org.locationtech.jts.geom.Coordinate[] cs = ((org.locationtech.jts.geom.LineString) o).getCoordinates();
            List<org.locationtech.jts.geom.Coordinate> run = new ArrayList<>();
            for (int i = 0; i + 1 < cs.length; i++) {
                var a = cs[i];
                var b = cs[i + 1];
                boolean cut = a.x == b.x && Math.abs(a.x) == 180 || a.y == b.y && Math.abs(a.y) == 90;
                if (cut) {
                    if (run.size() > 1) {
                        runs.add(f.createLineString(run.toArray(org.locationtech.jts.geom.Coordinate[]::new)));
                    }
                    run = new ArrayList<>();
                    continue;
                }
                if (run.isEmpty()) {
                    run.add(a);
                }
                run.add(b);
            }
            if (run.size() > 1) {
                runs.add(f.createLineString(run.toArray(org.locationtech.jts.geom.Coordinate[]::new)));
            }
        }
        return f.createMultiLineString(runs.toArray(org.locationtech.jts.geom.LineString[]::new));
    }

    /** Lines of text measured with the font they are drawn in. */
    private static final class TextBlock {
        final List<String> lines;
        final List<Font> fonts = new ArrayList<>();
        final List<Double> baselines = new ArrayList<>();
        final double width;
        final double height;

        TextBlock(Graphics2D g, List<String> lines, boolean boldFirst, double sizePx) {
            this.lines = lines;
            double w = 0;
            double y = 0;
            for (int i = 0; i < lines.size(); i++) {
                Font f = i == 0 && boldFirst ? Fonts.bold(sizePx) : Fonts.regular(i == 0 ? sizePx : sizePx * 0.92);
                FontMetrics fm = g.getFontMetrics(f);
                fonts.add(f);
                y += fm.getAscent();
                baselines.add(y);
                y += fm.getDescent();
                w = Math.max(w, fm.getStringBounds(lines.get(i), g).getWidth());
            }
            this.width = w;
            this.height = y;
        }
    }

    private static void drawLabel(Graphics2D g, TextBlock t, LabelPlacer.Placed p, double u) {
        Rectangle2D box = p.box();
        if (p.leader()) {
            g.setColor(Palette.TEXT_MUTED);
            g.setStroke(stroke(0.5 * u));
            double ax = p.label().anchorX();
            double ay = p.label().anchorY();
            double bx = Math.max(box.getMinX(), Math.min(ax, box.getMaxX()));
            double by = Math.max(box.getMinY(), Math.min(ay, box.getMaxY()));
            g.draw(new Line2D.Double(ax, ay, bx, by));
        }
        g.setColor(new Color(255, 255, 255, 205));
        g.fill(box);
        g.setColor(Palette.TEXT);
        for (int i = 0; i < t.lines.size(); i++) {
            g.setFont(t.fonts.get(i));
            g.setColor(i == 0 ? Palette.TEXT : Palette.TEXT_MUTED);
            g.drawString(t.lines.get(i), (float) (box.getMinX() + 2 * u), (float) (box.getMinY() + u + t.baselines.get(i)));
        }
    }

    /**
     * Country names in spaced capitals, each at the point of its territory farthest (on a grid
     * of {@value #LABEL_GRID_PT} pt) from any other country, the water and the frame's edge: a
     * distance transform over the visible map, so a name sits inside the visible part of its
     * country; where a required label or furniture already sits there, the next deepest cells are
     * tried ({@value #COUNTRY_LABEL_TRIES} at most). Drawn before the optional place labels, so a
     * country keeps its name on a crowded map.
     */
    private static void countryLabels(Graphics2D g, MapContent c, MapView view, LabelPlacer placer, double u) {
        Rectangle2D frame = view.frame();
        double step = LABEL_GRID_PT * u;
        int nx = (int) (frame.getWidth() / step);
        int ny = (int) (frame.getHeight() / step);
        if (nx < 3 || ny < 3) {
            return;
        }
        Envelope visible = new Envelope();
        for (int i = 0; i <= nx; i++) {
            for (int j = 0; j <= ny; j++) {
                double[] ll = view.latLonOf(frame.getMinX() + i * step, frame.getMinY() + j * step);
                if (Double.isFinite(ll[0]) && Double.isFinite(ll[1])) {
                    visible.expandToInclude(ll[1], ll[0]);
                }
            }
        }
        List<CountryCode> codes = new ArrayList<>();
        for (CountryCode code : c.dataset().countries()) {
            // derived parts (RUS-KGD) first, so they are labelled apart from their state
            if (c.dataset().territory(code).envelope().intersects(visible)) {
                codes.add(code.isState() ? codes.size() : 0, code);
            }
        }
        int[][] owner = new int[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double[] ll = view.latLonOf(frame.getMinX() + (i + 0.5) * step, frame.getMinY() + (j + 0.5) * step);
                owner[i][j] = -1;
                if (!Double.isFinite(ll[0]) || !Double.isFinite(ll[1])) {
                    continue;
                }
                for (int k = 0; k < codes.size(); k++) {
                    if (c.dataset().territory(codes.get(k)).mayContain(ll[0], ll[1])
                        && c.dataset().territory(codes.get(k)).onLand(ll[0], ll[1])) {
                        owner[i][j] = k;
                        break;
                    }
                }
            }
        }
        int[][] depth = distanceTransform(owner);
        // spaced capitals as one string (one SVG text element a reader can find), tracked by the font
        Font font = Fonts.regular(10 * u).deriveFont(Map.of(java.awt.font.TextAttribute.TRACKING, 0.15f));
        FontMetrics fm = g.getFontMetrics(font);
        for (int k = 0; k < codes.size(); k++) {
            CountryCode code = codes.get(k);
            String name = code == CountryCode.RUS_KGD ? "KALININGRAD (RUSSIA)" : code.nameEn().toUpperCase(Locale.ROOT);
            // (other derived parts are named by their own name_en)
            double w = fm.getStringBounds(name, g).getWidth();
            double h = fm.getAscent() + fm.getDescent();
            // the name must lie inside the country: every grid cell under its box belongs to it
            int halfW = (int) Math.ceil(w / 2 / step);
            int halfH = (int) Math.ceil(h / 2 / step);
            List<int[]> cells = new ArrayList<>();
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    if (owner[i][j] == k && fits(owner, k, i, j, halfW, halfH)) {
                        cells.add(new int[] {i, j, depth[i][j]});
                    }
                }
            }
            // deepest first, nearest the map's centre among equals; the next ones if labels already sit there
            cells.sort(Comparator.comparingInt((int[] cell) -> -cell[2])
                .thenComparingDouble(cell -> Math.hypot(cell[0] - nx / 2.0, cell[1] - ny / 2.0)));
            for (int[] cell : cells.subList(0, Math.min(COUNTRY_LABEL_TRIES, cells.size()))) {
                double ax = frame.getMinX() + (cell[0] + 0.5) * step;
                double ay = frame.getMinY() + (cell[1] + 0.5) * step;
                Optional<LabelPlacer.Placed> placed = placer.placeCentred(ax, ay, w, h);
                if (placed.isPresent()) {
                    Rectangle2D box = placed.get().box();
                    g.setFont(font);
                    g.setColor(Palette.COUNTRY_LABEL);
                    g.drawString(name, (float) box.getMinX(), (float) (box.getMinY() + fm.getAscent()));
                    break;
                }
            }
        }
    }

    /**
     * True if the box of {@code halfW} columns and {@code halfH} rows either side of (i, j) lies in the frame, over
     * no other country, and mostly ({@value #COUNTRY_LABEL_LAND_SHARE} of its cells) on {@code k}'s land (the rest
     * may be its lakes or coastal water: a name may run over a lake, never over a neighbour).
     */
    private static boolean fits(int[][] owner, int k, int i, int j, int halfW, int halfH) {
        int own = 0;
        int all = 0;
        for (int a = i - halfW; a <= i + halfW; a++) {
            for (int b = j - halfH; b <= j + halfH; b++) {
                if (a < 0 || b < 0 || a >= owner.length || b >= owner[0].length
                    || (owner[a][b] != k && owner[a][b] >= 0)) {
                    return false;
                }
                own += owner[a][b] == k ? 1 : 0;
                all++;
            }
        }
        return own >= COUNTRY_LABEL_LAND_SHARE * all;
    }

    /** Chessboard distance of every cell to the nearest cell of another owner or the grid's edge. */
    static int[][] distanceTransform(int[][] owner) {
        int nx = owner.length;
        int ny = owner[0].length;
        int[][] d = new int[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                d[i][j] = owner[i][j] < 0 ? 0 : Integer.MAX_VALUE / 2;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    if (d[i][j] == 0) {
                        continue;
                    }
                    int m = Integer.MAX_VALUE / 2;
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            int a = i + di;
                            int b = j + dj;
                            int v = a < 0 || b < 0 || a >= nx || b >= ny || owner[a][b] != owner[i][j] ? 0 : d[a][b];
                            m = Math.min(m, v + 1);
                        }
                    }
                    if (m < d[i][j]) {
                        d[i][j] = m;
                        changed = true;
                    }
                }
            }
        }
        return d;
    }

    // ------------------------------------------------------------------ symbols and furniture

    private static double symbolRadius(MapContent.Symbol s) {
        return switch (s) {
            case CAPITAL, SOURCE -> 4.2;
            case BORDER_POINT -> 3.2;
            default -> 3.0;
        };
    }

    private static void drawSymbol(Graphics2D g, MapContent.Symbol s, Point2D p, double u) {
        double x = p.getX();
        double y = p.getY();
        switch (s) {
            case CAPITAL -> {
                circle(g, x, y, 4.2 * u, Color.WHITE, Palette.TEXT, 0.9 * u);
                circle(g, x, y, 2.1 * u, Palette.TEXT, null, 0);
            }
            case SOURCE -> circle(g, x, y, 4.2 * u, Palette.rings(1).get(0).darker(), Color.WHITE, 1.2 * u);
            case MILITARY -> {
                Path2D tri = new Path2D.Double();
                double r = 3.4 * u;
                tri.moveTo(x, y - r);
                tri.lineTo(x + r * 0.9, y + r * 0.6);
                tri.lineTo(x - r * 0.9, y + r * 0.6);
                tri.closePath();
                g.setColor(Palette.MILITARY);
                g.fill(tri);
                g.setColor(Color.WHITE);
                g.setStroke(stroke(0.6 * u));
                g.draw(tri);
            }
            case CROSSING -> {
                Path2D d = new Path2D.Double();
                double r = 3 * u;
                d.moveTo(x, y - r);
                d.lineTo(x + r, y);
                d.lineTo(x, y + r);
                d.lineTo(x - r, y);
                d.closePath();
                g.setColor(Color.WHITE);
                g.fill(d);
                g.setColor(Palette.TEXT);
                g.setStroke(stroke(0.8 * u));
                g.draw(d);
            }
            case BORDER_POINT -> circle(g, x, y, 3.0 * u, Color.WHITE, Palette.MEASURED, 1.4 * u);
            default -> circle(g, x, y, 2.8 * u, Color.WHITE, Palette.TEXT, 0.9 * u);
        }
    }

    private static void circle(Graphics2D g, double x, double y, double r, Color fill, Color edge, double width) {
        Ellipse2D e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        if (fill != null) {
            g.setColor(fill);
            g.fill(e);
        }
        if (edge != null) {
            g.setColor(edge);
            g.setStroke(stroke(width));
            g.draw(e);
        }
    }

    private static Rectangle2D legendBox(Graphics2D g, MapContent c, Rectangle2D frame, double u) {
        FontMetrics fm = g.getFontMetrics(Fonts.regular(8.5 * u));
        double w = 0;
        for (MapContent.LegendEntry e : c.legend()) {
            w = Math.max(w, fm.getStringBounds(e.text(), g).getWidth());
        }
        double width = w + 16 * u + 6 * u + 16 * u;
        double height = c.legend().size() * 15 * u + 12 * u;
        return new Rectangle2D.Double(frame.getMaxX() - 6 * u - width, frame.getMinY() + 6 * u, width, height);
    }

    private static void drawLegend(Graphics2D g, MapContent c, Rectangle2D box, double u) {
        if (c.legend().isEmpty()) {
            return;
        }
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(box);
        g.setColor(Palette.FRAME);
        g.setStroke(stroke(0.5 * u));
        g.draw(box);
        g.setFont(Fonts.regular(8.5 * u));
        double y = box.getMinY() + 6 * u;
        double x = box.getMinX() + 8 * u;
        for (MapContent.LegendEntry e : c.legend()) {
            Rectangle2D sw = new Rectangle2D.Double(x, y + 2.5 * u, 16 * u, 10 * u);
            switch (e.swatch()) {
                case FILL -> {
                    g.setColor(e.color().getAlpha() < 255 ? e.color()
                        : Palette.withAlpha(e.color(), e.color().equals(Palette.LAND) || e.color().equals(Palette.LAND_EMPHASIS)
                            || e.color().equals(Palette.CONTEXT_LAND) ? 1f : Palette.RING_FILL_ALPHA * 2));
                    g.fill(sw);
                    g.setColor(e.color().getAlpha() < 255 ? e.color() : e.color().darker());
                    g.setStroke(stroke(0.8 * u));
                    g.draw(sw);
                }
                case LINE, DASHED -> {
                    g.setColor(e.color());
                    g.setStroke(e.swatch() == MapContent.Swatch.DASHED
                        ? new BasicStroke((float) (1.4 * u), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {(float) (4 * u), (float) (2.5 * u)}, 0f)
                        : new BasicStroke((float) (1.6 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(sw.getMinX(), sw.getCenterY(), sw.getMaxX(), sw.getCenterY()));
                }
                case MARITIME -> {
                    g.setColor(Palette.MARITIME);
                    g.setStroke(maritimeStroke(u * 1.3));
                    g.draw(new Line2D.Double(sw.getMinX(), sw.getCenterY(), sw.getMaxX(), sw.getCenterY()));
                }
                case POINT -> drawSymbol(g, e.color().equals(Palette.MILITARY) ? MapContent.Symbol.MILITARY
                    : MapContent.Symbol.CITY, new Point2D.Double(sw.getCenterX(), sw.getCenterY()), u);
                case CAPITAL -> drawSymbol(g, MapContent.Symbol.CAPITAL, new Point2D.Double(sw.getCenterX(),
                    sw.getCenterY()), u);
                case CROSSING -> drawSymbol(g, MapContent.Symbol.CROSSING, new Point2D.Double(sw.getCenterX(),
                    sw.getCenterY()), u);
                case BORDER_POINT -> drawSymbol(g, MapContent.Symbol.BORDER_POINT,
                    new Point2D.Double(sw.getCenterX(), sw.getCenterY()), u);
                default -> { }
            }
            g.setColor(Palette.TEXT);
            g.drawString(e.text(), (float) (x + 22 * u), (float) (y + 11 * u));
            y += 15 * u;
        }
    }

    private static void drawScaleBar(Graphics2D g, ScaleBar bar, Rectangle2D box, double u) {
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(box);
        double x0 = box.getMinX() + 8 * u;
        double y0 = box.getMinY() + 15 * u;
        double h = 4 * u;
        double seg = bar.lengthPx() / bar.segments();
        for (int i = 0; i < bar.segments(); i++) {
            Rectangle2D r = new Rectangle2D.Double(x0 + i * seg, y0, seg, h);
            g.setColor(i % 2 == 0 ? Palette.TEXT : Color.WHITE);
            g.fill(r);
        }
        g.setColor(Palette.TEXT);
        g.setStroke(stroke(0.6 * u));
        g.draw(new Rectangle2D.Double(x0, y0, bar.lengthPx(), h));
        g.setFont(Fonts.regular(8 * u));
        FontMetrics fm = g.getFontMetrics();
        double[] marks = {0, bar.lengthM() / 2, bar.lengthM()};
        for (double mk : marks) {
            String s = bar.label(mk) + (mk == bar.lengthM() ? " " + bar.unit() : "");
            double px = x0 + mk / bar.lengthM() * bar.lengthPx();
            double w = fm.getStringBounds(bar.label(mk), g).getWidth();
            g.drawString(s, (float) (px - w / 2), (float) (y0 - 3 * u));
        }
        g.setFont(Fonts.regular(6.5 * u));
        g.setColor(Palette.TEXT_MUTED);
        g.drawString("true at the map centre", (float) x0, (float) (y0 + h + 9 * u));
    }

    private static void drawNorthArrow(Graphics2D g, Rectangle2D box, double angleDeg, double u) {
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(box);
        double cx = box.getCenterX();
        double cy = box.getCenterY() + 4 * u;
        AffineTransform old = g.getTransform();
        g.rotate(Math.toRadians(angleDeg), cx, cy);
        Path2D a = new Path2D.Double();
        a.moveTo(cx, cy - 15 * u);
        a.lineTo(cx + 5 * u, cy + 8 * u);
        a.lineTo(cx, cy + 4 * u);
        a.lineTo(cx - 5 * u, cy + 8 * u);
        a.closePath();
        g.setColor(Palette.TEXT);
        g.fill(a);
        g.setFont(Fonts.bold(9 * u));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("N", (float) (cx - fm.stringWidth("N") / 2.0), (float) (cy - 17 * u));
        g.setTransform(old);
    }

    private static void drawFooter(Graphics2D g, MapContent c, MapView view, Page page, double u) {
        Rectangle2D frame = view.frame();
        g.setFont(Fonts.regular(7 * u));
        g.setColor(Palette.TEXT_MUTED);
        List<String> items = new ArrayList<>(c.credits());
        items.add("Projection: " + view.projection().description());
        FontMetrics fm = g.getFontMetrics();
        double maxW = frame.getWidth();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            String candidate = line.length() == 0 ? item : line + "  ·  " + item;
            if (fm.getStringBounds(candidate, g).getWidth() > maxW && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(item);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        double y = frame.getMaxY() + 10 * u;
        for (String l : lines.subList(0, Math.min(2, lines.size()))) {
            g.drawString(fit(g, l, maxW), (float) frame.getMinX(), (float) y);
            y += 9 * u;
        }
    }

    /** The string, or as many of its words as fit followed by "…" (never cut inside a word). */
    private static String fit(Graphics2D g, String s, double maxW) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.getStringBounds(s, g).getWidth() <= maxW) {
            return s;
        }
        String t = s;
        while (t.contains(" ") && fm.getStringBounds(t + " …", g).getWidth() > maxW) {
            t = t.substring(0, t.lastIndexOf(' ')).stripTrailing();
        }
        return t + " …";
    }

    /**
     * The subtitle wrapped at spaces to the frame's width, at most {@value #MAX_SUBTITLE_LINES} lines (a last
     * line that would not fit ends after its last whole word with "…").
     */
    static List<String> subtitleLines(MapContent c, Page page) {
        double u = page.unit();
        double maxW = page.widthPx() - 24 * u;
        Font font = Fonts.regular(SUBTITLE_PT * u);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : c.subtitle().split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringBounds(candidate, frc).getWidth() > maxW) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        if (lines.size() > MAX_SUBTITLE_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_SUBTITLE_LINES));
            String last = kept.get(MAX_SUBTITLE_LINES - 1);
            while (last.contains(" ") && font.getStringBounds(last + " …", frc).getWidth() > maxW) {
                last = last.substring(0, last.lastIndexOf(' '));
            }
            kept.set(MAX_SUBTITLE_LINES - 1, last + " …");
            return kept;
        }
        return lines;
    }

    private static Rectangle2D inset(Rectangle2D r, double d) {
        return new Rectangle2D.Double(r.getMinX() + d, r.getMinY() + d, r.getWidth() - 2 * d, r.getHeight() - 2 * d);
    }

    /** The dashed line of a territorial-sea boundary, on the map and in the legend. */
    static BasicStroke maritimeStroke(double u) {
        return new BasicStroke((float) (0.9 * u), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {(float) (4 * u), (float) (2 * u)}, 0f);
    }

    private static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
