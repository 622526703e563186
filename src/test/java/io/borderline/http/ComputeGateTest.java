package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The request deadline: an overlong computation frees its request but keeps its slot until it ends. */
class ComputeGateTest {

    @Test
    void aComputationPastTheDeadlineIsA503AndFinishesInTheBackgroundHoldingItsSlot() throws Exception {
        ComputeGate gate = new ComputeGate(1, "test computation");
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        assertThatThrownBy(() -> gate.runWithin(1, () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            result.set("done");
            return "done";
        })).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("deadline of 1 s");
        });
        assertThat(gate.available()).as("the overlong computation still holds its slot").isZero();
        release.countDown();
        for (int i = 0; i < 100 && gate.available() == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(result.get()).isEqualTo("done");
        assertThat(gate.available()).isEqualTo(1);
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
