package io.borderline.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.features.Feature;
import io.borderline.features.FeatureLayer;
import io.borderline.features.Layers;
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
import java.util.concurrent.ConcurrentHashMap;
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
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Mapbox Vector Tiles (MVT 2.1) of the published {@link Layers} in the WebMercatorQuad tile matrix set:
 * tile layers {@code countries}, {@code borders}, {@code sites} and {@code coverage} (the features of
 * coverage-blr and coverage-rus together; their {@code source} and {@code drone} properties tell them
 * apart). Coordinates are in tile units, {@value #EXTENT} across a tile.
 *
 * <p>Lines and polygons are simplified with JTS's {@link DouglasPeuckerSimplifier} (which repairs
 * polygons it would make invalid; polygons and holes smaller than a pixel are dropped first) at {@value #SIMPLIFY_UNITS} tile units, i.e. half a pixel of a
 * 256-pixel tile (at z=6, 306 m; at z=14, 1.2 m): up to z={@value #PYRAMID_MAX_ZOOM} a simplified copy
 * of the layer is made once per zoom and then clipped; above it, the full-resolution feature is
 * clipped and the clipped piece simplified. Clipping is to the tile grown by {@value #BUFFER} units
 * on every side (so strokes show no seams at tile edges); the result is converted to tile units and
 * snapped to the integer grid (polygons with {@link GeometryPrecisionReducer}, which keeps them
 * valid), so a point is within half a unit (tile size / 8192) of its true position. Every non-null
 * property is kept, the feature's id as the {@code id} property (MVT integer ids are not used: ours
 * are strings).
 *
 * <p>The per-zoom copies are computed on first use and kept in a cache bounded to
 * {@value #MAX_CACHED_VERTICES} vertices. The coverage layers come from {@link Layers}, which computes
 * them once (in the background at start-up, or on the first request that needs them). Thread-safe.
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
    public static final int PYRAMID_MAX_ZOOM = 10;
    /** Bound of the per-zoom simplified-geometry cache, vertices (about 40 bytes each). */
    public static final long MAX_CACHED_VERTICES = 2_000_000;
    /** The tile layers and the published layers each is made of. */
    public static final Map<String, List<String>> TILE_LAYERS = tileLayers();

    private final Layers layers;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 3857);
    private final PrecisionModel grid = new PrecisionModel(1.0);
    private final MvtLayerParams params = new MvtLayerParams(EXTENT);
    private final Map<String, List<Source>> projected = new ConcurrentHashMap<>();
    private final Cache<String, List<Source>> simplified = Caffeine.newBuilder()
        .maximumWeight(MAX_CACHED_VERTICES)
        .weigher((String k, List<Source> v) -> v.stream().mapToInt(s -> s.geometry().getNumPoints()).sum())
        .build();

    /** A feature ready for tiling: its geometry in EPSG:3857, split into parts for cheap culling. */
    private record Source(Geometry geometry, List<Geometry> parts, Map<String, Object> properties) {
        static Source of(Geometry g, Map<String, Object> properties) {
            List<Geometry> parts = new ArrayList<>(g.getNumGeometries());
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(g.getGeometryN(i));
            }
            return new Source(g, parts, properties);
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
        if (t.z() > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + t.z() + " above " + MAX_ZOOM);
        }
        Envelope tileEnv = t.envelope();
        double unit = t.sizeM() / EXTENT;
        Envelope clip = new Envelope(tileEnv);
        clip.expandBy(BUFFER * unit);
        Geometry clipBox = factory.toGeometry(clip);
        AffineTransformation toTile = new AffineTransformation()
            .translate(-tileEnv.getMinX(), -tileEnv.getMaxY())
            .scale(1 / unit, -1 / unit);
        List<JtsLayer> out = new ArrayList<>();
        for (String name : TILE_LAYERS.keySet()) {
            List<Geometry> geoms = new ArrayList<>();
            for (Source s : sources(dataset, name, t.z())) {
                if (!s.geometry().getEnvelopeInternal().intersects(clip)) {
                    continue;
                }
                Geometry g = clip(s, clip, clipBox);
                if (t.z() > PYRAMID_MAX_ZOOM && !(g instanceof Puntal)) {
                    g = simplify(g, SIMPLIFY_UNITS * unit);
                }
                g = snap(toTile.transform(g));
                if (!g.isEmpty()) {
                    g.setUserData(s.properties());
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

    private Geometry clip(Source s, Envelope clip, Geometry clipBox) {
        if (clip.contains(s.geometry().getEnvelopeInternal())) {
            return s.geometry();
        }
        List<Geometry> kept = new ArrayList<>();
        for (Geometry part : s.parts()) {
            Envelope e = part.getEnvelopeInternal();
            if (!e.intersects(clip)) {
                continue;
            }
            Geometry c = clip.contains(e) ? part
                : OverlayNGRobust.overlay(cull(part, clip), clipBox, OverlayNG.INTERSECTION);
            if (!c.isEmpty()) {
                kept.add(c);
            }
        }
        return homogeneous(kept);
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

    /** A polygon without the holes outside {@code clip} (Russia's land has 65,000 lake holes). */
    private Geometry cull(Geometry part, Envelope clip) {
        if (!(part instanceof Polygon p) || p.getNumInteriorRing() == 0) {
            return part;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            if (p.getInteriorRingN(i).getEnvelopeInternal().intersects(clip)) {
                holes.add(p.getInteriorRingN(i));
            }
        }
        return holes.size() == p.getNumInteriorRing() ? p
            : factory.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new));
    }

    /**
     * Douglas-Peucker at {@code tolerance}, after dropping the polygons and holes narrower and lower than
     * twice the tolerance (smaller than a pixel, and they would collapse anyway): without that, each of
     * Russia's 65,000 lakes would keep four vertices and make the validity repair slow.
     */
    private Geometry simplify(Geometry g, double tolerance) {
        if (g instanceof Polygonal) {
            double min = 2 * tolerance;
            List<Polygon> kept = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (small(p.getEnvelopeInternal(), min)) {
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
        }
        return DouglasPeuckerSimplifier.simplify(g, tolerance);
    }

    private static boolean small(Envelope e, double min) {
        return e.getWidth() < min && e.getHeight() < min;
    }

    /** Tile units to the integer grid: polygons stay valid (collapsed ones vanish), lines and points are rounded. */
    private Geometry snap(Geometry g) {
        if (g.isEmpty()) {
            return g;
        }
        if (g instanceof Polygonal) {
            return GeometryPrecisionReducer.reduce(g, grid);
        }
        if (g instanceof Puntal) {
            return GeometryPrecisionReducer.reducePointwise(g, grid);
        }
        Geometry r = GeometryPrecisionReducer.reducePointwise(g, grid);
        return r.getLength() == 0 ? factory.createEmpty(1) : r;
    }

    private List<Source> sources(String dataset, String tileLayer, int z) {
        List<Source> full = projected.computeIfAbsent(dataset + "|" + tileLayer, k -> project(dataset, tileLayer));
        if (tileLayer.equals("sites") || z > PYRAMID_MAX_ZOOM) {
            return full;
        }
        return simplified.get(dataset + "|" + tileLayer + "|" + z, k -> {
            double tolerance = new TileId(z, 0, 0).sizeM() / EXTENT * SIMPLIFY_UNITS;
            List<Source> out = new ArrayList<>(full.size());
            for (Source s : full) {
                out.add(Source.of(simplify(s.geometry(), tolerance), s.properties()));
            }
            return List.copyOf(out);
        });
    }

    private List<Source> project(String dataset, String tileLayer) {
        List<Source> out = new ArrayList<>();
        for (Feature f : features(dataset, tileLayer)) {
            if (f.geometry() == null) {
                continue;
            }
            out.add(Source.of(WebMercator.project(f.geometry()), properties(f)));
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
