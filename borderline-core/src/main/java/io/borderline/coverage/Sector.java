package io.borderline.coverage;

/**
 * The part of a range ring a range fan keeps: the azimuths from {@code azimuthFromDeg} clockwise to
 * {@code azimuthToDeg} (degrees clockwise from true north, so 350 to 10 is a 20° sector across north), and the
 * distances from {@code minRangeM} outwards (0: up to the apex; more: an annular sector or, for a full circle, a
 * donut). A full circle is 0 to 360.
 *
 * @param azimuthFromDeg first azimuth of the sector, degrees clockwise from true north (0 to 360)
 * @param azimuthToDeg last azimuth, reached clockwise from the first (0 to 360; equal to the first is refused)
 * @param minRangeM minimum range, metres (0 for none)
 */
public record Sector(double azimuthFromDeg, double azimuthToDeg, double minRangeM) {
    public Sector {
        for (double a : new double[] {azimuthFromDeg, azimuthToDeg}) {
            if (!(a >= 0 && a <= 360)) {
                throw new IllegalArgumentException("azimuth " + a + " outside 0 to 360 degrees");
            }
        }
        if (!(minRangeM >= 0) || Double.isInfinite(minRangeM)) {
            throw new IllegalArgumentException("minimum range " + minRangeM + " m is not >= 0");
        }
        if (widthDeg(azimuthFromDeg, azimuthToDeg) == 0) {
            throw new IllegalArgumentException("empty sector: azimuth_from equals azimuth_to");
        }
    }

    /** A full circle with a minimum range (a donut). */
    public static Sector donut(double minRangeM) {
        return new Sector(0, 360, minRangeM);
    }

    /** Width of the sector, degrees (0 exclusive to 360 inclusive). */
    public double widthDeg() {
        return widthDeg(azimuthFromDeg, azimuthToDeg);
    }

    public boolean fullCircle() {
        return widthDeg() == 360;
    }

    /** True when the azimuth (any value, taken modulo 360) lies in the sector, edges included. */
    public boolean contains(double azimuthDeg) {
        if (fullCircle()) {
            return true;
        }
        double off = ((azimuthDeg - azimuthFromDeg) % 360 + 360) % 360;
        return off <= widthDeg() + 1e-9;
    }

    /** Stable text for cache keys. */
    public String key() {
        return azimuthFromDeg + ">" + azimuthToDeg + ">" + minRangeM;
    }

    private static double widthDeg(double from, double to) {
        if (from == 0 && to == 360 || from == 360 && to == 0) {
            return 360;
        }
        return ((to - from) % 360 + 360) % 360;
    }
}
