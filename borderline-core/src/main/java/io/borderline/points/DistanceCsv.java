package io.borderline.points;

import io.borderline.analysis.BorderDistance;
import io.borderline.analysis.CountryDistance;
import io.borderline.geodesy.LatLon;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /distance} as CSV (RFC 4180, UTF-8): a header and one row per target country, the
 * columns of the batch CSV with the target in front. No comment or summary lines, so any CSV
 * reader takes it as it is. Stateless.
 */
public final class DistanceCsv {
    public static final String HEADER = "to,lat,lon,dataset,inside,in_states,distance_m,distance_km,nearest_lat,"
        + "nearest_lon,bearing_deg,nearest_point_on_window_edge,border_id,border_distance_m,border_distance_km,"
        + "border_nearest_lat,border_nearest_lon,border_bearing_deg,border_segment_kind";

    private DistanceCsv() {}

    /** The header and one line per answer, each ending in a newline. */
    public static String write(List<CountryDistance> answers) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (CountryDistance d : answers) {
            LatLon n = d.nearestPoint();
            BorderDistance bd = d.border();
            b.append(d.to()).append(',').append(num(d.point().lat())).append(',').append(num(d.point().lon())).append(',')
                .append(d.dataset()).append(',').append(d.inside()).append(',').append(String.join(";", d.inStates()))
                .append(',').append(num(d.distanceM())).append(',').append(num(d.distanceKm())).append(',')
                .append(n == null ? "" : num(n.lat())).append(',').append(n == null ? "" : num(n.lon())).append(',')
                .append(num(d.bearingDeg())).append(',').append(d.nearestPointOnWindowEdge()).append(',');
            if (bd == null) {
                b.append(",,,,,,");
            } else {
                b.append(bd.borderId()).append(',').append(num(bd.distanceM())).append(',').append(num(bd.distanceKm()))
                    .append(',').append(num(bd.nearestPoint().lat())).append(',').append(num(bd.nearestPoint().lon()))
                    .append(',').append(num(bd.bearingDeg())).append(',')
                    .append(bd.segmentKind() == null ? "" : bd.segmentKind());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
