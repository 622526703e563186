package io.borderline.geodesy;

import net.sf.geographiclib.Geodesic;

/**
 * The WGS84 ellipsoid: the one {@link Geodesic} every computation uses, and the
 * Earth-centred Earth-fixed (ECEF) Cartesian coordinates the spatial indexes prune with.
 *
 * <p>The straight-line (chord) distance between two ECEF points never exceeds the geodesic
 * distance between them on the ellipsoid, which is what makes ECEF boxes a valid lower bound
 * for geodesic branch-and-bound searches. Thread-safe: stateless.
 */
public final class Wgs84 {
    public static final Geodesic GEODESIC = Geodesic.WGS84;
    /** Semi-major axis in metres. */
    public static final double A_M = 6378137.0;
    /** Flattening. */
    public static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private Wgs84() {}

    /** Writes the ECEF coordinates (metres) of a surface point into {@code out[offset..offset+2]}. */
    public static void toEcef(double latDeg, double lonDeg, double[] out, int offset) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double n = A_M / Math.sqrt(1 - E2 * sinLat * sinLat);
        out[offset] = n * cosLat * Math.cos(lon);
        out[offset + 1] = n * cosLat * Math.sin(lon);
        out[offset + 2] = n * (1 - E2) * sinLat;
    }

    /**
     * Radius of the sphere that the ellipsoid is nowhere flatter than: a²/b, its radius of
     * curvature at the poles (the largest anywhere, in any direction), plus 10 ppm of margin.
     */
    static final double FLATTEST_RADIUS_M = A_M / (1 - F) * (1 + 1e-5);

    /**
     * The longest straight-line (chord) distance, in metres, that two points of the ellipsoid
     * at geodesic distance {@code geodesicM} can have: {@code 2ρ sin(s / 2ρ)}, the chord of an arc
     * of length s on the sphere of radius ρ = {@link #FLATTEST_RADIUS_M}. A geodesic bends
     * towards the ellipsoid at every point at least as much as a great circle of that sphere
     * does (its curvature is the surface's normal curvature, never below 1/ρ) and barely twists
     * (its torsion is at most f/b), so its chord is no longer than that arc's;
     * {@code MaxChordTest} checks this against GeographicLib for a million pairs all over the
     * ellipsoid, the poles included. Conversely, points whose chord is at least {@code maxChordM(s)} are at least s
     * apart along the surface, a much tighter bound than the chord itself (which falls 128 m
     * short of the geodesic at 500 km). Infinite where the bound gives nothing (s ≥ πρ).
     */
    public static double maxChordM(double geodesicM) {
        if (!(geodesicM < Math.PI * FLATTEST_RADIUS_M)) {
            return Double.POSITIVE_INFINITY;
        }
        return 2 * FLATTEST_RADIUS_M * Math.sin(geodesicM / (2 * FLATTEST_RADIUS_M));
    }

    /**
     * Radius of the sphere that the ellipsoid is nowhere more curved than: a(1 − e²), its meridional radius
     * of curvature at the equator (the smallest anywhere, in any direction), less 10 ppm of margin.
     */
    static final double MOST_CURVED_RADIUS_M = A_M * (1 - E2) * (1 - 1e-5);

    /**
     * The longest geodesic distance, in metres, that two points of the ellipsoid whose straight-line
     * (chord) distance is {@code chordM} can have: {@code 2r asin(c / 2r)}, the arc over a chord c on the
     * sphere of radius r = {@link #MOST_CURVED_RADIUS_M}. A geodesic's curvature in space is the surface's
     * normal curvature along it (its geodesic curvature is zero), never above 1/r, and by Schur's comparison
     * theorem a curve that bends no more than a circular arc of the same length has a chord at least as long
     * as the arc's. The bound is tight where it matters: it exceeds the geodesic by about
     * c³/24 · (1/r² − 1/R²) with R the local radius in the direction of the line, under 3 cm at 100 km,
     * about 3 m at 500 km; {@code MaxChordTest} checks it against GeographicLib for a million pairs. Infinite
     * where it gives nothing (c ≥ 2r).
     */
    public static double maxGeodesicM(double chordM) {
        double x = chordM / (2 * MOST_CURVED_RADIUS_M);
        return x < 1 ? 2 * MOST_CURVED_RADIUS_M * Math.asin(x) : Double.POSITIVE_INFINITY;
    }

    /** Chords up to this length use the cubic form of {@link #chordBeyondM}, metres. */
    private static final double CUBIC_CHORD_LIMIT_M = 4_000_000;
    /**
     * Coefficient of the cubic form: (maxChordM(maxGeodesicM(c)) / c − 1) / c² grows with c from
     * (1/r² − 1/ρ²) / 24 = 2.075e-17 m⁻² and reaches 2.163e-17 m⁻² at 4,000 km; rounded up.
     */
    private static final double CUBIC_CHORD_K = 2.17e-17;

    /**
     * A chord length, in metres, that no point of the ellipsoid nearer along the surface than a point at
     * straight-line distance {@code chordM} can reach: at least {@code maxChordM(maxGeodesicM(chordM))}, so
     * anything at least that far in a straight line is no nearer along the surface. Computed as
     * c + 2.17·10⁻¹⁷ c³ (+1 µm for rounding) up to 4,000 km, where it exceeds the composition by at most 5 %
     * of their common excess over c (21 m at 1,000 km), without the composition's asin and sin;
     * {@code MaxChordTest} checks that it never falls below it.
     */
    public static double chordBeyondM(double chordM) {
        if (chordM <= CUBIC_CHORD_LIMIT_M) {
            return chordM + CUBIC_CHORD_K * chordM * chordM * chordM + 1e-6;
        }
        return maxChordM(maxGeodesicM(chordM));
    }

    /**
     * Upper bound, in metres, for how far a geodesic of length {@code lengthM} departs from
     * its chord: the sagitta {@code L^2 / (8 r)} of an arc with the smallest radius of
     * curvature on the ellipsoid, doubled for safety and padded by 1 mm for rounding.
     */
    public static double sagittaBoundM(double lengthM) {
        double minRadius = A_M * (1 - E2); // meridional radius at the equator: the smallest
        return 2 * lengthM * lengthM / (8 * minRadius) + 1e-3;
    }
}
