package io.borderline.userdata;

/**
 * A user geometry that is refused: unreadable, unsupported, out of range, or over a limit. The
 * message names the feature (by index and id) and what is wrong; {@link #allowed()} says what is
 * accepted or which limit applies. HTTP answers it with {@link #status()} (400, or 413 for limits).
 */
public final class UserGeometryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String allowed;

    public UserGeometryException(int status, String detail, String allowed) {
        super(detail);
        this.status = status;
        this.allowed = allowed;
    }

    static UserGeometryException invalid(String detail, String allowed) {
        return new UserGeometryException(400, detail, allowed);
    }

    static UserGeometryException tooLarge(String detail, String allowed) {
        return new UserGeometryException(413, detail, allowed);
    }

    /** 400 for invalid input, 413 for input over a documented limit. */
    public int status() {
        return status;
    }

    /** What is accepted, or the limit that applies, in words. */
    public String allowed() {
        return allowed;
    }
}
