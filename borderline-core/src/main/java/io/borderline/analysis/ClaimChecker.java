package io.borderline.analysis;

import io.borderline.data.BorderlineData;
import io.borderline.data.Claim;
import io.borderline.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a claimed distance against every dataset and both definitions of "the border". The
 * verdict compares the claimed number with the measured one: within the tolerance it is
 * {@code accurate}; a claimed number larger than the measurement is {@code overstated}, a
 * smaller one {@code understated}. Thread-safe.
 */
public final class ClaimChecker {
    /** Relative part of the tolerance. */
    public static final double RELATIVE_TOLERANCE = 0.10;
    /** Absolute floor of the tolerance, km: below it, the city-centre point itself is the uncertainty. */
    public static final double MIN_TOLERANCE_KM = 0.5;
    public static final String TOLERANCE_RULE =
        "max(0.5 km, 10 % of the claimed distance): public statements round to the nearest 5 or 10 km, and a city"
            + " centre point stands for a place several kilometres across";

    private final BorderlineData data;
    private final DistanceService distances;

    public ClaimChecker(BorderlineData data, DistanceService distances) {
        this.data = data;
        this.distances = distances;
    }

    public ClaimCheck check(Claim claim) {
        double tolerance = Math.max(MIN_TOLERANCE_KM, RELATIVE_TOLERANCE * claim.claimedKm());
        List<ClaimCheck.Measurement> out = new ArrayList<>();
        ClaimCheck.Reach reach = null;
        for (Dataset ds : data.datasets().values()) {
            CountryDistance d = distances.toCountry(ds, claim.site().lat(), claim.site().lon(), claim.target());
            if (d.border() != null) {
                out.add(measure(ds.id(), "political_boundary", d.border().distanceM(), claim.claimedKm(), tolerance,
                    d.border().nearestPoint().lat(), d.border().nearestPoint().lon(), d.border().bearingDeg(),
                    d.inside()));
            }
            double lat = d.inside() ? claim.site().lat() : d.nearestPoint().lat();
            double lon = d.inside() ? claim.site().lon() : d.nearestPoint().lon();
            out.add(measure(ds.id(), "nearest_territory", d.distanceM(), claim.claimedKm(), tolerance, lat, lon,
                d.bearingDeg(), d.inside()));
            if (ds.id().equals(BorderlineData.DEFAULT_DATASET)) {
                double km = d.distanceM() / 1000;
                reach = new ClaimCheck.Reach(Math.round(km * 1000) / 1000.0, data.drones().values().stream()
                    .filter(x -> x.rangeKm() >= km).map(x -> x.id()).toList());
            }
        }
        return new ClaimCheck(claim.id(), claim.site().id(), "GeoNames point of the place (city centre); the data"
            + " has no city extents, so the distance from the edge of the built-up area is not measured",
            claim.target().code(), claim.claimedKm(), tolerance, TOLERANCE_RULE, out, reach);
    }

    static ClaimCheck.Measurement measure(String dataset, String definition, double measuredM, double claimedKm,
                                          double toleranceKm, double lat, double lon, Double bearing,
                                          boolean inside) {
        double measuredKm = measuredM / 1000;
        double diff = claimedKm - measuredKm;
        String verdict = Math.abs(diff) <= toleranceKm ? "accurate" : (diff > 0 ? "overstated" : "understated");
        Double pct = measuredKm == 0 ? null : round(100 * diff / measuredKm, 1);
        return new ClaimCheck.Measurement(dataset, definition, round(measuredKm, 3), round(diff, 3), pct,
            verdict, lat, lon, bearing, inside);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Double.isNaN(v) ? v : Math.round(v * f) / f;
    }
}
