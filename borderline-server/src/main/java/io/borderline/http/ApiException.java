package io.borderline.http;

/**
 * A request the service answers with an RFC 9457 problem: the only way handlers report errors.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String title;
    private final String parameter;
    private final String allowed;
    private Integer retryAfterSeconds;

    public ApiException(int status, String type, String title, String detail, String parameter, String allowed) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
        this.allowed = allowed;
    }

    /** 400: a query parameter is missing, malformed or out of range. */
    public static ApiException badParameter(String parameter, String detail, String allowed) {
        return new ApiException(400, "invalid-parameter", "Invalid parameter", detail, parameter, allowed);
    }

    /** 404: the path names something that does not exist. */
    public static ApiException notFound(String what, String id, String allowed) {
        return new ApiException(404, "not-found", "Not found", "no " + what + " with id '" + id + "'", null, allowed);
    }

    /** This problem with a {@code Retry-After} of {@code seconds} (instead of the default of its status). */
    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The {@code Retry-After} seconds this problem names, or null for the default of its status. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }

    public String allowed() {
        return allowed;
    }
}
