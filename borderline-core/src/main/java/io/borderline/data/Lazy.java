package io.borderline.data;

import java.util.function.Supplier;

/**
 * A value computed on the first {@link #get} and kept: what the service does not need to answer its first
 * query (the place table, its search index) is built off the start-up path. Thread-safe: concurrent first
 * callers wait for one computation; a computation that throws is tried again by the next caller.
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> compute;
    private volatile T value;

    public Lazy(Supplier<? extends T> compute) {
        this.compute = compute;
    }

    /** The value if it has been computed, else null (computes nothing). */
    public T peek() {
        return value;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                    compute = null;
                }
            }
        }
        return v;
    }
}
