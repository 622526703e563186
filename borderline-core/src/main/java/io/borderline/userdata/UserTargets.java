package io.borderline.userdata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Indexes user targets sent in requests, at most once per geometry: targets are cached by their
 * {@link UserTarget#hash} in a cache bounded by bytes (estimated from segment and vertex counts),
 * so a client that sends the same line a thousand times pays for the index once and for parsing
 * every time. Only the parsed and indexed geometry is held, in memory; nothing is written to disk.
 * Thread-safe.
 */
public final class UserTargets {
    /** Default upper bound of the cache, bytes. */
    public static final long CACHE_BYTES = 64L << 20;

    private final Cache<String, UserTarget> cache;
    private final UserLimits limits;
    private final GeometryFactory factory;

    public UserTargets(GeometryFactory factory) {
        this(factory, UserLimits.REQUEST, CACHE_BYTES);
    }

    public UserTargets(GeometryFactory factory, UserLimits limits, long cacheBytes) {
        this.factory = factory;
        this.limits = limits;
        this.cache = Caffeine.newBuilder()
            .maximumWeight(cacheBytes)
            .weigher((String k, UserTarget v) -> (int) Math.min(Integer.MAX_VALUE, v.weightBytes()))
            .recordStats()
            .build();
    }

    /** The indexed target for {@code features}, from the cache when the same geometry was indexed before. */
    public UserTarget index(List<UserFeature> features) {
        String hash = UserTarget.hash(features);
        return cache.get(hash, k -> UserTarget.build(features, k, limits, factory));
    }

    public UserLimits limits() {
        return limits;
    }

    public GeometryFactory factory() {
        return factory;
    }

    /** The cache itself, for its statistics (metrics, tests); do not write to it. */
    public Cache<String, UserTarget> cache() {
        return cache;
    }
}
