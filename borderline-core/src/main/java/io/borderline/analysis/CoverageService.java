package io.borderline.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.borderline.coverage.Cancellation;
import io.borderline.coverage.Coverage;
import io.borderline.coverage.CoverageCost;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.coverage.GeodesicFan;
import io.borderline.coverage.Source;
import io.borderline.coverage.SourceRegion;
import io.borderline.coverage.Sources;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Site;
import io.borderline.geodesy.LatLon;
import io.borderline.userdata.UserLayers;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Computes coverages and their exposure statistics, with a cache bounded by bytes: identical
 * requests are answered from memory. Thread-safe.
 */
public final class CoverageService {
    /** Upper bound of the coverage cache, bytes (estimated from vertex counts). */
    public static final long CACHE_BYTES = 64L << 20;

    private final BorderlineData data;
    private final GeodesicBuffer buffer;
    private final GeodesicFan fan;
    private final ExposureCalculator exposure;
    private final GeometryFactory factory;
    private final Cache<String, CoverageResult> cache;
    private final ComputeOnce<CoverageResult> computed;
    private final UserLayers layers;
    /**
     * Bound of the prepared territory sources, bytes, estimated at 128 bytes a vertex (segment index and
     * simplified rings): one of Russia whole (1.5 million vertices in osm10m) fits, a count bound did not
     * bound memory (32 of them were gigabytes).
     */
    static final long PREPARED_SOURCE_BYTES = 256L << 20;

    /**
     * Prepared territory sources (simplified rings and their segment index) by dataset, countries
     * and simplification: a request for a new range of the same countries reuses them.
     */
    private final Cache<String, Source> countrySources = Caffeine.newBuilder()
        .maximumWeight(PREPARED_SOURCE_BYTES)
        .weigher((String k, Source v) -> (int) Math.min(Integer.MAX_VALUE, (long) v.geometry().getNumPoints() * 128))
        .build();
    private final ComputeOnce<Source> preparedSources = new ComputeOnce<>(countrySources);

    public CoverageService(BorderlineData data, GeometryFactory factory) {
        this(data, factory, CACHE_BYTES);
    }

    /** @param cacheBytes upper bound of the coverage cache, bytes (estimated from vertex counts) */
    public CoverageService(BorderlineData data, GeometryFactory factory, long cacheBytes) {
        this(data, factory, cacheBytes, UserLayers.NONE);
    }

    /**
     * @param cacheBytes upper bound of the coverage cache, bytes (estimated from vertex counts)
     * @param layers the named user layers that {@code layer} sources name
     */
    public CoverageService(BorderlineData data, GeometryFactory factory, long cacheBytes, UserLayers layers) {
        this(data, factory, cacheBytes, layers, GeodesicBuffer.DEADLINE_SECONDS);
    }

    /**
     * @param cacheBytes upper bound of the coverage cache, bytes (estimated from vertex counts)
     * @param layers the named user layers that {@code layer} sources name
     * @param engineDeadlineSeconds longest one outline computation may run before it is refused (422), seconds
     */
    public CoverageService(BorderlineData data, GeometryFactory factory, long cacheBytes, UserLayers layers,
                           long engineDeadlineSeconds) {
        this.layers = layers;
        this.cache = Caffeine.newBuilder()
            .maximumWeight(cacheBytes)
            .weigher((String k, CoverageResult v) -> (int) Math.min(Integer.MAX_VALUE, v.weightBytes()))
            .recordStats()
            .build();
        this.computed = new ComputeOnce<>(cache);
        this.data = data;
        this.factory = factory;
        this.buffer = new GeodesicBuffer(factory, engineDeadlineSeconds);
        this.fan = new GeodesicFan(factory);
        this.exposure = new ExposureCalculator(data);
    }

    public CoverageResult coverage(CoverageRequest request) {
        return computed.get(request.key(), () -> compute(request, null));
    }

