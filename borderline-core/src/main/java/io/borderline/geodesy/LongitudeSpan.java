package io.borderline.geodesy;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The shortest arc of longitude that holds every part of a geometry, on the circle rather than on
 * the line. A geometry split at the antimeridian (RFC 7946 §3.1.9: Russia's Chukotka, Fiji) has a
 * planar envelope of -180 to 180 and an envelope centre near the Greenwich meridian, half a world
 * from where it lies; its span here is the arc that leaves out the largest gap between its parts
 * (Russia: 19.6°E eastwards to 169°W, centre 105°E).
 *
 * @param west the arc's western end, degrees in [-180, 180)
 * @param widthDeg its width eastwards from {@code west}, degrees in [0, 360]
 */
public record LongitudeSpan(double west, double widthDeg) {

    /** The shortest arc holding every part (each part's own envelope taken as an interval). */
    public static LongitudeSpan of(Geometry g) {
        List<double[]> intervals = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Envelope e = g.getGeometryN(i).getEnvelopeInternal();
            if (!e.isNull()) {
                intervals.add(new double[] {e.getMinX(), e.getMaxX()});
            }
        }
        if (intervals.isEmpty()) {
            return new LongitudeSpan(-180, 360);
        }
        intervals.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] iv : intervals) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && iv[0] <= last[1]) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(new double[] {iv[0], iv[1]});
            }
        }
        // the largest gap, the one across ±180 included, is what the span leaves out
        double[] first = merged.get(0);
        double[] last = merged.get(merged.size() - 1);
        double bestGap = first[0] + 360 - last[1];
        double west = first[0];
        for (int k = 1; k < merged.size(); k++) {
            double gap = merged.get(k)[0] - merged.get(k - 1)[1];
            if (gap > bestGap) {
                bestGap = gap;
                west = merged.get(k)[0];
            }
        }
        return new LongitudeSpan(normalize(west), Math.max(0, 360 - bestGap));
    }

    /** The longitude halfway along the arc, in [-180, 180). */
    public double centre() {
        return normalize(west + widthDeg / 2);
    }

    private static double normalize(double lon) {
        double x = ((lon + 180) % 360 + 360) % 360 - 180;
        return x;
    }
}
