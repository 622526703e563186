package io.borderline.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.json.Json;
import io.borderline.points.BatchRow;
import io.borderline.points.GeoJsonPoints;
import io.borderline.projection.OutputCrs;
import io.borderline.userdata.GeoJsonTargets;
import io.borderline.userdata.UserDistance;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import io.borderline.userdata.UserTarget;
import io.borderline.userdata.UserTargets;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Geometries the user brings: {@code POST /distance} (points to a GeoJSON target), {@code POST
 * /coverage} and {@code POST /coverage/stats} (a GeoJSON source; the maps and the deck take it too, in
 * {@link MapsApi#postRoutes}), and {@code GET /layers} (the
 * named layers loaded at start-up). Bodies are read into memory up to {@link #MAX_BODY_BYTES} and
 * never written to disk; the geometry work (validation, repair, index, cache) is in
 * {@code io.borderline.userdata}.
 */
final class UserGeometryApi {
    /** Largest body of the user-geometry routes, bytes (documented limit). */
    static final int MAX_BODY_BYTES = 16 << 20;
    /** Most points one {@code POST /distance} may measure (documented limit). */
    static final int MAX_POINTS = 10_000;
    static final String ACCEPTED = "application/json or application/geo+json";
    static final String NOTE = "The target is user-supplied: Borderline measured it as sent (after the reported"
        + " repair) and vouches for the computation, not for the geometry.";
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
        .build());

    private final UserTargets targets;
    private final UserLayers layers;
    private final CoverageApi coverage;

    UserGeometryApi(UserTargets targets, UserLayers layers, CoverageApi coverage) {
        this.targets = targets;
        this.layers = layers;
        this.coverage = coverage;
    }

    Map<String, Handler> postRoutes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/distance", this::distance);
        r.put("/coverage", ctx -> coverage(ctx, false));
        r.put("/coverage/stats", ctx -> coverage(ctx, true));
        return r;
    }

    Map<String, Handler> routes() {
        return Map.of("/layers", this::layers);
    }

    private void distance(Context ctx) throws IOException {
        Params.of(ctx, Set.of());
        JsonNode body = body(ctx, Set.of("target", "points", "crs"), List.of("target", "points"));
        UserTarget target = target(body, "target");
        List<Object> results = new ArrayList<>();
        long ok = 0;
        try (GeoJsonPoints points = new GeoJsonPoints(new ByteArrayInputStream(READER.writeValueAsBytes(body.get("points"))))) {
            points.start();
            BatchRow row;
            while ((row = points.next()) != null) {
                if (results.size() == MAX_POINTS) {
                    throw new ApiException(413, "payload-too-large", "Payload too large", "'points' has more than "
                        + MAX_POINTS + " points (the limit of POST /distance)", null, "at most " + MAX_POINTS + " points");
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", row.index());
                m.put("id", row.id());
                if (row.ok()) {
                    UserDistance d = target.measure(row.lat(), row.lon());
                    m.putAll(Json.MAPPER.convertValue(d, Map.class));
                    m.put("distance_km", Math.round(d.distanceM()) / 1000.0);
                    ok++;
                } else {
                    m.put("error", row.error());
                }
                results.add(m);
            }
        } catch (io.borderline.points.InvalidPointsException e) {
            throw new ApiException(400, "invalid-body", "Invalid body", "'points': " + e.getMessage(), null,
                "'points': a FeatureCollection of Point features, or a MultiPoint");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target.describe());
        m.put("results", results);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", results.size());
        summary.put("ok", ok);
        summary.put("errors", results.size() - ok);
        m.put("summary", summary);
        m.put("method", Views.method());
        m.put("note", NOTE);
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void coverage(Context ctx, boolean stats) throws IOException {
        Set<String> allowed = stats ? CoverageApi.BODY_SOURCE_PARAMS : CoverageApi.BODY_SOURCE_PARAMS_WITH_F;
        CoverageApi.Query q = coverage.query(ctx, allowed);
        UserTarget target = postedSource(ctx);
        var source = target.source("user", target.sha256());
        if (q.beyond() && !target.hasAreas()) {
            throw ApiException.badParameter("mode", "mode=beyond needs an area source; this source is lines",
                "full (for line sources)");
        }
        var req = q.request("user", List.of(target.sha256()));
        var result = coverage.result(req, source);
        Map<String, Object> user = target.describe();
        if (stats) {
            coverage.writeStats(ctx, req, result, "user_source", user);
        } else {
            coverage.writeGeoJson(ctx, allowed, req, result, "user_source", user);
        }
    }

    /**
     * The body's {@code source} as {@code POST /coverage} takes it ({@code {"source": <GeoJSON>, "crs": <optional>}}):
     * checked (415, 413, 400 naming the member or feature), repaired and indexed in memory, never written to disk.
     * Also the source of {@code POST /maps/coverage.png|svg} and {@code POST /briefing.pptx}.
     */
    UserTarget postedSource(Context ctx) throws IOException {
        JsonNode body = body(ctx, Set.of("source", "crs"), List.of("source"));
        return target(body, "source");
    }

    private void layers(Context ctx) {
        Params.of(ctx, Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers.all().stream().map(UserLayer::describe).toList());
        m.put("note", "User-supplied layers read from the folder given with --layers (BORDERLINE_LAYERS) at start-up;"
            + " not part of Borderline's checksummed data. Use them as to=layer:NAME (GET /distance) and"
            + " from=layer:NAME (GET /coverage); each is also the OGC API collection layer-NAME.");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /** The indexed target in member {@code name}, in the body's declared {@code crs} if any. */
    private UserTarget target(JsonNode body, String name) {
        OutputCrs crs = body.hasNonNull("crs") ? GeoJsonTargets.parseCrs(body.get("crs").asText()) : null;
        try {
            return targets.index(GeoJsonTargets.read(body.get(name), crs, targets.limits(), targets.factory()));
        } catch (io.borderline.userdata.UserGeometryException e) {
            throw new io.borderline.userdata.UserGeometryException(e.status(), "'" + name + "': " + e.getMessage(),
                e.allowed());
        }
    }

    /** The JSON body: a content type we read, within the size limit, an object with exactly the known members. */
    static JsonNode body(Context ctx, Set<String> members, List<String> required) throws IOException {
        BatchApi.csvBody(ctx.header("Content-Type")); // 415 for anything but JSON or CSV
        String type = ctx.header("Content-Type").split(";")[0].trim();
        if (type.equalsIgnoreCase("text/csv")) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                "this route takes a JSON body, not CSV", null, ACCEPTED);
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(declared + " bytes");
        }
        byte[] bytes = read(ctx.req().getInputStream());
        JsonNode body;
        try {
            body = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
            throw new ApiException(400, "invalid-body", "Invalid body", "the body is not valid JSON" + where + ": "
                + Params.shorten(e.getOriginalMessage()), null, ACCEPTED);
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "invalid-body", "Invalid body", "the body is not a JSON object with "
                + required, null, "an object with members " + members);
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!members.contains(name)) {
                throw new ApiException(400, "invalid-body", "Invalid body", "unknown member '" + Params.shorten(name)
                    + "' in the body", null, "members " + members);
            }
        }
        for (String r : required) {
            if (!body.hasNonNull(r)) {
                throw new ApiException(400, "invalid-body", "Invalid body", "the body has no '" + r + "' member",
                    null, "members " + members);
            }
        }
        if (body.has("crs") && !body.get("crs").isTextual()) {
            throw new ApiException(400, "invalid-body", "Invalid body", "'crs' must be a CRS URI string", null,
                String.join(", ", OutputCrs.uris()));
        }
        return body;
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    throw tooLarge("more than " + MAX_BODY_BYTES + " bytes");
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof ApiException) {
                throw e;
            }
            throw new IOException(e.getMessage(), e); // Jetty reports an over-long body this way
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String size) {
        return new ApiException(413, "payload-too-large", "Payload too large", "the body is " + size
            + ", over the limit of " + MAX_BODY_BYTES + " bytes for geometry bodies", null,
            "at most " + MAX_BODY_BYTES + " bytes");
    }
}
