package io.borderline.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates query parameters. Every failure is an {@link ApiException} naming the
 * parameter and what it accepts; unknown and repeated parameters are refused too, so a typo
 * such as {@code lng=} is an error rather than a silently ignored value.
 */
final class Params {
    static final int MAX_VALUE_LENGTH = 200;

    // name -> values as given (query parameters, or the inputs of a process execution)
    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** These parameters as if {@code name=value} had been given, unless it was (the deck's default source and drone). */
    Params withDefault(String name, String value) {
        if (values.containsKey(name) && !values.get(name).isEmpty()) {
            return this;
        }
        Map<String, List<String>> d = new java.util.LinkedHashMap<>(values);
        d.put(name, List.of(value));
        return new Params(d);
    }

    static Params of(Context ctx, Set<String> allowed) {
        return of(ctx, allowed, Set.of());
    }

    /** As {@link #of(Context, Set)}, but the {@code lists} parameters may repeat. */
    static Params of(Context ctx, Set<String> allowed, Set<String> lists) {
        return of(ctx.queryParamMap(), allowed, lists);
    }

    /**
     * As {@link #of(Context, Set, Set)} over named values that are not query parameters (the inputs of a
     * process execution, as strings), so they are validated exactly as the same query parameters.
     */
    static Params of(Map<String, List<String>> given, Set<String> allowed, Set<String> lists) {
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw ApiException.badParameter(shorten(name), "unknown query parameter '" + shorten(name) + "'",
                    String.join(", ", allowed.stream().sorted().toList()));
            }
            if (e.getValue().size() > 1 && !lists.contains(name)) {
                throw ApiException.badParameter(name, "parameter '" + name + "' is given more than once", "one value");
            }
            for (String v : e.getValue()) {
                if (v != null && v.length() > MAX_VALUE_LENGTH) {
                    throw ApiException.badParameter(name, "parameter '" + name + "' is longer than "
                        + MAX_VALUE_LENGTH + " characters", "at most " + MAX_VALUE_LENGTH + " characters");
                }
            }
        }
        return new Params(given);
    }

    /** The value, or null if the parameter is absent; an empty value is an error. */
    String optional(String name) {
        List<String> all = values.get(name);
        String v = all == null || all.isEmpty() ? null : all.get(0);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is empty", "a non-empty value");
        }
        return v.trim();
    }

    String required(String name, String allowed) {
        String v = optional(name);
        if (v == null) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is required", allowed);
        }
        return v;
    }

    /** Every value of a list parameter: repeated, comma-separated, or both; empty if absent. */
    List<String> list(String name, int max) {
        List<String> out = new java.util.ArrayList<>();
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.split(",", -1)) {
                if (part.isBlank()) {
                    throw ApiException.badParameter(name, "parameter '" + name + "' has an empty item", "non-empty items");
                }
                out.add(part.trim());
            }
        }
        if (out.size() > max) {
            throw ApiException.badParameter(name, "parameter '" + name + "' has " + out.size() + " items, more than "
                + max, "at most " + max + " items");
        }
        return out;
    }

    /** The dataset id (default {@link io.borderline.data.BorderlineData#DEFAULT_DATASET}); unknown ids are a 400. */
    String datasetId() {
        String id = optional("dataset");
        if (id == null) {
            return io.borderline.data.BorderlineData.DEFAULT_DATASET;
        }
        if (!io.borderline.data.BorderlineData.DATASETS.contains(id)) {
            throw ApiException.badParameter("dataset", "parameter 'dataset': unknown dataset '" + shorten(id) + "'",
                String.join(", ", io.borderline.data.BorderlineData.DATASETS));
        }
        return id;
    }

    /** The optional {@code border} parameter: "political" (default) or "land". */
    static io.borderline.data.BorderLine borderLine(Params p) {
        return borderLine(p, "border");
    }

    /** An optional border-line parameter ({@code border}, or {@code border_line} where {@code border} names ids). */
    static io.borderline.data.BorderLine borderLine(Params p, String name) {
        String v = p.optional(name);
        if (v == null) {
            return io.borderline.data.BorderLine.DEFAULT;
        }
        return io.borderline.data.BorderLine.parse(v).orElseThrow(() -> ApiException.badParameter(name,
            "parameter '" + name + "': unknown border line '" + shorten(v) + "'", "political (default), land"));
    }

    /** {@code value} of parameter {@code name} as a country code; unknown codes are a 400 pointing to /countries. */
    static io.borderline.data.CountryCode country(String name, String value) {
        return io.borderline.data.CountryCode.parse(value).orElseThrow(() -> ApiException.badParameter(name,
            "parameter '" + name + "': unknown country '" + shorten(value) + "'; GET /countries lists every code",
            io.borderline.data.CountryCode.allowed()));
    }

    boolean has(String name) {
        List<String> all = values.get(name);
        return all != null && !all.isEmpty() && all.get(0) != null;
    }

    /** An optional whole number in [min, max], {@code fallback} when absent. */
    long integer(String name, long min, long max, long fallback) {
        String raw = optional(name);
        if (raw == null) {
            return fallback;
        }
        String range = "a whole number from " + min + " to " + max;
        if (!raw.matches("\\+?\\d{1,18}")) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is not a whole number: '" + shorten(raw)
                + "'", range);
        }
        long v = Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
        if (v < min || v > max) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is " + v + ", outside " + min + " to " + max,
                range);
        }
        return v;
    }

    /** A finite decimal number in [min, max]. */
    double number(String name, double min, double max) {
        String range = "a number from " + fmt(min) + " to " + fmt(max);
        return parseNumber(name, required(name, range), min, max);
    }

    static double parseNumber(String name, String raw, double min, double max) {
        String range = "a number from " + fmt(min) + " to " + fmt(max);
        double d;
        try {
            if (!raw.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            d = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is not a decimal number: '"
                + shorten(raw) + "'", range);
        }
        if (!(d >= min && d <= max)) {
            throw ApiException.badParameter(name, "parameter '" + name + "' is " + shorten(raw) + ", outside "
                + fmt(min) + " to " + fmt(max), range);
        }
        return d;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
