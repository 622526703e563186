package io.borderline.render;

import java.util.Locale;

/**
 * A scale bar whose length is a round distance (1, 2 or 5 × 10ⁿ metres) measured on the
 * ellipsoid at the map's centre: {@code lengthPx} pixels there span {@code lengthM} metres of
 * geodesic distance, from {@link MapView#metresPerPixelAtCentre()} (GeographicLib between two
 * projected points), not from a nominal scale. Away from the centre the scale of any projection
 * changes, which the bar's caption says.
 *
 * @param lengthM the distance the bar stands for, metres
 * @param lengthPx its length on the image, pixels
 * @param segments how many alternating segments it is drawn with
 */
public record ScaleBar(double lengthM, double lengthPx, int segments) {

    /** The longest round bar not longer than {@code maxPx} pixels. */
    public static ScaleBar fit(double metresPerPixel, double maxPx) {
        double maxM = maxPx * metresPerPixel;
        double pow = Math.pow(10, Math.floor(Math.log10(maxM)));
        double nice = pow;
        for (double f : new double[] {5, 2, 1}) {
            if (f * pow <= maxM) {
                nice = f * pow;
                break;
            }
        }
        double lead = nice / pow;
        int segments = lead == 5 ? 5 : lead == 2 ? 4 : 4;
        return new ScaleBar(nice, nice / metresPerPixel, segments);
    }

    /** A distance in the bar's unit: km from 1 km up, metres below. */
    public String label(double metres) {
        if (lengthM >= 1000) {
            double km = metres / 1000;
            return (km == Math.rint(km) ? String.format(Locale.ROOT, "%d", (long) km)
                : String.format(Locale.ROOT, "%s", trim(km)));
        }
        return String.format(Locale.ROOT, "%d", Math.round(metres));
    }

    /** "km" or "m". */
    public String unit() {
        return lengthM >= 1000 ? "km" : "m";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
