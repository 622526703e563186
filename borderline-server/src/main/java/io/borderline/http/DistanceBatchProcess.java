package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.DistanceService;
import io.borderline.coverage.Cancellation;
import io.borderline.data.BorderLine;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.json.Json;
import io.borderline.points.BatchOutput;
import io.borderline.points.BatchRow;
import io.borderline.points.GeoJsonPoints;
import io.borderline.points.InvalidPointsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The process {@code distance-batch}: the points of a GeoJSON input, each measured as {@code POST
 * /distance/batch} measures it (the same reader, {@link GeoJsonPoints}, the same rows, {@link
 * DistanceService#toCountry}), answered as a GeoJSON FeatureCollection ({@link BatchOutput.GeoJson}). Unlike the
 * streamed batch, the answer is held in memory (a job keeps it), so an execution takes at most {@link
 * #MAX_POINTS} points; it runs through the batch gate with the coverage deadline, and stops within one point
 * when cancelled.
 */
final class DistanceBatchProcess extends DescribedProcess {
    static final String ID = "distance-batch";
    /** Most points in one execution (documented limit); POST /distance/batch streams more. */
    static final int MAX_POINTS = 10_000;
    private static final Set<String> INPUTS = Set.of("points", "to", "dataset");

    private final BorderlineData data;
    private final DistanceService distances;
    private final ComputeGate gate;
    private final long deadlineSeconds;

    DistanceBatchProcess(BorderlineData data, DistanceService distances, ComputeGate gate, long deadlineSeconds) {
        super(ID);
        this.data = data;
        this.distances = distances;
        this.gate = gate;
        this.deadlineSeconds = deadlineSeconds;
    }

    @Override
    public LongFunction<byte[]> prepare(JsonNode inputs) {
        Params p = Params.of(Process.values(ID, inputs, INPUTS, Set.of("points")), INPUTS, Set.of());
        Dataset ds = data.dataset(p.datasetId());
        CountryCode to = BorderlineApi.drawn(ds, Params.country("to", p.required("to", CountryCode.allowed())), "to");
        byte[] points = points(inputs);
        return waitMillis -> gate.runWithin(deadlineSeconds, waitMillis, () -> measure(points, ds, to));
    }

    /** The points input as bytes, after checking its shape and size (so a bad one is a 400 before any work). */
    private static byte[] points(JsonNode inputs) {
        JsonNode v = inputs == null || !inputs.isObject() || !inputs.has("points") ? null
            : Process.unwrap("points", inputs.get("points"));
        String allowed = "a GeoJSON FeatureCollection of Point features or a MultiPoint, at most " + MAX_POINTS
            + " points";
        if (v == null || !v.isObject()) {
            throw ApiException.badParameter("points", v == null ? "input 'points' is required"
                : "input 'points' must be a GeoJSON object", allowed);
        }
        JsonNode items = v.has("features") ? v.get("features") : v.get("coordinates");
        if (items != null && items.size() > MAX_POINTS) {
            throw ApiException.badParameter("points", "input 'points' has " + items.size() + " points, more than "
                + MAX_POINTS + " (POST /distance/batch streams any number)", allowed);
        }
        byte[] bytes = Json.write(v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (GeoJsonPoints reader = new GeoJsonPoints(new ByteArrayInputStream(bytes))) {
            reader.start();
        } catch (IOException | InvalidPointsException e) {
            throw ApiException.badParameter("points", "input 'points': " + e.getMessage(), allowed);
        }
        return bytes;
    }

    private byte[] measure(byte[] points, Dataset ds, CountryCode to) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long rows = 0;
        long ok = 0;
        try (GeoJsonPoints reader = new GeoJsonPoints(new ByteArrayInputStream(points))) {
            reader.start();
            BatchOutput out = new BatchOutput.GeoJson(buffer, List.of());
            BatchRow row;
            while ((row = reader.next()) != null) {
                Cancellation.check();
                rows++;
                CountryDistance d = null;
                if (row.ok()) {
                    d = distances.toCountry(ds, row.lat(), row.lon(), to);
                    ok++;
                }
                out.row(row, d, reader.extras());
            }
            out.summary(new BatchOutput.Summary(rows, ok, rows - ok, true, null, to.code(), BorderLine.DEFAULT.id(),
                Views.dataset(ds.info()), Views.method()));
            out.close();
        } catch (InvalidPointsException e) {
            throw ApiException.badParameter("points", "input 'points': " + e.getMessage(), "valid GeoJSON points");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
