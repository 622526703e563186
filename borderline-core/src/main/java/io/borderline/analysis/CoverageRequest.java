package io.borderline.analysis;

import io.borderline.coverage.Sector;
import io.borderline.data.BorderLine;
import java.util.List;

/**
 * A validated coverage request.
 *
 * @param dataset dataset id
 * @param sourceKind country, region, border, site, point, layer or user
 * @param sourceIds country codes, one region id (RUS-EU), border ids, site ids, or one "lat,lon"
 * @param rangeKm range, km (1 to 2,500)
 * @param droneId the drone class the range came from, or null
 * @param beyond true to keep only the reach beyond the source's own territory
 * @param sector the azimuth sector and minimum range of a range fan (one site or point only), or null for the
 *     whole ring
 * @param minutes for a time ring, the flight time whose reach this is, minutes; else null
 * @param speedKmh for a time ring, the speed it is flown at, km/h; else null
 * @param borderLine for a border source, which line: political (default) or land (without the lines at sea)
 */
public record CoverageRequest(String dataset, String sourceKind, List<String> sourceIds, double rangeKm,
                              String droneId, boolean beyond, Sector sector, Double minutes, Double speedKmh,
                              BorderLine borderLine) {

    public CoverageRequest {
        borderLine = borderLine == null ? BorderLine.DEFAULT : borderLine;
    }

    /** Any source but a border's land line. */
    public CoverageRequest(String dataset, String sourceKind, List<String> sourceIds, double rangeKm,
                           String droneId, boolean beyond, Sector sector, Double minutes, Double speedKmh) {
        this(dataset, sourceKind, sourceIds, rangeKm, droneId, beyond, sector, minutes, speedKmh, BorderLine.DEFAULT);
    }

    /** A whole ring at a range. */
    public CoverageRequest(String dataset, String sourceKind, List<String> sourceIds, double rangeKm, String droneId,
                           boolean beyond) {
        this(dataset, sourceKind, sourceIds, rangeKm, droneId, beyond, null, null, null);
    }

    /** Cache key: everything that changes the answer (how the range was given does not). */
    public String key() {
        return dataset + "|" + sourceKind + "|" + String.join(",", sourceIds) + "|" + rangeKm + "|" + beyond
            + (sector == null ? "" : "|" + sector.key()) + (borderLine == BorderLine.DEFAULT ? "" : "|" + borderLine.id());
    }

    /** The same request limited to a range fan. */
    public CoverageRequest withSector(Sector fan) {
        return new CoverageRequest(dataset, sourceKind, sourceIds, rangeKm, droneId, beyond, fan, minutes, speedKmh,
            borderLine);
    }

    /** The same request as a time ring: {@code minutes} at {@code speedKmh}, whose range it already carries. */
    public CoverageRequest timeRing(double rangeKm, double minutes, double speedKmh) {
        return new CoverageRequest(dataset, sourceKind, sourceIds, rangeKm, droneId, beyond, sector, minutes, speedKmh,
            borderLine);
    }

    /** The same border source measured from {@code line}. */
    public CoverageRequest withBorderLine(BorderLine line) {
        return new CoverageRequest(dataset, sourceKind, sourceIds, rangeKm, droneId, beyond, sector, minutes, speedKmh,
            line);
    }
}
