package io.borderline.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the service should receive traffic: {@code STARTING} until the server has started
 * (the data is loaded and indexed before the server is even created), {@code READY} while it
 * serves, {@code STOPPING} from the moment a stop begins (before in-flight requests drain).
 * Thread-safe.
 */
final class Readiness {
    enum State { STARTING, READY, STOPPING }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

    State state() {
        return state.get();
    }

    void started() {
        state.compareAndSet(State.STARTING, State.READY);
    }

    void stopping() {
        state.set(State.STOPPING);
    }
}
