package io.borderline.analysis;

import io.borderline.coverage.Cancellation;
import io.borderline.coverage.Coverage;
import io.borderline.coverage.Parallel;
import io.borderline.coverage.SourceDistance;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Place;
import io.borderline.data.Site;
import io.borderline.data.Territory;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.geodesy.IntersectionArea;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.FastSegmentSetIntersectionFinder;
import org.locationtech.jts.noding.SegmentStringUtil;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Exposure statistics of a coverage: per-country area in range (ellipsoidal, GeographicLib's edge area terms
 * summed over the boundary of each territory polygon's intersection with the coverage, see
 * {@link IntersectionArea}), named sites and GeoNames places inside it. Thread-safe.
 */
public final class ExposureCalculator {
    public static final String POPULATION_NOTE = "Sum of GeoNames populations of populated places with at least"
        + " 1,000 inhabitants whose point lies in range; not a census total (rural and small-settlement population"
        + " is missing, and a city counts fully or not at all).";

    private final BorderlineData data;

    public ExposureCalculator(BorderlineData data) {
        this.data = data;
    }

    /**
     * @param coverage the coverage (for its source)
     * @param cover the area to count: the coverage, or its part beyond the source's territory
     * @param excluded states whose territory was removed from the cover (mode=beyond): their area in range is 0
     *     by construction, so it is not computed (an overlay along the shared outline costs most and adds nothing)
     */
    public CoverageStats compute(Dataset ds, Coverage coverage, Geometry cover, List<String> excluded) {
        Envelope env = cover.getEnvelopeInternal();
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(cover);
        FastSegmentSetIntersectionFinder coverEdges =
            new FastSegmentSetIntersectionFinder(SegmentStringUtil.extractSegmentStrings(cover));
        IntersectionArea.Cover prepared = IntersectionArea.prepare(cover, locator);
        // the cover's parts, each by its own box: a cover around a territory spread over the globe (France and its
        // overseas departments) has a box spanning the globe, which would index every territory of the world
        List<Envelope> parts = new ArrayList<>();
        for (int i = 0; i < cover.getNumGeometries(); i++) {
            parts.add(cover.getGeometryN(i).getEnvelopeInternal());
        }
        // the territory polygons the source is made of lie at distance 0 from it: wholly in range by definition
        // (intersecting Russia's mainland, 1.3 million vertices along the antimeridian, with its own cover took
        // seconds in the overlay fallback)
        Set<Geometry> sourceParts = Collections.newSetFromMap(new IdentityHashMap<>());
        Geometry sourceGeometry = coverage.source().geometry();
        for (int i = 0; i < sourceGeometry.getNumGeometries(); i++) {
            sourceParts.add(sourceGeometry.getGeometryN(i));
        }
        // every country the coverage reaches, and the source's own states (0 in range by construction), measured on
        // all cores (Parallel): each country's area is independent of the others'
        List<CountryCode> candidates = ds.countries().stream()
            .filter(c -> excluded.contains(c.code()) || env.intersects(ds.territory(c).envelope())).toList();
        List<CoverageStats.CountryExposure> countries = new ArrayList<>();
        for (CoverageStats.CountryExposure e : Parallel.map(candidates, c -> {
            Territory t = ds.territory(c);
            boolean isExcluded = excluded.contains(c.code());
            double inRange = 0;
            if (!isExcluded && parts.stream().anyMatch(t::mayIntersect)) {
                boolean sharedEdges = !excluded.isEmpty();
                inRange = (!sharedEdges && isSource(t.land(), sourceParts) ? t.areaKm2() * 1e6
                    : areaWithinM2(t, cover, env, parts, prepared, coverEdges, sharedEdges)) / 1e6;
            }
            return inRange > 0 || isExcluded ? new CoverageStats.CountryExposure(c.code(), c.nameEn(), round(inRange, 1),
                round(t.areaKm2(), 1), round(100 * inRange / t.areaKm2(), 2)) : null;
        })) {
            if (e != null) {
                countries.add(e);
            }
        }
        countries.sort((a, b) -> Double.compare(b.areaInRangeKm2(), a.areaInRangeKm2()));
        SourceDistance dist = coverage.source().distance();
        List<CoverageStats.SiteInRange> sites = new ArrayList<>();
        for (Site s : data.sites().values()) {
            if (locator.locate(new Coordinate(s.lon(), s.lat())) != Location.EXTERIOR) {
                sites.add(new CoverageStats.SiteInRange(s.id(), s.nameEn(), s.country().code(), s.kind(),
                    round(dist.nearest(s.lat(), s.lon()).distanceM() / 1000, 3)));
            }
        }
        sites.sort((a, b) -> Double.compare(a.distanceKm(), b.distanceKm()));
        // the source's own territory: places there count "including the source" only
        List<String> own = coverage.source().ownStates();
        List<java.util.function.Predicate<Coordinate>> ownLocators = new ArrayList<>();
        List<Envelope> ownEnvelopes = new ArrayList<>();
        List<Geometry> ownTerritories = coverage.source().ownTerritories();
        for (int i = 0; i < ownTerritories.size(); i++) {
            Geometry t = ownTerritories.get(i);
            Territory known = i < own.size() ? CountryCode.parse(own.get(i)).filter(ds::has).map(ds::territory)
                .filter(k -> k.loaded() && k.land() == t).orElse(null) : null;
            if (known != null) {
                // the dataset's own test (cell raster, then its cached locator): a new locator over Russia's 1.5 million
                // edges took hundreds of megabytes per answer, and ran a 2 GB heap out of memory after a few
                ownLocators.add(at -> known.onLand(at.y, at.x));
            } else {
                IndexedPointInAreaLocator ownLocator = new IndexedPointInAreaLocator(t);
                ownLocators.add(at -> ownLocator.locate(at) != Location.EXTERIOR);
            }
            ownEnvelopes.add(t.getEnvelopeInternal());
        }
        int count = 0;
        long population = 0;
        int countBeyond = 0;
        long populationBeyond = 0;
        Map<String, Long> byCountry = new TreeMap<>();
        int seen = 0;
        for (Place p : data.places()) {
            if ((++seen & 4095) == 0) {
                Cancellation.check();
            }
            Coordinate at = new Coordinate(p.lon(), p.lat());
            if (env.contains(p.lon(), p.lat()) && locator.locate(at) != Location.EXTERIOR) {
                count++;
                population += p.population();
                byCountry.merge(p.countryIso2(), p.population(), Long::sum);
                if (!inside(at, ownLocators, ownEnvelopes)) {
                    countBeyond++;
                    populationBeyond += p.population();
                }
            }
        }
        double land = 0;
        double landBeyond = 0;
        for (CoverageStats.CountryExposure c : countries) {
            CountryCode code = CountryCode.parse(c.code()).orElseThrow();
            if (code.isState()) {
                land += c.areaInRangeKm2();
                landBeyond += own.contains(c.code()) ? 0 : c.areaInRangeKm2();
            } else if (own.contains(c.code()) && !own.contains(code.iso3())) {
                landBeyond -= c.areaInRangeKm2(); // a part as the source (RUS-KGD): counted inside its state
            }
        }
        return new CoverageStats(countries, sites, new CoverageStats.PlacesInRange(count, population, POPULATION_NOTE,
            byCountry), round(EllipsoidalMeasure.areaM2(cover) / 1e6, 1), List.copyOf(own),
            new CoverageStats.InRange(round(landBeyond, 1), countBeyond, populationBeyond),
            new CoverageStats.InRange(round(land, 1), count, population));
    }

