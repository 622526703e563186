package io.borderline.tiles;

import io.borderline.features.Feature;
import io.borderline.features.FeatureLayer;
import io.borderline.features.Layers;
import io.borderline.topology.RingwiseSimplifier;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.analysis.ComputeOnce;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.RingClipper;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Mapbox Vector Tiles (MVT 2.1) of the published {@link Layers} in the WebMercatorQuad tile matrix set:
 * tile layers {@code countries}, {@code borders}, {@code sites} and {@code coverage} (the features of
 * coverage-blr and coverage-rus together; their {@code source}, {@code drone}, {@code drone_class} and
 * {@code range_km} properties let a style pick one) and {@code time_rings} (the warning-time rings of the
 * time-rings collection, with {@code source}, {@code drone}, {@code minutes}, {@code speed_kmh} and
 * {@code range_km}). Coordinates are in tile units, {@value #EXTENT} across a tile.
 *
 * <p>How a tile is made, in three steps, each bounded by what the tile touches:
 * <ol>
 * <li><b>Per-zoom copies.</b> At even zooms up to z={@value #PYRAMID_MAX_ZOOM} each layer has a copy simplified
 * with Douglas-Peucker at {@value #SIMPLIFY_UNITS} tile units of that zoom (half a pixel of a 256-pixel tile:
 * 306 m at z=8, 1.2 km at z=6), polygons and holes under two pixels dropped first, coordinates packed. The
 * copies are built feature by feature (each projected at full resolution, simplified for the highest stored
 * zoom, then for each lower one from the one above, and the full projection dropped): the world's countries
 * are never held projected at full resolution. They are not repaired (JTS's validity check of all of Russia
 * takes longer than the pyramid): each tile's piece is made valid in step 3. An odd zoom uses the copy of the
 * zoom above and simplifies its clipped pieces at its own tolerance. Above z={@value #PYRAMID_MAX_ZOOM} the tile
 * clips the published longitude/latitude features (a tile is a longitude/latitude box) and projects and
 * simplifies only the clipped piece. The copies are built once ({@link #warmUp}, in the background at start-up)
 * or on first use.</li>
 * <li><b>Index.</b> Every copy keeps an {@link STRtree} of its parts (each polygon, line or point of each
 * feature), so a tile visits only the parts whose envelope reaches its clip box: the tile grown by
 * {@value #BUFFER} units on every side (no seams at tile edges).</li>
 * <li><b>Clip and snap.</b> A part inside the clip box is taken whole; only a part that crosses its edge is
 * clipped: a polygon ring by ring (Sutherland-Hodgman, after dropping the holes outside the box), a line by
 * JTS OverlayNG. The result is converted to tile units
 * and snapped to the integer grid (polygons with {@link GeometryPrecisionReducer}, which makes them valid),
 * so a point is within half a unit (tile size / 8192) of its position in the copy.</li>
 * </ol>
 * Every non-null property is kept, the feature's id as the {@code id} property (MVT integer ids are not
 * used: ours are strings). The coverage layers come from {@link Layers}, which computes them once. Memory: the
 * world's countries at z8, the largest copy, are fewer vertices than the full layer, 16 bytes each. Thread-safe.
 */
public final class VectorTiles {
    /** Highest zoom served: at z=14 a tile unit is 2.4 m at the equator, below the data's 10 m resolution. */
    public static final int MAX_ZOOM = 14;
    /** Tile units across a tile. */
    public static final int EXTENT = 4096;
    /** Tile units the clip box extends beyond the tile on each side. */
    public static final int BUFFER = 64;
    /** Simplification tolerance, tile units. */
    public static final double SIMPLIFY_UNITS = 8;
    /** Highest zoom with a precomputed simplified copy of each layer. */
    public static final int PYRAMID_MAX_ZOOM = 8;
    /** Zoom step between stored copies: a zoom without its own copy uses the next finer one. */
    public static final int PYRAMID_STEP = 2;
    /** The tile layers and the published layers each is made of. */
    public static final Map<String, List<String>> TILE_LAYERS = tileLayers();

    private final Layers layers;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 3857);
    private final PrecisionModel grid = new PrecisionModel(1.0);
    private final MvtLayerParams params = new MvtLayerParams(EXTENT);
    /** Factory of the per-zoom copies: packed coordinates. */
    private final GeometryFactory packed = new GeometryFactory(new PrecisionModel(), 3857,
        PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private final GeometryFactory lonLatFactory = new GeometryFactory(new PrecisionModel(), 4326);
    /**
     * Per "dataset|tile layer": the per-zoom copies (index = zoom); per "dataset|tile layer|lonlat": the
     * published features (one level). Built outside any map lock: a pyramid of the world takes a while, and
     * must not block tiles of other layers.
     */
    private final ComputeOnce<Level[]> pyramids = new ComputeOnce<>(Caffeine.newBuilder().build());

    /**
     * A feature ready for tiling: its geometry (EPSG:3857 in the pyramid, longitude/latitude above it), or for a
     * feature decoded on demand ({@link Feature#lazy}) null and the feature itself.
     */
    private record Source(Geometry geometry, Map<String, Object> properties, Feature lazy,
                          io.borderline.data.Lazy<Geometry[]> copies, int level) {
        Source(Geometry geometry, Map<String, Object> properties) {
            this(geometry, properties, null, null, 0);
        }
    }

    /** One polygon, line or point of a source, as the index holds it (a lazy source: null, its envelope indexed). */
    private record Part(int source, Geometry geometry) {}

    /**
     * Decoded lazy features above the pyramid's zooms, their parts by envelope, bounded by vertices: tiles of a
     * zoomed-in view touch one or two countries, and the world decoded is 400 MB.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Feature, STRtree> decoded = Caffeine.newBuilder()
        .maximumWeight(8_000_000) // vertices, about 130 MB decoded
        .weigher((Feature f, STRtree t) -> Math.max(1, f.numPoints()))
        .build();

    private STRtree parts(Feature f) {
        return decoded.get(f, x -> {
            STRtree index = new STRtree();
            Geometry g = x.geometry();
            for (int n = 0; n < g.getNumGeometries(); n++) {
                Geometry part = g.getGeometryN(n);
                if (!part.isEmpty()) {
                    index.insert(part.getEnvelopeInternal(), part);
                }
            }
            index.build();
            return index;
        });
    }

    /** A layer at one zoom: its features and an index of their parts. */
    private final class Level {
        private final List<Source> sources;
        private final STRtree index;

        private Level(List<Source> sources, STRtree index) {
            this.sources = sources;
            this.index = index;
        }

        List<Source> sources() {
            return sources;
        }

        static Level of(VectorTiles tiles, List<Source> sources) {
            STRtree index = new STRtree();
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                if (s.copies() != null) { // a per-zoom copy made on first use: its projected box
                    index.insert(mercator(s.lazy().envelope()), new Part(i, null));
                    continue;
                }
                if (s.lazy() != null) {
                    index.insert(s.lazy().envelope(), new Part(i, null));
                    continue;
                }
                Geometry g = s.geometry();
                for (int n = 0; n < g.getNumGeometries(); n++) {
                    Geometry part = g.getGeometryN(n);
                    if (!part.isEmpty()) {
                        index.insert(part.getEnvelopeInternal(), new Part(i, part));
                    }
                }
            }
            index.build();
            return tiles.new Level(List.copyOf(sources), index);
        }

        /** The parts whose envelope reaches {@code clip}, grouped by source in source order. */
        Map<Integer, List<Geometry>> query(Envelope clip) {
            Map<Integer, List<Geometry>> bySource = new java.util.TreeMap<>();
            Envelope lonLatClip = null; // for the per-zoom copies: the clip in longitude/latitude, once
            for (Object o : index.query(clip)) {
                Part p = (Part) o;
                Source s = sources.get(p.source());
                if (s.copies() != null) { // this zoom's copy of the feature, made with its other zooms on first use
                    lonLatClip = lonLatClip != null ? lonLatClip : lonLat(clip);
                    if (!s.lazy().mayIntersect(lonLatClip)) {
                        continue;
                    }
                    Geometry copy = s.copies().get()[s.level()];
                    for (int n = 0; n < copy.getNumGeometries(); n++) {
                        Geometry g = copy.getGeometryN(n);
                        if (!g.isEmpty() && g.getEnvelopeInternal().intersects(clip)) {
                            bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(g);
                        }
                    }
                } else if (p.geometry() == null) { // a lazy feature: its decoded parts that reach the clip
                    if (!s.lazy().mayIntersect(clip)) {
                        continue;
                    }
                    for (Object part : parts(s.lazy()).query(clip)) {
                        Geometry g = (Geometry) part;
                        if (g.getEnvelopeInternal().intersects(clip)) {
                            bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(g);
                        }
                    }
                } else if (p.geometry().getEnvelopeInternal().intersects(clip)) {
                    bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p.geometry());
                }
            }
            return bySource;
        }
    }

    public VectorTiles(Layers layers) {
        this.layers = layers;
    }

    private static Map<String, List<String>> tileLayers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("countries", List.of("countries"));
        m.put("borders", List.of("borders"));
        m.put("sites", List.of("sites"));
        m.put("coverage", List.of("coverage-blr", "coverage-rus"));
        m.put("time_rings", List.of(Layers.TIME_RINGS));
        return Collections.unmodifiableMap(m);
    }

    /** The published features of a tile layer (lon/lat), e.g. for TileJSON fields and bounds. */
    public List<Feature> features(String dataset, String tileLayer) {
        List<Feature> out = new ArrayList<>();
        for (String id : TILE_LAYERS.get(tileLayer)) {
            FeatureLayer l = layers.get(id);
            out.addAll(l.features().apply(dataset));
        }
        return out;
    }

    /**
     * The encoded tile, or an empty array when no feature of any layer reaches it (the clip box
     * included).
     */
    public byte[] tile(String dataset, TileId t) {
        return tile(dataset, t, TILE_LAYERS.keySet());
    }

    /**
     * As {@link #tile(String, TileId)} with only the named tile layers (a subset of {@link #TILE_LAYERS}, in
     * their order): a base map asks for countries and borders and does not wait for the coverage layers.
     */
    public byte[] tile(String dataset, TileId t, java.util.Collection<String> tileLayers) {
        if (t.z() > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + t.z() + " above " + MAX_ZOOM);
        }
        Envelope tileEnv = t.envelope();
        double unit = t.sizeM() / EXTENT;
        Envelope clip = new Envelope(tileEnv);
        clip.expandBy(BUFFER * unit);
        Geometry clipBox = factory.toGeometry(clip);
        Envelope lonLatClip = new Envelope(WebMercator.lon(clip.getMinX()), WebMercator.lon(clip.getMaxX()),
            WebMercator.lat(clip.getMinY()), WebMercator.lat(clip.getMaxY()));
        Geometry lonLatBox = lonLatFactory.toGeometry(lonLatClip);
        AffineTransformation toTile = new AffineTransformation()
            .translate(-tileEnv.getMinX(), -tileEnv.getMaxY())
            .scale(1 / unit, -1 / unit);
        List<JtsLayer> out = new ArrayList<>();
        for (String name : TILE_LAYERS.keySet()) {
            if (!tileLayers.contains(name)) {
                continue;
            }
            Level level = level(dataset, name, t.z());
            boolean lonLat = t.z() > PYRAMID_MAX_ZOOM && !name.equals("sites");
            boolean ownCopy = t.z() <= PYRAMID_MAX_ZOOM && t.z() % PYRAMID_STEP == 0;
            Envelope query = lonLat ? lonLatClip : clip;
            List<Geometry> geoms = new ArrayList<>();
            for (Map.Entry<Integer, List<Geometry>> e : level.query(query).entrySet()) {
                Geometry g = lonLat ? WebMercator.project(clip(e.getValue(), lonLatClip, lonLatBox))
                    : clip(e.getValue(), clip, clipBox);
                if (!ownCopy && !(g instanceof Puntal)) {
                    g = simplify(g, SIMPLIFY_UNITS * unit);
                }
                g = snap(toTile.transform(g));
                if (!g.isEmpty()) {
                    g.setUserData(level.sources().get(e.getKey()).properties());
                    geoms.add(g);
                }
            }
            if (!geoms.isEmpty()) {
                out.add(new JtsLayer(name, geoms, EXTENT));
            }
        }
        if (out.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(out), params, new UserDataKeyValueMapConverter());
    }

    /**
     * The parts of one feature that reach the clip box, each clipped only if it crosses the box's edge: polygons
     * ring by ring ({@link #clipRings}), lines and points by an overlay with the box.
     */
    private Geometry clip(List<Geometry> parts, Envelope clip, Geometry clipBox) {
        List<Geometry> kept = new ArrayList<>();
        for (Geometry part : parts) {
            Envelope e = part.getEnvelopeInternal();
            Geometry c = clip.contains(e) ? part
                : part instanceof Polygon p ? clipRings(p, clip) : intersection(part, clipBox);
            if (c != null && !c.isEmpty()) {
                kept.add(c);
            }
        }
        return homogeneous(kept);
    }

    /**
     * A polygon cut to the box ring by ring (Sutherland-Hodgman, JTS's {@link RingClipper}), or null if its shell
     * misses the box. Linear in the ring's vertices and it never fails, whatever the unrepaired per-zoom copy's
     * rings do (an overlay of such a copy fails its floating-point noding and retries with snapping, most of a
     * cold tile's time). The pieces may run along the box's edges; the snap to the tile grid that follows
     * ({@link #snap}) is a snap-rounding overlay, which resolves them and makes the piece valid.
     */
    private Polygon clipRings(Polygon p, Envelope clip) {
        RingClipper clipper = new RingClipper(clip);
        LinearRing shell = clipRing(clipper, p.getExteriorRing());
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing h = p.getInteriorRingN(i);
            // the envelope from the sequence: asking the ring would cache one on the stored copy
            if (h.getCoordinateSequence().expandEnvelope(new Envelope()).intersects(clip)) {
                LinearRing hole = clipRing(clipper, h);
                if (hole != null) {
                    holes.add(hole);
                }
            }
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing clipRing(RingClipper clipper, LinearRing ring) {
        CoordinateSequence seq = ring.getCoordinateSequence(); // not getCoordinates(): packed copies would cache it
        Coordinate[] pts = new Coordinate[seq.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new Coordinate(seq.getX(i), seq.getY(i));
        }
        Coordinate[] c = clipper.clip(pts);
        return c.length < 4 ? null : factory.createLinearRing(c);
    }

    /** The part inside the box; a part the simplification made invalid is repaired first if the overlay fails. */
    private static Geometry intersection(Geometry part, Geometry clipBox) {
        try {
            return OverlayNGRobust.overlay(part, clipBox, OverlayNG.INTERSECTION);
        } catch (RuntimeException e) {
            return OverlayNGRobust.overlay(part.buffer(0), clipBox, OverlayNG.INTERSECTION);
        }
    }

    /**
     * The pieces as one MultiPolygon, MultiLineString or MultiPoint: a clipped part may come back as a
     * multi geometry, and a GeometryCollection would not be encoded (MVT has no collection type).
     */
    private Geometry homogeneous(List<Geometry> pieces) {
        List<Polygon> polygons = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        for (Geometry piece : pieces) {
            for (int i = 0; i < piece.getNumGeometries(); i++) {
                Geometry g = piece.getGeometryN(i);
                if (g instanceof Polygon p) {
                    polygons.add(p);
                } else if (g instanceof LineString l) {
                    lines.add(l);
                } else if (g instanceof Point pt) {
                    points.add(pt);
                }
            }
        }
        if (!polygons.isEmpty()) {
            return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        if (!lines.isEmpty()) {
            return factory.createMultiLineString(lines.toArray(LineString[]::new));
        }
        return factory.createMultiPoint(points.toArray(Point[]::new));
    }

    /**
     * Douglas-Peucker at {@code tolerance}, after dropping the polygons and holes narrower and lower than
     * twice the tolerance (smaller than a pixel, and they would collapse anyway): without that, each of
     * Russia's 65,000 lakes would keep four vertices and make the validity repair slow.
     */
    private Geometry simplify(Geometry g, double tolerance) {
        return simplify(g, tolerance, true);
    }

    /** As {@link #simplify(Geometry, double)}; without {@code repair} the result may be invalid (cheap for whole layers). */
    private Geometry simplify(Geometry g, double tolerance, boolean repair) {
        if (g instanceof Polygonal) {
            // a tile drops what is under a pixel across; the stored copies drop what is under two (a lake or
            // islet that small is a speck at that zoom, and the world's 750,000 rings would fill the heap)
            double min = repair ? 2 * tolerance : 4 * tolerance;
            List<Polygon> kept = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (small(p.getEnvelopeInternal(), min)) {
                    continue;
                }
                if (!repair) {
                    LinearRing shell = RingwiseSimplifier.ring(p.getExteriorRing(), tolerance, factory);
                    if (shell == null) {
                        continue;
                    }
                    List<LinearRing> holes = new ArrayList<>();
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        // the envelope from the sequence: asking the ring would cache one on the stored copy
                        Envelope e = p.getInteriorRingN(h).getCoordinateSequence().expandEnvelope(new Envelope());
                        LinearRing hole = small(e, min) ? null
                            : RingwiseSimplifier.ring(p.getInteriorRingN(h), tolerance, factory);
                        if (hole != null) {
                            holes.add(hole);
                        }
                    }
                    kept.add(factory.createPolygon(shell, holes.toArray(LinearRing[]::new)));
                    continue;
                }
                List<LinearRing> holes = new ArrayList<>();
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    if (!small(p.getInteriorRingN(h).getEnvelopeInternal(), min)) {
                        holes.add(p.getInteriorRingN(h));
                    }
                }
                kept.add(factory.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new)));
            }
            g = factory.createMultiPolygon(kept.toArray(Polygon[]::new));
            if (!repair) {
                return g;
            }
        }
        DouglasPeuckerSimplifier dp = new DouglasPeuckerSimplifier(g);
        dp.setDistanceTolerance(tolerance);
        dp.setEnsureValid(repair);
        return dp.getResultGeometry();
    }

    private static boolean small(Envelope e, double min) {
        return e.getWidth() < min && e.getHeight() < min;
    }

    /**
     * Tile units to the integer grid: polygons become valid (collapsed ones vanish; a piece of an unrepaired
     * per-zoom copy that snap-rounding cannot mend is repaired first, which is cheap for one tile's piece),
     * lines and points are rounded.
     */
    private Geometry snap(Geometry g) {
        if (g.isEmpty()) {
            return g;
        }
        if (g instanceof Polygonal) {
            try {
                Geometry r = GeometryPrecisionReducer.reduce(g, grid);
                if (r.isValid()) {
                    return r;
                }
            } catch (RuntimeException e) {
                // a piece the simplification made invalid beyond what snap-rounding mends: repaired below
            }
            return GeometryPrecisionReducer.reduce(org.locationtech.jts.geom.util.GeometryFixer.fix(g), grid);
        }
        if (g instanceof Puntal) {
            return GeometryPrecisionReducer.reducePointwise(g, grid);
        }
        Geometry r = GeometryPrecisionReducer.reducePointwise(g, grid);
        return r.getLength() == 0 ? factory.createEmpty(1) : r;
    }

    /**
     * Builds the per-zoom copies of every tile layer of a dataset (the coverage layers are computed first
     * if they are not yet). Later tiles of any zoom then only clip and encode.
     */
    public void warmUp(String dataset) {
        warmUp(dataset, () -> { });
    }

    /** As {@link #warmUp(String)}, running {@code yield} before each layer and each feature's copies (to pause for requests). */
    public void warmUp(String dataset, Runnable yield) {
        warmUp(dataset, TILE_LAYERS.keySet(), yield);
    }

    /** As {@link #warmUp(String, Runnable)} for the named tile layers only. */
    public void warmUp(String dataset, java.util.Collection<String> tileLayers, Runnable yield) {
        for (String name : tileLayers) {
            yield.run();
            for (Source s : level(dataset, name, 0).sources()) {
                if (s.copies() != null && s.copies().peek() == null) {
                    yield.run();
                    s.copies().get();
                }
            }
        }
    }

    /**
     * The copy of a tile layer used at zoom z: the simplified copy of that zoom (EPSG:3857) for z up to
     * PYRAMID_MAX_ZOOM, else the published features themselves (longitude/latitude, see {@link #lonLat}).
     */
    private Level level(String dataset, String tileLayer, int z) {
        if (tileLayer.equals("sites")) {
            return pyramids.get(dataset + "|sites", () -> new Level[] {Level.of(this, project(dataset, tileLayer))})[0];
        }
        if (z > PYRAMID_MAX_ZOOM) {
            return pyramids.get(dataset + "|" + tileLayer + "|lonlat", () -> new Level[] {lonLatLevel(dataset, tileLayer)})[0];
        }
        int stored = Math.min(PYRAMID_MAX_ZOOM, (z + PYRAMID_STEP - 1) / PYRAMID_STEP * PYRAMID_STEP);
        return pyramids.get(dataset + "|" + tileLayer, () -> pyramid(dataset, tileLayer))[stored / PYRAMID_STEP];
    }

    /**
     * Every per-zoom copy of a tile layer, feature by feature and each on the first tile that shows it: a
     * feature is projected at full resolution, simplified for PYRAMID_MAX_ZOOM, then each lower zoom from the
     * zoom above, and its full-resolution projection dropped (the world's countries are 8.9 million vertices: a
     * full-resolution projected copy of the layer is never held). The copies keep packed coordinates (16 bytes
     * a vertex, no object per vertex). A tile finds a feature by its projected bounding box, then by its cell
     * raster where it has one (the boxes of Russia or the United States span the globe).
     */
    private Level[] pyramid(String dataset, String tileLayer) {
        int levels = PYRAMID_MAX_ZOOM / PYRAMID_STEP + 1;
        List<List<Source>> perLevel = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            perLevel.add(new ArrayList<>());
        }
        for (Feature f : features(dataset, tileLayer)) {
            if (!f.located()) {
                continue;
            }
            Map<String, Object> props = properties(f);
            // made on the first tile that shows the feature (or by the warm-up): a first view of the Baltic
            // simplifies the twenty countries it shows, not the world's 250
            io.borderline.data.Lazy<Geometry[]> copies = new io.borderline.data.Lazy<>(() -> copies(f, levels));
            for (int i = levels - 1; i >= 0; i--) {
                perLevel.get(i).add(new Source(null, props, f, copies, i));
            }
        }
        Level[] out = new Level[levels];
        for (int i = 0; i < levels; i++) {
            out[i] = Level.of(this, perLevel.get(i));
        }
        return out;
    }

    /** The feature's copy at each stored zoom: projected once, simplified for z8, then each lower zoom from the one above. */
    private Geometry[] copies(Feature f, int levels) {
        Geometry[] out = new Geometry[levels];
        Geometry g = WebMercator.project(f.geometry());
        for (int i = levels - 1; i >= 0; i--) {
            double tolerance = new TileId(i * PYRAMID_STEP, 0, 0).sizeM() / EXTENT * SIMPLIFY_UNITS;
            g = packed(simplify(g, tolerance, false));
            out[i] = g;
        }
        return out;
    }

    private static Envelope mercator(Envelope lonLat) {
        double s = Math.max(-WebMercator.MAX_LAT_DEG, Math.min(WebMercator.MAX_LAT_DEG, lonLat.getMinY()));
        double n = Math.max(-WebMercator.MAX_LAT_DEG, Math.min(WebMercator.MAX_LAT_DEG, lonLat.getMaxY()));
        return new Envelope(WebMercator.x(lonLat.getMinX()), WebMercator.x(lonLat.getMaxX()), WebMercator.y(s),
            WebMercator.y(n));
    }

    private static Envelope lonLat(Envelope mercator) {
        return new Envelope(WebMercator.lon(mercator.getMinX()), WebMercator.lon(mercator.getMaxX()),
            WebMercator.lat(mercator.getMinY()), WebMercator.lat(mercator.getMaxY()));
    }

    /** A copy with two-dimensional packed coordinates: 16 bytes a vertex, no object per vertex. */
    private Geometry packed(Geometry g) {
        return new org.locationtech.jts.geom.util.GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                org.locationtech.jts.geom.CoordinateSequence seq, Geometry parent) {
                double[] xy = new double[2 * seq.size()];
                for (int i = 0; i < seq.size(); i++) {
                    xy[2 * i] = seq.getX(i);
                    xy[2 * i + 1] = seq.getY(i);
                }
                return PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2);
            }
        }.transform(g);
    }

    /**
     * Above PYRAMID_MAX_ZOOM a tile clips the published features in longitude/latitude (a Web Mercator
     * tile is a longitude/latitude box: x depends on longitude only, y on latitude only) and projects only
     * the clipped piece, so no full-resolution projected copy of the layer is held.
     */
    private Level lonLatLevel(String dataset, String tileLayer) {
        List<Source> out = new ArrayList<>();
        for (Feature f : features(dataset, tileLayer)) {
            if (f.located()) {
                // a feature decoded on demand stays so: its parts are decoded per tile through a bounded cache
                out.add(f.onDemand() ? new Source(null, properties(f), f, null, 0)
                    : new Source(f.geometry(), properties(f)));
            }
        }
        return Level.of(this, out);
    }

    private List<Source> project(String dataset, String tileLayer) {
        List<Source> out = new ArrayList<>();
        for (Feature f : features(dataset, tileLayer)) {
            if (!f.located()) {
                continue;
            }
            out.add(new Source(WebMercator.project(f.geometry()), properties(f)));
        }
        return List.copyOf(out);
    }

    /** Non-null properties as MVT values (string, whole number, double, boolean); the id first. */
    static Map<String, Object> properties(Feature f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof String) {
                p.put(e.getKey(), v);
            } else if (v instanceof Number n) {
                p.put(e.getKey(), n.doubleValue());
            } else {
                p.put(e.getKey(), v.toString());
            }
        }
        return Collections.unmodifiableMap(p);
    }
}
