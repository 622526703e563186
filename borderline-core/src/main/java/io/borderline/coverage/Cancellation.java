package io.borderline.coverage;

/**
 * Cooperative cancellation for long computations (coverages, exposure statistics). The caller that
 * owns the deadline interrupts the computing thread; the long loops call {@link #check()} between
 * steps and stop with {@link CancelledException}, so a request past its deadline frees its
 * compute slot within one step instead of running on in the background. Uses the thread's
 * interrupt flag, so it composes with {@code Future.cancel(true)}.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Throws {@link CancelledException} if the current thread has been interrupted (the flag stays set). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    /** The computation was stopped because its caller cancelled it (deadline passed, client gone). */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("the computation was cancelled", null, false, false);
        }
    }
}
