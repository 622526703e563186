package io.borderline.data;

import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.SegmentIndex;

/**
 * The borders that bound one country, as one {@link BorderLine} defines them, indexed for nearest-point queries,
 * and matched against the country's own boundary so that one query can answer for both.
 *
 * <p>A border segment is either also a segment of the territory's boundary (same two vertices: Natural Earth's
 * shared arcs everywhere, OpenStreetMap's land borders) or not (OpenStreetMap's lines through rivers, lakes and the
 * territorial sea). The nearest border point is the nearer of the nearest shared one and the nearest unshared one.
 * When the territory's nearest boundary point lies on a shared segment, it is also the nearest shared border
 * point (no shared segment is nearer than the whole boundary's nearest), and only the unshared segments remain to
 * be searched, within that distance: usually a descent that prunes at the root and no geodesic at all. Otherwise
 * the whole border is searched. Either way the answer is the minimum over every border segment, as
 * {@link #nearest} gives it. Thread-safe; the matching is built on first use.
 */
public final class BorderIndex {
    /** A nearest border point and the source id of its segment (see {@link Dataset#borderOf}). */
    public record Hit(NearestPoint point, int source) {}

    private final SegmentIndex all;
    private final Lazy<Matched> matched;

    private record Matched(int[] sourceOfBoundarySegment, SegmentIndex unshared) {}

    BorderIndex(SegmentIndex all, Territory territory) {
        this.all = all;
        this.matched = new Lazy<>(() -> {
            SegmentIndex.Shared shared = territory.boundary().sharedWith(all);
            return new Matched(shared.sources(), shared.otherOnly());
        });
    }

    /** Every border segment of the country. */
    public SegmentIndex segments() {
        return all;
    }

    /** The nearest border point to (lat, lon), or null if the country has no border. */
    public Hit nearest(double lat, double lon) {
        NearestPoint n = all.nearest(lat, lon);
        return n == null ? null : new Hit(n, all.sourceOf(n.segment()));
    }

    /**
     * The nearest border point to (lat, lon), given {@code boundaryNearest}, the nearest point of the territory's
     * boundary to the same point ({@link Territory#boundary()}); null if the country has no border.
     */
    public Hit nearest(double lat, double lon, NearestPoint boundaryNearest) {
        Matched m = matched.get();
        int source = boundaryNearest == null ? -1 : m.sourceOfBoundarySegment()[boundaryNearest.segment()];
        if (source < 0) {
            return nearest(lat, lon);
        }
        // at a tie (a vertex where a shared land part meets an unshared river, lake or sea part) the unshared part
        // is named, so the answer does not change with the shortcut (Daugavpils: "water" before and after)
        NearestPoint unshared = m.unshared().nearestWithin(lat, lon, Math.nextUp(boundaryNearest.distanceM()));
        return unshared != null ? new Hit(unshared, m.unshared().sourceOf(unshared.segment()))
            : new Hit(boundaryNearest, source);
    }
}
