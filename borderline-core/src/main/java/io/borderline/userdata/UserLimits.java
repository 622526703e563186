package io.borderline.userdata;

/**
 * Documented limits on user geometries, for requests and for layer files alike. Every limit is
 * enforced while reading, before any index is built, and a breach names the limit.
 *
 * @param maxVertices most positions (vertices) in one target, over all its features
 * @param maxFeatures most features in one target
 * @param maxSegments most geodesic segments after densification to {@link UserTarget#MAX_EDGE_M}: bounds the
 *     index's memory (about 120 bytes per segment) whatever the edge lengths
 */
public record UserLimits(int maxVertices, int maxFeatures, int maxSegments) {
    /** Limits for geometries sent in requests. */
    public static final UserLimits REQUEST = new UserLimits(100_000, 10_000, 500_000);
    /** Limits for layer files read at start-up (read once, from a folder the operator chose). */
    public static final UserLimits LAYER = new UserLimits(2_000_000, 200_000, 5_000_000);
}
