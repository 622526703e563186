package io.borderline.render;

import io.borderline.analysis.DistanceService;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import java.util.ArrayList;
import java.util.List;

/**
 * Points of Lithuania at a known geodesic distance from Belarus's territory, measured with
 * {@link DistanceService} (independent of any coverage polygon or drawing): a 0.1° grid over
 * Lithuania.
 */
public final class CoverageTestPoints {
    private CoverageTestPoints() {}

    /** {lat, lon} of grid points in Lithuania whose distance to Belarus lies in [minKm, maxKm]. */
    public static List<double[]> inLithuania(Dataset ds, double minKm, double maxKm) {
        DistanceService d = new DistanceService();
        List<double[]> out = new ArrayList<>();
        for (double lat = 53.95; lat <= 56.4; lat += 0.1) {
            for (double lon = 21.05; lon <= 26.8; lon += 0.1) {
                if (!ds.inside(CountryCode.LTU, lat, lon) || ds.inside(CountryCode.BLR, lat, lon)) {
                    continue;
                }
                double km = d.toCountry(ds, lat, lon, CountryCode.BLR).distanceM() / 1000;
                if (km >= minKm && km <= maxKm) {
                    out.add(new double[] {lat, lon});
                }
            }
        }
        return out;
    }

    /**
     * {lat, lon} of points on a 0.05° grid over Lithuania whose geodesic distance to Belarus's land lies in
     * [minKm, maxKm], that distance computed by {@link BruteForce} (GeographicLib along every segment, no code
     * shared with the engine); the engine's distance only preselects the candidates within 5 km of the band.
     */
    public static List<double[]> inLithuaniaByBruteForce(Dataset ds, double minKm, double maxKm) {
        DistanceService d = new DistanceService();
        BruteForce reference = new BruteForce(ds.territory(CountryCode.BLR).land());
        List<double[]> out = new ArrayList<>();
        for (double lat = 53.9; lat <= 56.45; lat += 0.05) {
            for (double lon = 21.0; lon <= 26.85; lon += 0.05) {
                if (!ds.inside(CountryCode.LTU, lat, lon) || ds.inside(CountryCode.BLR, lat, lon)) {
                    continue;
                }
                double approxKm = d.toCountry(ds, lat, lon, CountryCode.BLR).distanceM() / 1000;
                if (approxKm < minKm - 5 || approxKm > maxKm + 5) {
                    continue;
                }
                double km = reference.distance(lat, lon) / 1000;
                if (km >= minKm && km <= maxKm) {
                    out.add(new double[] {lat, lon});
                }
            }
        }
        return out;
    }

    /** True if the colour is dominated by the coverage rings' red over the neutral land. */
    public static boolean reddish(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r - b > 40 && r - g > 25;
    }
}
