package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.coverage.Cancellation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The request deadline: an overlong computation is cancelled and frees its slot; nothing runs on behind it. */
class ComputeGateTest {

    @Test
    void aComputationPastTheDeadlineIsA503AndIsCancelledFreeingItsSlot() throws Exception {
        ComputeGate gate = new ComputeGate(1, "test computation");
        AtomicLong steps = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        assertThatThrownBy(() -> gate.runWithin(1, () -> {
            try {
                while (true) { // a runaway loop that checks for cancellation, as the engine's loops do
                    Cancellation.check();
                    steps.incrementAndGet();
                }
            } catch (Cancellation.CancelledException e) {
                cancelled.set(true);
                throw e;
            }
        })).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("deadline of 1 s").contains("stopped");
        });
        for (int i = 0; i < 250 && gate.available() == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(cancelled).as("the worker saw the cancellation").isTrue();
        assertThat(gate.available()).as("the slot is free again").isEqualTo(1);
        long after = steps.get();
        Thread.sleep(200);
        assertThat(steps.get()).as("nothing computes after the cancellation").isEqualTo(after);
        assertThat(gate.runWithin(5, () -> 42)).as("the next computation gets the slot").isEqualTo(42);
    }

    @Test
    void errorsOfTheComputationReachTheCallerUnchanged() {
        ComputeGate gate = new ComputeGate(1, "test computation");
        assertThatThrownBy(() -> gate.runWithin(5, () -> {
            throw ApiException.badParameter("x", "bad", "good");
        })).isInstanceOf(ApiException.class).hasMessageContaining("bad");
        assertThat(gate.runWithin(5, () -> 42)).isEqualTo(42);
    }
}
