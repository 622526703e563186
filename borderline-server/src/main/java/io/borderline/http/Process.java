package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One process of OGC API - Processes: its description (an OGC Process Description, JSON, read from
 * {@code /processes/ID.json} on the class path) and how it turns validated inputs into its one output.
 * Implementations validate everything in {@link #prepare} (bad inputs are 400 problems before any work
 * starts or any job is created) and compute in the returned function, through the server's compute gates.
 */
interface Process {
    String id();

    /** The OGC Process Description (without links). */
    ObjectNode description();

    /** The id of the one output. */
    default String outputId() {
        return description().get("outputs").fieldNames().next();
    }

    /** The media type of the output. */
    default String outputMediaType() {
        return BorderlineApi.GEOJSON;
    }

    /**
     * Validates the inputs and returns the computation: given how long it may wait for a compute slot, in
     * milliseconds, it returns the output's bytes (or throws the {@link ApiException} a request would get).
     */
    LongFunction<byte[]> prepare(JsonNode inputs);

    /** The description resource of process {@code id}. */
    static ObjectNode load(String id) {
        try (InputStream in = Process.class.getResourceAsStream("/processes/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("/processes/" + id + ".json missing from the build");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The inputs of an execute request as named string values, so that they are validated exactly as the query
     * parameters of the same names: a string or number is one value, an array several; a qualified value
     * ({@code {"value": ...}}) counts as its value. Unknown inputs, inputs by reference ({@code href}), and
     * values that are neither strings nor numbers are 400 problems naming the input.
     *
     * @param skip inputs the process reads itself (not as strings)
     */
    static Map<String, List<String>> values(String process, JsonNode inputs, Set<String> known, Set<String> skip) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (inputs == null || inputs.isNull()) {
            return out;
        }
        if (!inputs.isObject()) {
            throw new ApiException(400, "invalid-body", "Invalid body", "'inputs' must be an object of input values",
                null, "an object whose members are the inputs of GET /processes/" + process);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!known.contains(name)) {
                throw ApiException.badParameter(Params.shorten(name), "unknown input '" + Params.shorten(name)
                    + "' of process '" + process + "'", String.join(", ", known.stream().sorted().toList()));
            }
            if (skip.contains(name)) {
                continue;
            }
            JsonNode v = unwrap(name, e.getValue());
            List<String> strings = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode item : v) {
                    strings.add(scalar(name, item));
                }
                if (strings.isEmpty()) {
                    throw ApiException.badParameter(name, "input '" + name + "' is an empty array", "one value or more");
                }
            } else {
                strings.add(scalar(name, v));
            }
            out.put(name, strings);
        }
        return out;
    }

    /** The value of a qualified input value ({@code {"value": ...}}); refuses inputs by reference. */
    static JsonNode unwrap(String name, JsonNode v) {
        if (v.isObject() && v.has("href")) {
            throw ApiException.badParameter(name, "input '" + name + "' is given by reference; this server takes"
                + " input values inline only", "the value itself, or {\"value\": ...}");
        }
        if (v.isObject() && v.has("value")) {
            return v.get("value");
        }
        return v;
    }

    private static String scalar(String name, JsonNode v) {
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        throw ApiException.badParameter(name, "input '" + name + "' must be a string or a number (or an array of"
            + " them), got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT), "see GET /processes/"
            + "{processId} for each input's schema");
    }
}
