package io.borderline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BorderlineData;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.points.BatchOutput;
import io.borderline.points.BatchRow;
import io.borderline.points.BatchWarningTime;
import io.borderline.points.BodySpool;
import io.borderline.points.CsvPoints;
import io.borderline.points.GeoJsonPoints;
import io.borderline.points.InvalidPointsException;
import io.borderline.points.PointReader;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /distance/batch}: the distance of many points to one country, streamed. The body
 * (GeoJSON or CSV) is parsed incrementally and every row is answered as soon as it is computed,
 * so memory does not grow with the number of rows. Each answer row is what {@code GET /distance}
 * computes for that point ({@link DistanceService#toCountry}); a bad row gets an error row with
 * its index and the reason, never silently dropped; a summary closes the answer.
 *
 * <p>Errors found before the first row (bad parameters, an unreadable body, a Content-Length over
 * the limit) are 4xx problems. Once rows have been sent the status is 200; a body that then turns
 * out unreadable or over a limit ends the answer with a summary whose {@code complete} is false
 * and whose {@code problem} says why. At most {@link ServerOptions#batchConcurrency()} batches run
 * at once (429 beyond).
 */
final class BatchApi {
    private static final Logger LOG = LoggerFactory.getLogger(BatchApi.class);
    static final String PATH = "/distance/batch";
    private static final String ACCEPTED_BODIES = "application/geo+json, application/json or text/csv";
    private static final int METRICS_EVERY = 1024;

    private final BorderlineData data;
    private final DistanceService distances;
    private final ServerOptions options;
    private final Metrics metrics;
    private final ComputeGate gate;

    BatchApi(BorderlineData data, DistanceService distances, ServerOptions options, Metrics metrics) {
        this.data = data;
        this.distances = distances;
        this.options = options;
        this.metrics = metrics;
        this.gate = new ComputeGate(options.batchConcurrency(), "batch");
        metrics.monitorGate(gate, "batch");
    }

    /** The gate of the batches, which the distance-batch process shares. */
    ComputeGate gate() {
        return gate;
    }

    /** {@code POST} routes of this class. */
    Map<String, Handler> routes() {
        return Map.of(PATH, this::batch);
    }

    private void batch(Context ctx) throws IOException {
        Params p = Params.of(ctx, Set.of("to", "dataset", "border", "summary", "warning_time"));
        BorderLine line = Params.borderLine(p);
        boolean trailer = trailer(p.optional("summary"));
        BatchWarningTime warning = warningTime(p.optional("warning_time"));
        Dataset ds = data.dataset(p.datasetId());
        CountryCode to = BorderlineApi.drawn(data.dataset(p.datasetId()),
            Params.country("to", p.required("to", CountryCode.allowed())), "to");
        boolean csvOut = csvAnswer(ctx.header("Accept"));
        boolean csvIn = csvBody(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > options.batchMaxBodyBytes()) {
            throw tooLarge("the body is " + declared + " bytes, more than the limit of " + options.batchMaxBodyBytes());
        }
        ComputeGate.Permit permit = gate.enter();
        try {
            InputStream raw = new ReadFailures(ctx.req().getInputStream());
            BodySpool spool = spool(raw);
            InputStream body = spool == null ? raw : spool.input();
            try (spool; PointReader reader = csvIn ? new CsvPoints(body) : new GeoJsonPoints(body)) {
                try {
                    reader.start();
                } catch (IOException e) {
                    Map<String, Object> problem = unreadable(e, reader);
                    throw new ApiException((Integer) problem.get("status"), "invalid-body", "Invalid body",
                        (String) problem.get("detail"), null, ACCEPTED_BODIES);
                }
                stream(ctx, reader, ds, to, line, csvOut, trailer, warning);
            }
        } finally {
            permit.close();
        }
    }

    /** {@code summary}: {@code trailer} (the default) ends the answer with the summary, {@code none} leaves it out. */
    static boolean trailer(String summary) {
        if (summary == null || summary.equals("trailer")) {
            return true;
        }
        if (summary.equals("none")) {
            return false;
        }
        throw ApiException.badParameter("summary", "parameter 'summary' is '" + Params.shorten(summary) + "'",
            "trailer (the default: a closing summary record), none (rows only; an incomplete answer ends with a row"
                + " whose index is empty and whose error says why)");
    }

    /**
     * {@code warning_time}: {@code false} (the default, so the CSV keeps its width) or {@code true} (the minutes of
     * every drone class per row, see {@link BatchWarningTime}).
     */
    private BatchWarningTime warningTime(String value) {
        if (value == null || value.equals("false")) {
            return BatchWarningTime.OFF;
        }
        if (value.equals("true")) {
            return BatchWarningTime.of(List.copyOf(data.drones().values()));
        }
        throw ApiException.badParameter("warning_time", "parameter 'warning_time' is '" + Params.shorten(value) + "'",
            "false (the default), true (minutes per drone class at cruise and maximum speed: a straight-line lower"
                + " bound)");
    }

    private void stream(Context ctx, PointReader reader, Dataset ds, CountryCode to, BorderLine line,
                        boolean csvOut, boolean trailer, BatchWarningTime warning) throws IOException {
        BatchOutput out = null;
        long rows = 0;
        long ok = 0;
        long reportedRows = 0;
        long reportedOk = 0;
        Map<String, Object> problem = null;
        try {
            while (true) {
                BatchRow row;
                try {
                    row = reader.next();
                } catch (IOException e) {
                    problem = unreadable(e, reader);
                    break;
                } catch (InvalidPointsException e) {
                    problem = problem(400, e.getMessage());
                    break;
                } catch (RuntimeException e) {
                    // a bug in a reader must not corrupt an answer that is already streaming
                    LOG.error("batch body unreadable at {}", reader.position(), e);
                    problem = problem(500, "the body could not be read past " + reader.position() + " (logged as a bug)");
                    break;
                }
                if (row == null) {
                    break;
                }
                if (rows == options.batchMaxRows()) {
                    problem = problem(413, "the body has more than " + options.batchMaxRows() + " rows; the rest was"
                        + " not read");
                    break;
                }
                rows++;
                CountryDistance d = null;
                if (row.ok()) {
                    try {
                        d = distances.toCountry(ds, row.lat(), row.lon(), to, line);
                        ok++;
                    } catch (RuntimeException e) {
                        LOG.error("batch row {} ({}, {}) to {} failed", row.index(), row.lat(), row.lon(), to, e);
                        row = BatchRow.failed(row.index(), row.id(), "this row could not be computed (logged as a bug)");
                    }
                }
                if (out == null) {
                    out = open(ctx, csvOut, reader.extraColumns(), trailer, warning);
                }
                out.row(row, d, reader.extras());
                if (rows - reportedRows >= METRICS_EVERY) {
                    metrics.batchRows(ok - reportedOk, (rows - ok) - (reportedRows - reportedOk));
                    reportedRows = rows;
                    reportedOk = ok;
                }
            }
            if (out == null) {
                if (problem != null) {
                    int status = (Integer) problem.get("status");
                    throw new ApiException(status, status == 413 ? "payload-too-large" : "invalid-body",
                        status == 413 ? "Payload too large" : "Invalid body", (String) problem.get("detail"), null,
                        ACCEPTED_BODIES);
                }
                out = open(ctx, csvOut, reader.extraColumns(), trailer, warning);
            }
            out.summary(new BatchOutput.Summary(rows, ok, rows - ok, problem == null, problem, to.code(), line.id(),
                Views.dataset(ds.info()), Views.method(), warning.legend()));
            out.close();
        } catch (IOException clientGone) {
            // the client stopped reading (disconnected or timed out); nothing more can be sent to it
            LOG.debug("batch answer not delivered after {} rows: {}", rows, clientGone.toString());
        } finally {
            metrics.batchRows(ok - reportedOk, (rows - ok) - (reportedRows - reportedOk));
        }
    }

    private static BatchOutput open(Context ctx, boolean csv, List<String> columns, boolean trailer,
                                    BatchWarningTime warning) throws IOException {
        ctx.status(200);
        ctx.res().setStatus(200);
        ctx.res().setContentType(csv ? BatchOutput.CSV + "; charset=utf-8; header=present" : BatchOutput.NDJSON);
        OutputStream stream = ctx.res().getOutputStream();
        return csv ? new BatchOutput.Csv(stream, columns, trailer, warning)
            : new BatchOutput.Ndjson(stream, columns, trailer, warning);
    }

    /** Why the rest of the body cannot be read, as a problem: 413 past the size limit, else 400. */
    private Map<String, Object> unreadable(IOException e, PointReader reader) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) {
                return problem(413, "the body is larger than the limit of " + options.batchMaxBodyBytes()
                    + " bytes; the rest was not read");
            }
        }
        if (e instanceof JsonProcessingException j) {
            return problem(400, "the body is not valid JSON at " + reader.position() + ": "
                + brief(j.getOriginalMessage()) + "; the rest was not read");
        }
        return problem(400, "the body could not be read past " + reader.position() + ": "
            + brief(e.getMessage()) + "; the rest was not read");
    }

    /** A parser's message on one line, at most 200 characters. */
    private static String brief(String message) {
        String m = String.valueOf(message).replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** A spool for the body in the temporary directory, or null (read directly) if none can be created there. */
    private static BodySpool spool(InputStream raw) {
        try {
            return new BodySpool(raw, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot spool a batch body in {} ({}); reading it directly: clients must then read the answer"
                + " while they send", System.getProperty("java.io.tmpdir"), e.toString());
            return null;
        }
    }

    /**
     * Jetty reports some read failures (a body over the size limit) as runtime exceptions; this
     * turns them into IOExceptions so that every failed read is handled in one place.
     */
    private static final class ReadFailures extends java.io.FilterInputStream {
        ReadFailures(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private static Map<String, Object> problem(int status, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("detail", detail);
        return m;
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(413, "payload-too-large", "Payload too large", detail, null, null);
    }

    /** True for CSV answers, false for NDJSON (the default); 406 if the client accepts neither. */
    static boolean csvAnswer(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double bestQ = 0;
        Boolean best = null;
        for (MediaRange range : MediaRange.parse(accept)) {
            String type = range.type();
            double q = range.q();
            Boolean csv = switch (type) {
                case BatchOutput.NDJSON, "application/*", "*/*" -> Boolean.FALSE;
                case BatchOutput.CSV, "text/*" -> Boolean.TRUE;
                default -> null;
            };
            if (csv != null && q > bestQ) {
                bestQ = q;
                best = csv;
            }
        }
        if (best == null) {
            throw new ApiException(406, "not-acceptable", "Not acceptable", "the answer is available as "
                + BatchOutput.NDJSON + " or " + BatchOutput.CSV + "; Accept was '" + Params.shorten(accept) + "'",
                null, BatchOutput.NDJSON + ", " + BatchOutput.CSV);
        }
        return best;
    }

    /** True for a CSV body, false for GeoJSON; 415 for anything else. */
    static boolean csvBody(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean csv = type.equals("text/csv");
        if (!csv && !List.of("application/geo+json", "application/json").contains(type)) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type", type.isEmpty()
                ? "a Content-Type is required: " + ACCEPTED_BODIES
                : "Content-Type '" + Params.shorten(type) + "' is not accepted: " + ACCEPTED_BODIES, null, ACCEPTED_BODIES);
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int cs = lower.indexOf("charset=");
        if (cs >= 0) {
            String charset = lower.substring(cs + 8).split(";")[0].trim().replace("\"", "");
            if (!charset.equals("utf-8") && !charset.equals("us-ascii")) {
                throw new ApiException(415, "unsupported-media-type", "Unsupported media type", "charset '"
                    + Params.shorten(charset) + "' is not accepted: send UTF-8", null, ACCEPTED_BODIES);
            }
        }
        return csv;
    }
}
