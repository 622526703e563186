package io.borderline.coverage;

/** A coverage request the engine does not compute, with the reason (answered as 422). */
public final class CoverageLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CoverageLimitException(String message) {
        super(message);
    }
}