    private static boolean inside(Coordinate at, List<java.util.function.Predicate<Coordinate>> locators,
                                  List<Envelope> envelopes) {
        for (int i = 0; i < locators.size(); i++) {
            if (envelopes.get(i).contains(at) && locators.get(i).test(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if every polygon of {@code land} is a polygon of the source (the same object). A country source holds
     * all of its territories' polygons, so a territory is the source wholly or not at all.
     */
    private static boolean isSource(Geometry land, Set<Geometry> sourceParts) {
        for (int i = 0; i < land.getNumGeometries(); i++) {
            if (!sourceParts.contains(land.getGeometryN(i))) {
                return false;
            }
        }
        return land.getNumGeometries() > 0;
    }

    /**
     * Ellipsoidal area of the territory within the cover, m², polygon by polygon: a polygon the
     * cover wholly contains (the source's own territory, islands and exclaves well inside the
     * range) counts with its whole area, one outside the box of every part of the cover not at all, and the
     * others by {@link IntersectionArea} (Green's theorem over the two boundaries, without building
     * the intersection), or by a JTS overlay where that method reports a degenerate configuration
     * (a shared vertex or edge, as in mode=beyond). "Wholly contains" is decided by
     * the polygon's edges meeting none of the cover's edges (a monotone-chain index, O((n + m) log))
     * and one of its vertices lying inside: a polygon that merely touches the cover's outline goes
     * to the intersection. JTS's {@code PreparedGeometry.covers} falls back to a full relate on such
     * touching inputs, which took minutes on Russia's 400,000 vertices.
     */
    private static double areaWithinM2(Territory t, Geometry cover, Envelope env, List<Envelope> coverParts,
                                       IntersectionArea.Cover prepared, FastSegmentSetIntersectionFinder coverEdges,
                                       boolean sharedEdges) {
        double sum = 0;
        int coverPoints = cover.getNumPoints();
        Geometry land = t.land();
        for (int i = 0; i < land.getNumGeometries(); i++) {
            Cancellation.check();
            Polygon part = (Polygon) land.getGeometryN(i);
            Envelope partEnv = part.getEnvelopeInternal();
            if (!env.intersects(partEnv) || coverParts.stream().noneMatch(partEnv::intersects)) {
                continue;
            }
            // small parts: the cover's edge index answers "contained" fastest; large ones are indexed once
            // (the box test first: getNumPoints walks every ring, tens of thousands of lakes on Russia's mainland)
            if (env.contains(partEnv) && (sharedEdges || part.getNumPoints() < coverPoints) && !coverEdges.intersects(SegmentStringUtil.extractSegmentStrings(part))
                && prepared.locate(part.getCoordinate()) == Location.INTERIOR) {
                sum += IntersectionArea.areaM2(part);
            } else {
                // mode=beyond: the cover was cut along the source's borders, which its neighbours share, so the
                // boundary sum would find them degenerate after a full crossing search: overlay directly
                OptionalDouble within = sharedEdges ? OptionalDouble.empty()
                    : IntersectionArea.areaWithinM2(part, prepared);
                sum += within.isPresent() ? within.getAsDouble()
                    : EllipsoidalMeasure.areaM2(OverlayNGRobust.overlay(part, cover, OverlayNG.INTERSECTION));
            }
        }
        return sum;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
