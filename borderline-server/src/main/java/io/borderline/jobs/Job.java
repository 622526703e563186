package io.borderline.jobs;

import java.time.Instant;
import java.util.concurrent.Future;

/**
 * One asynchronous execution of a process: its state, times and, once finished, its output or the reason
 * it failed. Held only in memory by {@link JobStore}. Thread-safe (state changes are synchronized).
 */
public final class Job {
    /** The states of OGC API - Processes (statusCode.yaml). */
    public enum Status { accepted, running, successful, failed, dismissed }

    /** The output of a successful job: its bytes and their media type. */
    public record Output(byte[] body, String contentType) {}

    /** Why a job failed, as the problem its results answer with (HTTP status, type, title, detail). */
    public record Failure(int status, String type, String title, String detail) {}

    private final String id;
    private final String processId;
    private final Instant created;
    private final long inputBytes;
    private Status status = Status.accepted;
    private Instant started;
    private Instant finished;
    private Instant updated;
    private String message;
    private Output output;
    private Failure failure;
    private Future<?> future;

    Job(String id, String processId, Instant created, long inputBytes) {
        this.id = id;
        this.processId = processId;
        this.created = created;
        this.updated = created;
        this.inputBytes = inputBytes;
        this.message = "queued";
    }

    /** A consistent copy of the job's state, for one answer. */
    public record View(String id, String processId, Status status, String message, Instant created, Instant started,
                       Instant finished, Instant updated, Output output, Failure failure) {
        public boolean done() {
            return status == Status.successful || status == Status.failed;
        }
    }

    public synchronized View view() {
        return new View(id, processId, status, message, created, started, finished, updated, output, failure);
    }

    public String id() {
        return id;
    }

    long inputBytes() {
        return inputBytes;
    }

    synchronized Instant finishedAt() {
        return finished;
    }

    synchronized long outputBytes() {
        return output == null ? 0 : output.body().length;
    }

    synchronized boolean finished() {
        return finished != null;
    }

    synchronized void future(Future<?> f) {
        this.future = f;
    }

    /** Marks the job running; false if it was dismissed before it started. */
    synchronized boolean start(Instant now) {
        if (status != Status.accepted) {
            return false;
        }
        status = Status.running;
        started = now;
        updated = now;
        message = "running";
        return true;
    }

    synchronized void succeed(Output out, Instant now, String note) {
        if (status == Status.dismissed) {
            return;
        }
        status = Status.successful;
        output = out;
        finished = now;
        updated = now;
        message = note;
    }

    synchronized void fail(Failure f, Instant now, String note) {
        if (status == Status.dismissed) {
            return;
        }
        status = Status.failed;
        failure = f;
        finished = now;
        updated = now;
        message = note;
    }

    /** Dismisses the job: stops it if it runs (interrupt, cooperative cancellation) and drops its output. */
    synchronized void dismiss(Instant now) {
        status = Status.dismissed;
        updated = now;
        if (finished == null) {
            finished = now;
        }
        message = "dismissed by the client";
        output = null;
        if (future != null) {
            future.cancel(true);
        }
    }
}
