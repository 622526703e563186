package io.borderline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The job store's three bounds (count, bytes, time to live), dismissal, and failures. */
class JobStoreTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Job.Output bytes(int n) {
        return new Job.Output(new byte[n], "application/geo+json");
    }

    private static Job.View await(Job job) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Job.View v = job.view();
            if (v.done()) {
                return v;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job did not finish: " + job.view());
    }

    @Test
    void aFullStoreRefusesUntilAFinishedJobExpiresAndSaysWhen() throws Exception {
        ManualClock clock = new ManualClock();
        JobStore store = new JobStore(new JobStore.Limits(2, 1 << 20, 600), clock);
        Job a = store.submit("p", 10, () -> bytes(100));
        await(a);
        clock.advance(Duration.ofSeconds(100));
        Job b = store.submit("p", 10, () -> bytes(100));
        await(b);
        assertThatThrownBy(() -> store.submit("p", 10, () -> bytes(1)))
            .isInstanceOfSatisfying(JobStore.FullException.class, e -> {
                assertThat(e.getMessage()).contains("limit of 2 jobs");
                assertThat(e.retryAfterSeconds()).isEqualTo(500); // a finished at t=0 expires at t=600; now t=100
            });
        clock.advance(Duration.ofSeconds(500));
        assertThat(store.get(a.id())).isEmpty(); // expired: forgotten
        assertThat(store.get(b.id())).isPresent();
        assertThat(store.submit("p", 10, () -> bytes(1))).isNotNull();
    }

    @Test
    void inputsAndResultsCountAgainstTheBytes() throws Exception {
        JobStore store = new JobStore(new JobStore.Limits(10, 1000, 600), new ManualClock());
        CountDownLatch release = new CountDownLatch(1);
        Job running = store.submit("p", 600, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bytes(300);
        });
        assertThat(store.bytesHeld()).isEqualTo(600);
        assertThatThrownBy(() -> store.submit("p", 500, () -> bytes(1)))
            .isInstanceOf(JobStore.FullException.class).hasMessageContaining("600 of its 1000 bytes");
        release.countDown();
        assertThat(await(running).status()).isEqualTo(Job.Status.successful);
        assertThat(store.bytesHeld()).isEqualTo(300); // the input freed, the result held
        Job tooBig = store.submit("p", 10, () -> bytes(800));
        Job.View v = await(tooBig);
        assertThat(v.status()).isEqualTo(Job.Status.failed);
        assertThat(v.failure().status()).isEqualTo(507);
        assertThat(store.bytesHeld()).isEqualTo(300);
        store.dismiss(running.id());
        assertThat(store.bytesHeld()).isZero();
    }

    @Test
    void dismissingARunningJobInterruptsItAndForgetsIt() throws Exception {
        JobStore store = new JobStore(new JobStore.Limits(10, 1000, 600), new ManualClock());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Job job = store.submit("p", 5, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return bytes(1);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(job.view().status()).isEqualTo(Job.Status.running);
        assertThat(store.dismiss(job.id())).isPresent();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
        assertThat(job.view().status()).isEqualTo(Job.Status.dismissed);
        assertThat(store.get(job.id())).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.bytesHeld()).isZero();
        assertThat(store.dismiss(job.id())).isEmpty();
    }

    @Test
    void aFailingJobKeepsItsProblemAndAnUnexpectedErrorIsA500() throws Exception {
        JobStore store = new JobStore(JobStore.DEFAULTS);
        Job failed = store.submit("p", 1, () -> {
            throw new JobStore.FailedException(new Job.Failure(422, "coverage-limit", "Coverage not computed", "pole"));
        });
        assertThat(await(failed).failure()).isEqualTo(new Job.Failure(422, "coverage-limit", "Coverage not computed",
            "pole"));
        assertThat(failed.view().message()).contains("pole", "lost on restart");
        Job bug = store.submit("p", 1, () -> {
            throw new IllegalStateException("bug");
        });
        assertThat(await(bug).failure().status()).isEqualTo(500);
        assertThat(store.list()).extracting(Job::id).containsExactly(bug.id(), failed.id()); // newest first
    }
}
