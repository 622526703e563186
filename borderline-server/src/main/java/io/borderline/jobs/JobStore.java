package io.borderline.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous jobs of OGC API - Processes, in memory and bounded three ways: at most
 * {@link Limits#maxJobs()} jobs (queued, running or finished), at most {@link Limits#maxBytes()} bytes of
 * inputs and outputs held, and each finished job kept for {@link Limits#ttlSeconds()} after it finished,
 * then forgotten. Nothing is written to disk: a restart forgets every job ({@link #NOTE}). A submission
 * that does not fit is refused with {@link FullException}, which says when space should free up; nothing
 * is evicted to make room, so a client's results never vanish before their time to live.
 *
 * <p>Jobs run on {@link #WORKERS} threads in the order they came; the work itself goes through the
 * server's compute gates and deadline (the caller's {@code work} does), so queued jobs cannot pile up
 * computations. Dismissing a job interrupts its thread, which cancels the computation cooperatively.
 * Thread-safe.
 */
public final class JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    /** Threads running jobs (each job's computation still needs a slot of the server's compute gates). */
    public static final int WORKERS = 2;
    /** Retry hint when the store is full of jobs still queued or running, seconds. */
    static final int BUSY_RETRY_AFTER_SECONDS = 30;
    /** What every job status says about persistence. */
    public static final String NOTE = "jobs are kept in this server's memory only, for a limited time after they"
        + " finish, and are lost on restart";

    /**
     * @param maxJobs most jobs held at once (queued, running and finished)
     * @param maxBytes most bytes of inputs (of queued and running jobs) and outputs (of finished ones) held
     * @param ttlSeconds how long a finished job and its results are kept, seconds
     */
    public record Limits(int maxJobs, long maxBytes, long ttlSeconds) {
        public Limits {
            if (maxJobs < 1 || maxBytes < 1 || ttlSeconds < 1) {
                throw new IllegalArgumentException("job limits must be positive");
            }
        }
    }

    public static final Limits DEFAULTS = new Limits(100, 64L << 20, 3600);

    /** A submission refused because the store is full; {@link #retryAfterSeconds()} says when to try again. */
    public static final class FullException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int retryAfterSeconds;

        FullException(String detail, int retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Thrown by a job's work to fail it with a given problem. */
    public static final class FailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Job.Failure failure;

        public FailedException(Job.Failure failure) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
        }

        public Job.Failure failure() {
            return failure;
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, Job> jobs = new LinkedHashMap<>(); // in submission order
    private final Map<String, Long> held = new LinkedHashMap<>(); // bytes each job holds now
    private long bytes;

    public JobStore(Limits limits) {
        this(limits, Clock.systemUTC());
    }

    public JobStore(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "process-job");
            t.setDaemon(true);
            return t;
        });
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Queues {@code work} as a new job of {@code processId} holding {@code inputBytes} until it finishes.
     *
     * @throws FullException if the store holds {@link Limits#maxJobs()} jobs or the input does not fit its bytes
     */
    public synchronized Job submit(String processId, long inputBytes, Supplier<Job.Output> work) {
        Instant now = clock.instant();
        sweep(now);
        if (jobs.size() >= limits.maxJobs()) {
            throw new FullException("the job store holds its limit of " + limits.maxJobs() + " jobs; finished jobs"
                + " are forgotten " + limits.ttlSeconds() + " s after they finish, or dismiss yours with DELETE"
                + " /jobs/{jobId}", retryAfter(now));
        }
        if (bytes + inputBytes > limits.maxBytes()) {
            throw new FullException("the job store holds " + bytes + " of its " + limits.maxBytes() + " bytes; this"
                + " job's input needs " + inputBytes, retryAfter(now));
        }
        Job job = new Job(UUID.randomUUID().toString(), processId, now, inputBytes);
        jobs.put(job.id(), job);
        held.put(job.id(), inputBytes);
        bytes += inputBytes;
        job.future(workers.submit(() -> run(job, work)));
        return job;
    }

    private void run(Job job, Supplier<Job.Output> work) {
        if (!job.start(clock.instant())) {
            return;
        }
        Job.Output out = null;
        Job.Failure failure;
        try {
            out = work.get();
            failure = null;
        } catch (FailedException e) {
            failure = e.failure();
        } catch (RuntimeException | Error e) {
            LOG.error("job {} of process {} failed", job.id(), job.view().processId(), e);
            failure = new Job.Failure(500, "internal-error", "Internal error",
                "the job failed unexpectedly; it has been logged");
        }
        finish(job, out, failure);
    }

    private synchronized void finish(Job job, Job.Output out, Job.Failure failure) {
        Instant now = clock.instant();
        Long had = held.get(job.id());
        if (had == null) {
            return; // dismissed meanwhile: nothing held any more
        }
        bytes -= had;
        if (failure == null && bytes + out.body().length > limits.maxBytes()) {
            failure = new Job.Failure(507, "job-store-full", "Result not kept", "the result is " + out.body().length
                + " bytes and the job store has " + (limits.maxBytes() - bytes) + " of its " + limits.maxBytes()
                + " bytes free; ask for less, or use the synchronous execution");
        }
        if (failure == null) {
            held.put(job.id(), (long) out.body().length);
            bytes += out.body().length;
            job.succeed(out, now, "finished; " + NOTE);
        } else {
            held.put(job.id(), 0L);
            job.fail(failure, now, "failed: " + failure.detail() + "; " + NOTE);
        }
    }

    /** The job, unless unknown, dismissed or expired. */
    public synchronized Optional<Job> get(String id) {
        sweep(clock.instant());
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job held, newest first. */
    public synchronized List<Job> list() {
        sweep(clock.instant());
        List<Job> out = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Dismisses the job (stopping it if it runs) and forgets it; empty if unknown. */
    public synchronized Optional<Job> dismiss(String id) {
        sweep(clock.instant());
        Job job = jobs.remove(id);
        if (job == null) {
            return Optional.empty();
        }
        bytes -= held.remove(id);
        job.dismiss(clock.instant());
        return Optional.of(job);
    }

    /** Jobs held now (queued, running, finished and not yet expired). */
    public synchronized int size() {
        sweep(clock.instant());
        return jobs.size();
    }

    /** Bytes held now (inputs of unfinished jobs, outputs of finished ones). */
    public synchronized long bytesHeld() {
        return bytes;
    }

    /** When a job finished at {@code finished} is forgotten. */
    public Instant expires(Instant finished) {
        return finished.plusSeconds(limits.ttlSeconds());
    }

    private void sweep(Instant now) {
        var it = jobs.values().iterator();
        while (it.hasNext()) {
            Job j = it.next();
            Instant f = j.finishedAt();
            if (f != null && !now.isBefore(expires(f))) {
                it.remove();
                bytes -= held.remove(j.id());
            }
        }
    }

    /** Seconds until the first finished job expires, or a fixed hint when every job is still queued or running. */
    private int retryAfter(Instant now) {
        Instant first = null;
        for (Job j : jobs.values()) {
            Instant f = j.finishedAt();
            if (f != null && (first == null || f.isBefore(first))) {
                first = f;
            }
        }
        if (first == null) {
            return BUSY_RETRY_AFTER_SECONDS;
        }
        long s = (long) Math.ceil(Duration.between(now, expires(first)).toMillis() / 1000.0);
        return (int) Math.max(1, Math.min(s, Integer.MAX_VALUE));
    }
}
