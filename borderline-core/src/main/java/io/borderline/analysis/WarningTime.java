package io.borderline.analysis;

import io.borderline.data.DroneClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Warning time: the minutes a drone needs to fly from the nearest point of a country to a place, for every class
 * of the catalogue whose published range reaches that far.
 *
 * <p>The time is the geodesic distance divided by the published speed: a <b>straight-line lower bound</b>. Real
 * routes are longer (dog-legs around air defences, climb, wind), so the real warning is at least this long, never
 * shorter; detection happens after launch, so the time left to react is shorter still. A class whose speed is not
 * published gets no time (reported as unknown, never guessed). Minutes are rounded to 0.1 min.
 *
 * <p>Stateless and thread-safe; plugs into every answer that has a distance from a country ({@code /distance},
 * the claim checks, the batch).
 */
public final class WarningTime {
    public static final String BASIS = "straight_line_lower_bound";
    public static final String NOTE = "Minutes at the published speed along the geodesic from the nearest point of"
        + " the country to the place: a straight-line lower bound (real routes are longer, so the real warning is at"
        + " least this long). Classes whose published range is shorter than the distance are listed as out of"
        + " range; speeds that are not published are null (unknown, not guessed).";

    private WarningTime() {}

    /**
     * @param distanceM geodesic distance from the nearest point of the launching country to the place, metres
     * @param catalogue the drone classes
     * @return the minutes per reaching class
     */
    public static Answer compute(double distanceM, Collection<DroneClass> catalogue) {
        if (!(distanceM >= 0) || Double.isInfinite(distanceM)) {
            throw new IllegalArgumentException("distance " + distanceM + " m is not a finite distance >= 0");
        }
        double km = distanceM / 1000;
        List<ClassTime> reaching = new ArrayList<>();
        List<String> outOfRange = new ArrayList<>();
        for (DroneClass d : catalogue) {
            if (d.rangeKm() < km) {
                outOfRange.add(d.id());
                continue;
            }
            reaching.add(new ClassTime(d.id(), d.name(), d.rangeKm(), d.cruiseSpeedKmh(),
                d.cruiseSpeedKmh() == null ? null : round(minutes(distanceM, d.cruiseSpeedKmh())), d.maxSpeedKmh(),
                d.maxSpeedKmh() == null ? null : round(minutes(distanceM, d.maxSpeedKmh())),
                d.cruiseSpeedSource(), d.cruiseSpeedUrl(), d.maxSpeedSource(), d.maxSpeedUrl()));
        }
        return new Answer(Math.round(distanceM) / 1000.0, BASIS, NOTE, shortest(reaching), reaching, outOfRange);
    }

    /** Flight time over {@code distanceM} metres at {@code speedKmh}, minutes (unrounded). */
    public static double minutes(double distanceM, double speedKmh) {
        return distanceM / 1000 / speedKmh * 60;
    }

    /** The distance flown in {@code minutes} at {@code speedKmh}, metres. */
    public static double distanceM(double minutes, double speedKmh) {
        return speedKmh * minutes / 60 * 1000;
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    /**
     * @param distanceKm the distance the times are for, km (rounded to 1 m)
     * @param basis always {@value #BASIS}
     * @param note what the minutes mean and do not mean
     * @param shortestMin the shortest time over every reaching class and speed, minutes, or null when no speed
     *     of a reaching class is known
     * @param classes the classes whose published range reaches the place, in catalogue order
     * @param outOfRange ids of the classes whose published range is shorter than the distance
     */
    public record Answer(double distanceKm, String basis, String note, Double shortestMin, List<ClassTime> classes,
                         List<String> outOfRange) {}

    /** The shortest time over every reaching class and speed, minutes, or null when no speed is known. */
    private static Double shortest(List<ClassTime> classes) {
        Double best = null;
        for (ClassTime c : classes) {
            for (Double m : new Double[] {c.atCruiseMin(), c.atMaxSpeedMin()}) {
                if (m != null && (best == null || m < best)) {
                    best = m;
                }
            }
        }
        return best;
    }

    /**
     * @param drone class id
     * @param name display name
     * @param rangeKm published range, km
     * @param cruiseSpeedKmh published cruise speed, km/h, or null (unknown)
     * @param atCruiseMin minutes at cruise speed, or null (unknown)
     * @param maxSpeedKmh published maximum speed, km/h, or null (unknown)
     * @param atMaxSpeedMin minutes at maximum speed, or null (unknown)
     * @param cruiseSpeedSource citation of the cruise speed, or null
     * @param cruiseSpeedUrl its link, or null
     * @param maxSpeedSource citation of the maximum speed, or null
     * @param maxSpeedUrl its link, or null
     */
    public record ClassTime(String drone, String name, double rangeKm, Double cruiseSpeedKmh, Double atCruiseMin,
                            Double maxSpeedKmh, Double atMaxSpeedMin, String cruiseSpeedSource, String cruiseSpeedUrl,
                            String maxSpeedSource, String maxSpeedUrl) {}
}
