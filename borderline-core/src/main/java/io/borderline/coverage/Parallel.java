package io.borderline.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Shares one computation's independent pieces of work between the calling thread and a few helper threads (a
 * coverage of Russia at 5 km buffers and unions 9,618 parts for its first guess). Meant for machines with several
 * cores: on the 2-vCPU reference machine two threads give 1.38× the throughput of one, and the first guess is not
 * measurably faster (BENCHMARKS.md, session 21). Never much slower than doing them in turn: the helpers are few ({@code cores - 1}), the caller works
 * on the pieces too, and a helper still busy with another request's pieces when the caller is done is not waited for.
 * Cancellation ({@link Cancellation}) reaches the helpers: when the caller is interrupted or a piece fails, the
 * helpers are cancelled with an interrupt, which their own {@link Cancellation#check()} calls see.
 */
public final class Parallel {
    private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private static final ThreadPoolExecutor POOL = HELPERS == 0 ? null
        : new ThreadPoolExecutor(HELPERS, HELPERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "borderline-piece");
            t.setDaemon(true);
            return t;
        });

    static {
        if (POOL != null) {
            POOL.allowCoreThreadTimeOut(true);
        }
    }

    private Parallel() {}

    /**
     * {@code work} applied to each of {@code jobs}, the results in the jobs' order. The jobs are taken one at a time,
     * in their order, by whichever thread is free, so a long one does not hold up the others: put the longest first.
     * With one core, or one job, the calling thread does all of them. {@code work} must be safe to run on several
     * threads at once.
     */
    public static <J, T> List<T> map(List<J> jobs, Function<J, T> work) {
        int n = jobs.size();
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                Cancellation.check();
                results[k] = work.apply(jobs.get(k));
            }
        };
        // each helper joins only if it starts before the caller has finished: one still queued behind another
        // request's work is claimed by the caller instead, and not waited for
        List<FutureTask<Void>> helpers = new ArrayList<>();
        List<AtomicBoolean> claims = new ArrayList<>();
        for (int h = 0; POOL != null && h < Math.min(HELPERS, n - 1); h++) {
            AtomicBoolean claimed = new AtomicBoolean();
            FutureTask<Void> helper = new FutureTask<>(() -> {
                if (claimed.compareAndSet(false, true)) {
                    worker.run();
                }
            }, null);
            helpers.add(helper);
            claims.add(claimed);
            POOL.execute(helper);
        }
        try {
            worker.run();
            for (int h = 0; h < helpers.size(); h++) {
                if (!claims.get(h).compareAndSet(false, true)) {
                    helpers.get(h).get(); // started: wait for the job it is doing
                }
            }
        } catch (InterruptedException e) {
            helpers.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            helpers.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException | Error e) {
            helpers.forEach(f -> f.cancel(true));
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) Arrays.asList(results);
        return out;
    }

    /**
     * {@code items} in two consecutive runs whose weights add up to about half of the total each (the first run
     * ends with the item that reaches half), for {@link #map}; one run if there is a single item.
     */
    public static <I> List<List<I>> halves(List<I> items, ToLongFunction<I> weight) {
        long total = 0;
        for (I item : items) {
            total += weight.applyAsLong(item);
        }
        long sum = 0;
        int mid = 0;
        while (mid < items.size() - 1 && 2 * sum < total) {
            sum += weight.applyAsLong(items.get(mid++));
        }
        return mid == 0 ? List.of(items) : List.of(items.subList(0, mid), items.subList(mid, items.size()));
    }
}
