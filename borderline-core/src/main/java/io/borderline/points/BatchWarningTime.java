package io.borderline.points;

import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.WarningTime;
import io.borderline.data.DroneClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warning time in the batch answer ({@code warning_time=true}): per answered row, the minutes each drone class of
 * the catalogue needs from the nearest point of the target country to the point, at cruise and at maximum speed,
 * computed by {@link WarningTime} (a straight-line lower bound). Rows carry only the minutes; the speeds, their
 * sources and what the minutes mean are written once, in the summary ({@link #legend()}).
 *
 * <p>CSV columns, after {@code error}: {@code warning_basis} ({@value WarningTime#BASIS}, empty when the point is
 * inside the target country, where no warning time is given), then {@code <drone>_cruise_min} and
 * {@code <drone>_max_speed_min} for every class in catalogue order (empty when the class's range does not reach the
 * point or the speed is not published), then {@code warning_out_of_range} (the ids of the classes whose range falls
 * short, joined with ";"). Immutable and thread-safe.
 */
public final class BatchWarningTime {
    /** Warning times off: no row field, no column, no legend. */
    public static final BatchWarningTime OFF = new BatchWarningTime(List.of());

    private final List<DroneClass> catalogue;
    private final List<String> columns;

    private BatchWarningTime(List<DroneClass> catalogue) {
        this.catalogue = List.copyOf(catalogue);
        List<String> c = new ArrayList<>();
        if (!catalogue.isEmpty()) {
            c.add("warning_basis");
            for (DroneClass d : catalogue) {
                c.add(d.id() + "_cruise_min");
                c.add(d.id() + "_max_speed_min");
            }
            c.add("warning_out_of_range");
        }
        this.columns = List.copyOf(c);
    }

    /** Warning times for every class of {@code catalogue}, in its order. */
    public static BatchWarningTime of(List<DroneClass> catalogue) {
        if (catalogue.isEmpty()) {
            throw new IllegalArgumentException("warning times need a drone catalogue");
        }
        return new BatchWarningTime(catalogue);
    }

    public boolean on() {
        return !catalogue.isEmpty();
    }

    /** The CSV column names this adds after {@code error} (none when off). */
    public List<String> csvColumns() {
        return columns;
    }

    /** The row's warning time, or null when the point is inside the target country. */
    public Row row(CountryDistance d) {
        if (d.inside()) {
            return null;
        }
        WarningTime.Answer a = WarningTime.compute(d.distanceM(), catalogue);
        List<Minutes> classes = new ArrayList<>();
        for (WarningTime.ClassTime c : a.classes()) {
            classes.add(new Minutes(c.drone(), c.atCruiseMin(), c.atMaxSpeedMin()));
        }
        return new Row(a.basis(), a.shortestMin(), classes, a.outOfRange());
    }

    /** The CSV cells of {@link #csvColumns()} for an answered row. */
    public List<String> csvCells(CountryDistance d) {
        Row r = row(d);
        List<String> cells = new ArrayList<>(columns.size());
        cells.add(r == null ? "" : r.basis());
        Map<String, Minutes> byDrone = new HashMap<>();
        if (r != null) {
            r.classes().forEach(m -> byDrone.put(m.drone(), m));
        }
        for (DroneClass c : catalogue) {
            Minutes m = byDrone.get(c.id());
            cells.add(m == null ? "" : BatchOutput.num(m.atCruiseMin()));
            cells.add(m == null ? "" : BatchOutput.num(m.atMaxSpeedMin()));
        }
        cells.add(r == null ? "" : String.join(";", r.outOfRange()));
        return cells;
    }

    /** What the minutes mean and the speeds they come from, for the summary; null when off. */
    public Legend legend() {
        if (!on()) {
            return null;
        }
        List<Speeds> speeds = new ArrayList<>();
        for (DroneClass d : catalogue) {
            speeds.add(new Speeds(d.id(), d.rangeKm(), d.cruiseSpeedKmh(), d.maxSpeedKmh(), d.cruiseSpeedSource(),
                d.cruiseSpeedUrl(), d.maxSpeedSource(), d.maxSpeedUrl()));
        }
        return new Legend(WarningTime.BASIS, WarningTime.NOTE, speeds);
    }

    /**
     * A row's warning time.
     *
     * @param basis always {@value WarningTime#BASIS}
     * @param shortestMin the shortest time over every reaching class and speed, minutes, or null when unknown
     * @param classes the classes whose range reaches the point, in catalogue order
     * @param outOfRange the ids of the classes whose range is shorter than the distance
     */
    public record Row(String basis, Double shortestMin, List<Minutes> classes, List<String> outOfRange) {}

    /**
     * @param drone class id
     * @param atCruiseMin minutes at the published cruise speed, or null (not published)
     * @param atMaxSpeedMin minutes at the published maximum speed, or null (not published)
     */
    public record Minutes(String drone, Double atCruiseMin, Double atMaxSpeedMin) {}

    /**
     * @param basis always {@value WarningTime#BASIS}
     * @param note what the minutes mean and do not mean
     * @param drones the speeds of every class, with their sources
     */
    public record Legend(String basis, String note, List<Speeds> drones) {}

    /**
     * @param drone class id
     * @param rangeKm published range, km
     * @param cruiseSpeedKmh published cruise speed, km/h, or null
     * @param maxSpeedKmh published maximum speed, km/h, or null
     * @param cruiseSpeedSource citation of the cruise speed, or null
     * @param cruiseSpeedUrl its link, or null
     * @param maxSpeedSource citation of the maximum speed, or null
     * @param maxSpeedUrl its link, or null
     */
    public record Speeds(String drone, double rangeKm, Double cruiseSpeedKmh, Double maxSpeedKmh,
                         String cruiseSpeedSource, String cruiseSpeedUrl, String maxSpeedSource, String maxSpeedUrl) {}
}