    /**
     * As {@link #coverage(CoverageRequest)} for a source sent with the request (a user geometry): the request's
     * source kind is {@code user} and its id the geometry's SHA-256, so the cache key still names the source.
     */
    public CoverageResult coverage(CoverageRequest request, Source source) {
        return computed.get(request.key(), () -> compute(request, source));
    }

    /** The cache itself, for its hit, miss and eviction statistics (metrics); do not write to it. */
    public Cache<String, CoverageResult> cache() {
        return cache;
    }

    /**
     * The coverage geometry alone, without exposure statistics (map layers need only the outline, and the
     * statistics are most of a cold computation's time). Shares the cache and its byte bound.
     */
    public CoverageResult outline(CoverageRequest request) {
        CoverageResult full = cached(request); // counts a hit only: the outline lookup below counts the miss
        if (full != null) {
            return full;
        }
        return computed.get(request.key() + "|outline", () -> computeOutline(request, null));
    }

    /** The largest power of two metres within a simplification allowance, so that ranges share prepared sources. */
    private static double bucketM(double simplifyM) {
        return Math.pow(2, Math.floor(Math.log(simplifyM) / Math.log(2)));
    }

    /** The cached result, or null if this request has not been computed yet. */
    public CoverageResult cached(CoverageRequest request) {
        // a miss is counted by the coverage() call that follows it, so one request counts once
        return cache.policy().getIfPresentQuietly(request.key()) == null ? null : cache.getIfPresent(request.key());
    }

    /**
     * The estimated work of a request, from its source geometry and range alone (no coverage work done):
     * callers refuse requests whose estimate exceeds their deadline.
     */
    public CoverageCost.Estimate estimate(CoverageRequest req) {
        Dataset ds = data.dataset(req.dataset());
        List<Geometry> geometries = switch (req.sourceKind()) {
            case "country" -> req.sourceIds().stream()
                .map(id -> ds.territory(CountryCode.parse(id).orElseThrow()).land()).toList();
            case "border" -> req.sourceIds().stream().map(id -> ds.border(id).orElseThrow().line()).toList();
            case "site" -> req.sourceIds().stream().map(id -> data.sites().get(id))
                .map(s -> (Geometry) factory.createPoint(new org.locationtech.jts.geom.Coordinate(s.lon(), s.lat())))
                .toList();
            case "point" -> {
                String[] ll = req.sourceIds().get(0).split(",");
                yield List.of(factory.createPoint(new org.locationtech.jts.geom.Coordinate(
                    Double.parseDouble(ll[1]), Double.parseDouble(ll[0]))));
            }
            // a user layer: its geometry, as the source the coverage would use
            default -> List.of(source(ds, req, GeodesicBuffer.toleranceM(req.rangeKm() * 1000) / 10).geometry());
        };
        return CoverageCost.estimate(geometries, req.rangeKm() * 1000);
    }

    /** As {@link #estimate(CoverageRequest)} for a source the caller built (a user's geometry). */
    public CoverageCost.Estimate estimate(CoverageRequest req, Source given) {
        return given == null ? estimate(req) : CoverageCost.estimate(List.of(given.geometry()), req.rangeKm() * 1000);
    }

    private CoverageResult compute(CoverageRequest req, Source given) {
        // an outline already computed (a published layer's, or an earlier map's) is reused: only the statistics remain
        CoverageResult kept = given == null ? cache.policy().getIfPresentQuietly(req.key() + "|outline") : null;
        CoverageResult outline = kept != null ? kept : computeOutline(req, given);
        Dataset ds = data.dataset(req.dataset());
        return new CoverageResult(outline.coverage(), outline.geometry(),
            exposure.compute(ds, outline.coverage(), outline.geometry(),
                req.beyond() ? outline.coverage().source().ownStates() : List.of()));
    }

