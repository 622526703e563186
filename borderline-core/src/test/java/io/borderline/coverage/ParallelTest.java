package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Parallel#map}: results in order, work shared between threads, failures and cancellation passed on. */
class ParallelTest {
    @Test
    void resultsComeInTheJobsOrder() {
        List<Integer> jobs = IntStream.range(0, 200).boxed().toList();
        assertThat(Parallel.map(jobs, j -> j * j)).isEqualTo(jobs.stream().map(j -> j * j).toList());
        assertThat(Parallel.map(List.of(7), j -> -j)).containsExactly(-7);
        assertThat(Parallel.map(List.<Integer>of(), j -> j)).isEmpty();
    }

    @Test
    void halvesSplitWhereTheWeightReachesHalf() {
        assertThat(Parallel.halves(List.of(1, 1, 1, 1), Integer::longValue)).containsExactly(List.of(1, 1), List.of(1, 1));
        assertThat(Parallel.halves(List.of(10, 1, 1), Integer::longValue)).containsExactly(List.of(10), List.of(1, 1));
        assertThat(Parallel.halves(List.of(1, 1, 10), Integer::longValue)).containsExactly(List.of(1, 1), List.of(10));
        assertThat(Parallel.halves(List.of(5), Integer::longValue)).containsExactly(List.of(5));
        assertThat(Parallel.halves(List.of(0, 0), Integer::longValue)).containsExactly(List.of(0, 0));
    }

    @Test
    @Timeout(20)
    void aSlowJobDoesNotHoldUpTheOthers() throws Exception {
        assumeAHelperThread();
        // the first job waits until every other job is done: only a second thread can do them meanwhile
        CountDownLatch others = new CountDownLatch(9);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> out = Parallel.map(IntStream.range(0, 10).boxed().toList(), j -> {
            threads.add(Thread.currentThread().getName());
            if (j == 0) {
                await(others);
            } else {
                others.countDown();
            }
            return j;
        });
        assertThat(out).hasSize(10);
        assertThat(threads).hasSizeGreaterThan(1);
    }

    @Test
    @Timeout(20)
    void aHelperBusyElsewhereIsNotWaitedFor() throws Exception {
        assumeAHelperThread();
        // another request holds a helper with a job that lasts until released
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(2);
        Thread other = new Thread(() -> Parallel.map(List.of(0, 1), j -> {
            holding.countDown();
            await(release);
            return j;
        }));
        other.start();
        try {
            await(holding);
            // this caller does its jobs alone and returns, without waiting for the helper to come free
            assertThat(Parallel.map(IntStream.range(0, 10).boxed().toList(), j -> j + 1)).hasSize(10).startsWith(1, 2);
        } finally {
            release.countDown();
            other.join();
        }
    }

    @Test
    void aFailingJobFailsTheWhole() {
        IllegalArgumentException boom = new IllegalArgumentException("job 3");
        assertThatThrownBy(() -> Parallel.map(IntStream.range(0, 8).boxed().toList(), j -> {
            if (j == 3) {
                throw boom;
            }
            return j;
        })).isSameAs(boom);
    }

    @Test
    @Timeout(20)
    void interruptingTheCallerCancelsTheHelpers() throws Exception {
        assumeAHelperThread();
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch helperStopped = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            await(bothRunning);
            caller.interrupt();
        });
        interrupter.start();
        try {
            // two jobs that run until cancelled: the caller takes one, a helper the other
            assertThatThrownBy(() -> Parallel.map(List.of(0, 1), j -> {
                bothRunning.countDown();
                try {
                    while (true) {
                        Cancellation.check();
                        Thread.onSpinWait();
                    }
                } finally {
                    if (Thread.currentThread() != caller) {
                        helperStopped.countDown();
                    }
                }
            })).isInstanceOf(Cancellation.CancelledException.class);
            assertThat(Thread.interrupted()).as("the caller's interrupt stays set, and is cleared here").isTrue();
            assertThat(helperStopped.await(10, TimeUnit.SECONDS)).as("the helper saw the cancellation").isTrue();
        } finally {
            Thread.interrupted(); // clear the flag for the next test
            interrupter.join();
        }
    }

    private static void assumeAHelperThread() {
        assumeThat(Runtime.getRuntime().availableProcessors()).as("a helper thread needs a second core").isGreaterThan(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
