package io.borderline.analysis;

import io.borderline.data.BorderLine;
import io.borderline.data.BorderlineData;
import io.borderline.data.Claim;
import io.borderline.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a claimed distance against every dataset and both definitions of "the border". The
 * verdict compares the claimed number with the measured one: within the <em>verdict tolerance</em>
 * ({@code max(0.5 km, 10 % of the claim)}) it is {@code accurate}; a claimed number larger than the
 * measurement is {@code overstated}, a smaller one {@code understated}.
 *
 * <p>The verdict tolerance is not the measurement accuracy: each measured distance is within
 * {@link #MEASUREMENT_ACCURACY_M} (1 m) of an exact minimisation over the dataset's boundary segments
 * (proved by the brute-force test); the data's own resolution and the point standing for the place
 * are the larger uncertainties. The cited claims and anyone's claim go through the same
 * {@link #check(ClaimQuery)}; nothing is stored. Thread-safe.
 */
public final class ClaimChecker {
    /** Relative part of the verdict tolerance. */
    public static final double RELATIVE_TOLERANCE = 0.10;
    /** Absolute floor of the verdict tolerance, km: below it, the city-centre point itself is the uncertainty. */
    public static final double MIN_TOLERANCE_KM = 0.5;
    /** Largest claimed distance accepted, km: no two points on WGS84 are more than 20,004 km apart. */
    public static final double MAX_CLAIMED_KM = 20_000;
    public static final String TOLERANCE_RULE = "verdict tolerance max(0.5 km, 10 % of the claimed distance): a"
        + " claim within it of the measured distance is 'accurate'. It is how far a claim may round, not how"
        + " accurate the measurement is: public statements round to the nearest 5 or 10 km, and a city centre"
        + " point stands for a place several kilometres across";
    /** Accuracy of each measured distance against the dataset, metres (the brute-force bound). */
    public static final double MEASUREMENT_ACCURACY_M = DistanceService.ACCURACY_M;
    public static final String MEASUREMENT_ACCURACY = "each measured distance is within 1 m of an exact geodesic"
        + " minimisation over every boundary segment of the dataset; the data's own resolution (OSM 10 m,"
        + " Natural Earth a few hundred metres) and the point that stands for the place are larger uncertainties";

    private final BorderlineData data;
    private final DistanceService distances;

    public ClaimChecker(BorderlineData data, DistanceService distances) {
        this.data = data;
        this.distances = distances;
    }

    /** Checks a cited claim against the political line. */
    public ClaimCheck check(Claim claim) {
        return check(ClaimQuery.of(claim), BorderLine.DEFAULT);
    }

    /** Checks a cited claim against the given line. */
    public ClaimCheck check(Claim claim, BorderLine line) {
        return check(ClaimQuery.of(claim), line);
    }

    /** Checks any claim against the political line. */
    public ClaimCheck check(ClaimQuery claim) {
        return check(claim, BorderLine.DEFAULT);
    }

    /**
     * Checks any claim: every dataset that draws the target country, both definitions of "the border" (the
     * boundary line chosen by {@code line}, and the nearest territory), the verdict tolerance.
     */
    public ClaimCheck check(ClaimQuery claim, BorderLine line) {
        double tolerance = Math.max(MIN_TOLERANCE_KM, RELATIVE_TOLERANCE * claim.claimedKm());
        List<ClaimCheck.Measurement> out = new ArrayList<>();
        ClaimCheck.Reach reach = null;
        for (Dataset ds : data.datasets().values()) {
            if (!ds.has(claim.target())) {
                continue; // a code only the other dataset draws (Natural Earth's CYN, KAS, ...)
            }
            CountryDistance d = distances.toCountry(ds, claim.lat(), claim.lon(), claim.target(), line);
            if (d.border() != null) {
                out.add(measure(ds.id(), line == BorderLine.LAND ? "land_boundary" : "political_boundary", d.border().distanceM(), claim.claimedKm(), tolerance,
                    d.border().nearestPoint().lat(), d.border().nearestPoint().lon(), d.border().bearingDeg(),
                    d.inside()));
            }
            double lat = d.inside() ? claim.lat() : d.nearestPoint().lat();
            double lon = d.inside() ? claim.lon() : d.nearestPoint().lon();
            out.add(measure(ds.id(), "nearest_territory", d.distanceM(), claim.claimedKm(), tolerance, lat, lon,
                d.bearingDeg(), d.inside()));
            if (reach == null || ds.id().equals(BorderlineData.DEFAULT_DATASET)) {
                double km = d.distanceM() / 1000;
                reach = new ClaimCheck.Reach(Math.round(km * 1000) / 1000.0, data.drones().values().stream()
                    .filter(x -> x.rangeKm() >= km).map(x -> x.id()).toList());
            }
        }
        return new ClaimCheck(claim.claimId(), claim.place(), claim.placeDefinition(), claim.target().code(),
            claim.claimedKm(), round(tolerance, 3), TOLERANCE_RULE, MEASUREMENT_ACCURACY_M, MEASUREMENT_ACCURACY, line.id(), out,
            reach);
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