    private CoverageResult computeOutline(CoverageRequest req, Source given) {
        Dataset ds = data.dataset(req.dataset());
        double rangeM = req.rangeKm() * 1000;
        Source source = given != null ? given : source(ds, req, GeodesicBuffer.toleranceM(rangeM) / 10);
        Coverage coverage = req.sector() == null ? buffer.compute(source, rangeM)
            : fan.compute(source, rangeM, req.sector());
        Geometry served = coverage.geometry();
        if (req.beyond()) {
            served = beyond(served, source.ownTerritories());
        }
        return new CoverageResult(coverage, served, null);
    }

    /**
     * The cover minus the source's own territories, one territory at a time: each is valid on its own, while
     * their collection is not (neighbours share edges, and the data lets claims overlap), and an overlay with
     * an invalid multipolygon fails with a TopologyException even in the robust overlay.
     */
    static Geometry beyond(Geometry cover, List<Geometry> own) {
        Geometry result = cover;
        for (Geometry territory : own) {
            Cancellation.check();
            if (result.getEnvelopeInternal().intersects(territory.getEnvelopeInternal())) {
                result = OverlayNGRobust.overlay(result, territory, OverlayNG.DIFFERENCE);
            }
        }
        return result;
    }

    private Source source(Dataset ds, CoverageRequest req, double simplifyM) {
        switch (req.sourceKind()) {
            case "country" -> {
                double bucketM = bucketM(simplifyM);
                List<CountryCode> codes = req.sourceIds().stream().map(id -> CountryCode.parse(id).orElseThrow()).toList();
                return preparedSources.get(ds.id() + "|" + codes + "|" + bucketM,
                    () -> Sources.countries(ds, codes, bucketM));
            }
            case "border" -> {
                return Sources.borders(req.sourceIds().stream().map(id -> ds.border(id).orElseThrow()).toList(),
                    req.borderLine());
            }
            case "site" -> {
                List<Site> sites = req.sourceIds().stream().map(id -> data.sites().get(id)).toList();
                List<LatLon> points = sites.stream().map(s -> new LatLon(s.lat(), s.lon())).toList();
                List<CountryCode> own = ownStates(ds, points);
                return Sources.points("site", req.sourceIds(), points, factory, codes(own), lands(ds, own));
            }
            case "point" -> {
                String[] ll = req.sourceIds().get(0).split(",");
                LatLon p = new LatLon(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
                List<CountryCode> own = ownStates(ds, List.of(p));
                return Sources.points("point", req.sourceIds(), List.of(p), factory, codes(own), lands(ds, own));
            }
            case "layer" -> {
                return layers.get(req.sourceIds().get(0)).orElseThrow().target().source("layer", req.sourceIds().get(0));
            }
            case "region" -> {
                // the part of a country inside a window (RUS-EU); prepared once per simplification, as countries are
                double bucketM = bucketM(simplifyM);
                SourceRegion region = SourceRegion.parse(req.sourceIds().get(0)).orElseThrow();
                return preparedSources.get(ds.id() + "|" + region.id() + "|" + bucketM,
                    () -> Sources.countryWithin(ds, region, bucketM));
            }
            default -> throw new IllegalArgumentException("unknown source kind " + req.sourceKind());
        }
    }

    /** The states the points stand on (their own territory, for mode=beyond). */
    private static List<CountryCode> ownStates(Dataset ds, List<LatLon> points) {
        List<CountryCode> own = new ArrayList<>();
        for (LatLon p : points) {
            for (CountryCode c : ds.statesContaining(p.lat(), p.lon())) {
                if (!own.contains(c)) {
                    own.add(c);
                }
            }
        }
        return own;
    }

    private static List<String> codes(List<CountryCode> codes) {
        return codes.stream().map(CountryCode::code).toList();
    }

    private static List<Geometry> lands(Dataset ds, List<CountryCode> codes) {
        return codes.stream().map(c -> ds.territory(c).land()).toList();
    }
}
