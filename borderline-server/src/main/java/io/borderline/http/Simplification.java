package io.borderline.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.features.Feature;
import io.borderline.projection.OutputCrs;
import io.borderline.topology.RingwiseSimplifier;
import org.locationtech.jts.geom.Geometry;

/**
 * Geometry simplification of OGC API - Features items for drawing at a map scale: {@code zoom-level} as the draft
 * OGC API - Features - Part 7: Geometry Simplification (OGC 24-020, not yet a standard) defines it, and the vendor
 * parameter {@code max-allowable-offset} (the Douglas-Peucker tolerance in the response CRS's units, as the
 * draft's earlier proposal and ldproxy's deprecated {@code maxAllowableOffset} had it).
 *
 * <p>Every ring and line is simplified on its own ({@link RingwiseSimplifier}: JTS's DouglasPeuckerSimplifier runs
 * IsValidOp on each polygon, which ran out of heap on Russia); rings that collapse are dropped, so small islands
 * and lakes vanish at small scales, and a simplified polygon may be invalid (rings may touch or cross): it is for
 * drawing, not for measuring. Every kept vertex is a vertex of the original, and every original vertex of a kept
 * ring or line lies within the tolerance of the simplified one (Douglas-Peucker's bound).
 *
 * <p>A zoom level maps to half a WebMercatorQuad pixel (256-pixel tiles) at the equator, in degrees:
 * {@code 360 / (256 * 2^z) / 2}; on the map that moves a line by at most one pixel up to 60° latitude. The
 * simplified longitude/latitude geometries are kept in a cache bounded by vertices ({@value #CACHE_VERTICES});
 * thread-safe.
 */
final class Simplification {
    static final String ZOOM = "zoom-level";
    static final String OFFSET = "max-allowable-offset";
    /** Largest zoom level: the draft's table of WebMercatorQuad scales ends at 24 (1:33). */
    static final double MAX_ZOOM = 24;
    /** Largest offset in a geographic CRS, degrees. */
    static final double MAX_OFFSET_DEG = 10;
    /** Largest offset in a projected CRS, metres. */
    static final double MAX_OFFSET_M = 1_000_000;
    /** Bound of the cache of simplified geometries, vertices (16 bytes each, packed). */
    static final long CACHE_VERTICES = 2_000_000;

    private final Cache<String, Geometry> simplified = Caffeine.newBuilder()
        .maximumWeight(CACHE_VERTICES)
        .weigher((String k, Geometry g) -> Math.max(1, g.getNumPoints()))
        .build();

    /**
     * A request's simplification.
     *
     * @param parameter the parameter it came from ({@link #ZOOM} or {@link #OFFSET})
     * @param tolerance the Douglas-Peucker tolerance: degrees when {@code lonLat}, else the CRS's metres
     * @param lonLat true if it applies to the longitude/latitude geometry; false if to the projected one
     */
    record Request(String parameter, double tolerance, boolean lonLat) {
        String key() {
            return (lonLat ? "deg" : "m") + tolerance;
        }
    }

    /** Tolerance of a zoom level, degrees: half a WebMercatorQuad pixel at the equator. */
    static double zoomToleranceDeg(double zoom) {
        return 360.0 / (256 * Math.pow(2, zoom)) / 2;
    }

    /**
     * The simplification the query asks for, or null for none; a value outside its range, or both parameters,
     * is a 400 naming the parameter.
     */
    static Request parse(Params p, OutputCrs crs) {
        if (p.has(ZOOM) && p.has(OFFSET)) {
            throw ApiException.badParameter(OFFSET, "give either '" + ZOOM + "' or '" + OFFSET + "', not both",
                ZOOM + " (0 to 24) or " + OFFSET + " (in the response CRS's units)");
        }
        if (p.has(ZOOM)) {
            return new Request(ZOOM, zoomToleranceDeg(Params.parseNumber(ZOOM, p.optional(ZOOM), 0, MAX_ZOOM)), true);
        }
        if (p.has(OFFSET)) {
            boolean degrees = crs.geographic();
            double max = degrees ? MAX_OFFSET_DEG : MAX_OFFSET_M;
            String raw = p.optional(OFFSET);
            double v;
            try {
                v = Params.parseNumber(OFFSET, raw, 0, max);
            } catch (ApiException e) {
                throw ApiException.badParameter(OFFSET, "parameter '" + OFFSET + "' is '" + Params.shorten(raw)
                    + "', not a number from 0 to " + Params.fmt(max) + (degrees ? " degrees" : " metres") + " (the"
                    + " units of the response CRS " + crs.uri() + ")", "0 to " + Params.fmt(max)
                    + (degrees ? " degrees" : " metres") + " in " + crs.uri() + "; 0 to " + Params.fmt(MAX_OFFSET_DEG)
                    + " degrees in a geographic CRS, 0 to " + Params.fmt(MAX_OFFSET_M) + " metres in a projected one");
            }
            return new Request(OFFSET, v, degrees);
        }
        return null;
    }

    /**
     * The feature with its longitude/latitude geometry simplified (kept in the cache under {@code layerKey}), or
     * the feature itself when there is nothing to do here (no request, no geometry, or a projected tolerance).
     */
    Feature apply(Feature f, Request r, String layerKey) {
        if (r == null || !r.lonLat() || !f.located() || r.tolerance() == 0) {
            return f;
        }
        Geometry g = simplified.get(layerKey + "|" + f.id() + "|" + r.key(), k ->
            io.borderline.data.GeometryCodec.PACKED.createGeometry(RingwiseSimplifier.simplify(f.geometry(),
                r.tolerance())));
        return new Feature(f.id(), g, f.properties());
    }

    /** A projected geometry simplified by a tolerance in its own units (not cached: the CRS is the request's). */
    static Geometry projected(Geometry inCrs, Request r) {
        return r == null || r.lonLat() || r.tolerance() == 0 ? inCrs : RingwiseSimplifier.simplify(inCrs, r.tolerance());
    }
}
