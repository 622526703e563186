package io.borderline.points;

/**
 * A body of points that cannot be read at all (not the declared format, no coordinate columns). Rows
 * that are merely invalid are not thrown: they come back as failed {@link BatchRow}s with a reason.
 * The server answers it with a 400 problem; other callers report {@link #getMessage()} and {@link #allowed()}.
 */
public final class InvalidPointsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String allowed;

    public InvalidPointsException(String detail, String allowed) {
        super(detail);
        this.allowed = allowed;
    }

    /** What the reader accepts, in words. */
    public String allowed() {
        return allowed;
    }
}
