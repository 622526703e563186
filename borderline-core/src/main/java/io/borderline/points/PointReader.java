package io.borderline.points;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the points of a batch body incrementally: memory use does not grow with the number of
 * rows. A bad row becomes a {@link BatchRow} with an error, never an exception; only a body
 * whose remainder cannot be read at all (broken JSON syntax, a failed read) throws.
 */
public interface PointReader extends Closeable {
    /**
     * Reads the start of the body (the GeoJSON object up to its array, or the CSV header).
     *
     * @throws InvalidPointsException if the body is empty or not of the declared kind
     * @throws IOException if the body cannot be read
     */
    void start() throws IOException;

    /** The next row, or null after the last one. */
    BatchRow next() throws IOException;

    /** Where reading stopped, for error messages (e.g. "line 12, column 4"). */
    String position();

    /** Names of the input columns that are echoed with every row (CSV columns other than lat, lon and id). */
    default java.util.List<String> extraColumns() {
        return java.util.List.of();
    }

    /** The values of {@link #extraColumns()} in the row {@link #next()} returned last (empty strings if unreadable). */
    default java.util.List<String> extras() {
        return java.util.List.of();
    }
}
