package io.borderline.points;

/**
 * One input row of {@code POST /distance/batch}: a point, or the reason it is not one.
 *
 * @param index position in the input, from 0 (feature, MultiPoint position or CSV data row)
 * @param id the row's id as given (a String or a Number), or null
 * @param lat latitude, degrees (NaN when {@code error} is set)
 * @param lon longitude, degrees (NaN when {@code error} is set)
 * @param error why the row has no answer, or null
 */
public record BatchRow(long index, Object id, double lat, double lon, String error) {
    /** Longest id echoed back, characters. */
    public static final int MAX_ID_LENGTH = 200;

    public static BatchRow point(long index, Object id, double lat, double lon) {
        String bad = check(lat, lon);
        return bad == null ? new BatchRow(index, id, lat, lon, null) : failed(index, id, bad);
    }

    public static BatchRow failed(long index, Object id, String error) {
        return new BatchRow(index, id, Double.NaN, Double.NaN, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** Why (lat, lon) is not a position on WGS84, or null if it is one. */
    public static String check(double lat, double lon) {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            return "lat " + lat + " is outside -90 to 90";
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            return "lon " + lon + " is outside -180 to 180";
        }
        return null;
    }

    /** An id that is too long to echo is refused rather than cut (a cut id could match another row's). */
    public static String checkId(String id) {
        return id != null && id.length() > MAX_ID_LENGTH
            ? "id is longer than " + MAX_ID_LENGTH + " characters" : null;
    }
}
