package io.borderline.points;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.borderline.analysis.BorderDistance;
import io.borderline.analysis.CountryDistance;
import io.borderline.geodesy.LatLon;
import io.borderline.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the answer of {@code POST /distance/batch} row by row, as newline-delimited JSON or CSV,
 * straight to the response stream (nothing is collected). Input columns other than lat, lon and id
 * are echoed with every row. With a trailer (the default) the last record is a summary; without
 * one ({@code summary=none}) a complete answer is only its rows, and an incomplete one ends with a
 * row whose {@code index} is empty and whose {@code error} says why.
 */
public abstract class BatchOutput implements AutoCloseable {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    /** Prefix given to an echoed input column whose name is also an output column. */
    public static final String INPUT_PREFIX = "input_";

    /**
     * The summary closing every answer: counts, whether the whole body was read, and why not; with warning times,
     * what they mean and the speeds (with their sources) they were computed from, else no {@code warning_time}.
     */
    public record Summary(long rows, long ok, long errors, boolean complete, Map<String, Object> problem, String to,
                   @com.fasterxml.jackson.annotation.JsonProperty("border_line") String borderLine,
                   Map<String, Object> dataset, Map<String, Object> method,
                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                   BatchWarningTime.Legend warningTime) {

        /** A summary without warning times. */
        public Summary(long rows, long ok, long errors, boolean complete, Map<String, Object> problem, String to,
                       String borderLine, Map<String, Object> dataset, Map<String, Object> method) {
            this(rows, ok, errors, complete, problem, to, borderLine, dataset, method, null);
        }
    }

    /** One row: its distance, or (when {@code d} is null) its error, and its echoed input columns. */
    public abstract void row(BatchRow row, CountryDistance d, List<String> extras) throws IOException;

    /** The summary trailer, or (without a trailer) the incompleteness row if the answer is incomplete. */
    public abstract void summary(Summary s) throws IOException;

    /** The echoed column names, renamed where they would repeat an output column. */
    static List<String> echoed(List<String> names, String header) {
        java.util.Set<String> taken = new java.util.HashSet<>(List.of(header.split(",")));
        List<String> out = new java.util.ArrayList<>();
        for (String n : names) {
            String name = n;
            while (taken.contains(name)) {
                name = INPUT_PREFIX + name;
            }
            taken.add(name);
            out.add(name);
        }
        return out;
    }

    static String incomplete(Summary s) {
        return "incomplete: " + (s.problem() == null ? "" : String.valueOf(s.problem().get("detail")))
            .replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public abstract void close() throws IOException;

    /** The keys of one answer row (as NDJSON writes it): index, id, echoed columns, then the distance or the error. */
    static Map<String, Object> fields(BatchRow row, CountryDistance d, List<String> columns, List<String> extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", row.index());
        m.put("id", row.id());
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), i < extras.size() ? extras.get(i) : "");
        }
        if (d == null) {
            m.put("error", row.error());
        } else {
            m.put("lat", row.lat());
            m.put("lon", row.lon());
            m.put("inside", d.inside());
            m.put("in_states", d.inStates());
            m.put("distance_m", d.distanceM());
            m.put("distance_km", km(d));
            m.put("nearest_point", d.nearestPoint());
            m.put("bearing_deg", d.bearingDeg());
            m.put("nearest_point_on_window_edge", d.nearestPointOnWindowEdge());
            m.put("border", d.border());
        }
        return m;
    }

    /** Plain decimal notation (no exponent), empty for null. */
    static String num(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public static double km(CountryDistance d) {
        return Math.round(d.distanceM()) / 1000.0;
    }

    /** One JSON object per line; the last line is {@code {"summary": {...}}}. */
    public static final class Ndjson extends BatchOutput {
        private static final ObjectWriter WRITER = Json.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        static final String KEYS = "index,id,error,lat,lon,inside,in_states,distance_m,distance_km,"
            + "nearest_point,bearing_deg,nearest_point_on_window_edge,border";
        private final JsonGenerator gen;
        private final List<String> columns;
        private final boolean trailer;
        private final BatchWarningTime warning;

        public Ndjson(OutputStream out) throws IOException {
            this(out, List.of(), true, BatchWarningTime.OFF);
        }

        /**
         * Echoes the input {@code columns} as top-level keys; {@code trailer} false leaves the summary out;
         * {@code warning} adds a {@code warning_time} object to every answered row (unless it is off).
         */
        public Ndjson(OutputStream out, List<String> columns, boolean trailer, BatchWarningTime warning)
            throws IOException {
            this.gen = Json.MAPPER.getFactory().createGenerator(out);
            gen.setRootValueSeparator(null); // lines are separated by the newline written after each
            this.columns = echoed(columns, warning.on() ? KEYS + ",warning_time" : KEYS);
            this.trailer = trailer;
            this.warning = warning;
        }

        @Override
        public void row(BatchRow row, CountryDistance d, List<String> extras) throws IOException {
            Map<String, Object> m = fields(row, d, columns, extras);
            if (d != null && warning.on()) {
                m.put("warning_time", warning.row(d));
            }
            WRITER.writeValue(gen, m);
            gen.writeRaw('\n');
        }

        @Override
        public void summary(Summary s) throws IOException {
            if (trailer) {
                WRITER.writeValue(gen, Map.of("summary", s));
                gen.writeRaw('\n');
            } else if (!s.complete()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", null);
                m.put("error", incomplete(s));
                WRITER.writeValue(gen, m);
                gen.writeRaw('\n');
            }
        }

        @Override
        public void close() throws IOException {
            gen.close();
        }
    }

    /**
     * A GeoJSON FeatureCollection (RFC 7946): one Point feature per row, whose properties are the NDJSON row's
     * keys (an error row has a null geometry and its error), and the summary as the collection's foreign member
     * {@code summary}. Written as rows come, like the others.
     */
    public static final class GeoJson extends BatchOutput {
        private static final ObjectWriter WRITER = Json.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        private final JsonGenerator gen;
        private final List<String> columns;

        /** Echoes the input {@code columns} as properties. */
        public GeoJson(OutputStream out, List<String> columns) throws IOException {
            this.gen = Json.MAPPER.getFactory().createGenerator(out);
            this.columns = echoed(columns, Ndjson.KEYS);
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeArrayFieldStart("features");
        }

        @Override
        public void row(BatchRow row, CountryDistance d, List<String> extras) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("type", "Feature");
            if (row.id() != null) {
                gen.writeFieldName("id");
                WRITER.writeValue(gen, row.id());
            }
            gen.writeFieldName("geometry");
            if (d == null) {
                gen.writeNull();
            } else {
                gen.writeStartObject();
                gen.writeStringField("type", "Point");
                gen.writeArrayFieldStart("coordinates");
                gen.writeNumber(row.lon());
                gen.writeNumber(row.lat());
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeFieldName("properties");
            WRITER.writeValue(gen, fields(row, d, columns, extras));
            gen.writeEndObject();
        }

        @Override
        public void summary(Summary s) throws IOException {
            gen.writeEndArray();
            gen.writeFieldName("summary");
            WRITER.writeValue(gen, s);
        }

        @Override
        public void close() throws IOException {
            gen.writeEndObject();
            gen.close();
        }
    }

    /**
     * A header row, one row per input row (error rows carry only index, id, the echoed columns and
     * error), and {@code #}-prefixed summary lines at the end unless the trailer is off.
     */
    public static final class Csv extends BatchOutput {
        public static final String HEADER = "index,id,lat,lon,inside,in_states,distance_m,distance_km,nearest_lat,nearest_lon,"
            + "bearing_deg,nearest_point_on_window_edge,border_id,border_distance_m,border_nearest_lat,"
            + "border_nearest_lon,border_bearing_deg,border_segment_kind,error";
        private final Writer out;
        private final int extraCount;
        private final boolean trailer;
        private final BatchWarningTime warning;
        private final String emptyWarning;

        public Csv(OutputStream stream) throws IOException {
            this(stream, List.of(), true, BatchWarningTime.OFF);
        }

        /**
         * Echoes the input {@code columns} after {@code error} (and after the warning-time columns when
         * {@code warning} is on); {@code trailer} false leaves the # lines out.
         */
        public Csv(OutputStream stream, List<String> columns, boolean trailer, BatchWarningTime warning)
            throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
            this.extraCount = columns.size();
            this.trailer = trailer;
            this.warning = warning;
            this.emptyWarning = ",".repeat(warning.csvColumns().size());
            String header = HEADER + warning.csvColumns().stream().map(c -> "," + c).reduce("", String::concat);
            out.write(header);
            for (String c : echoed(columns, header)) {
                out.write(',');
                out.write(quote(c));
            }
            out.write('\n');
        }

        @Override
        public void row(BatchRow row, CountryDistance d, List<String> extras) throws IOException {
            StringBuilder b = new StringBuilder(256);
            b.append(row.index()).append(',').append(quote(row.id() == null ? "" : row.id().toString())).append(',');
            if (d == null) {
                b.append(",".repeat(16)).append(quote(row.error())).append(emptyWarning);
            } else {
                LatLon n = d.nearestPoint();
                BorderDistance bd = d.border();
                b.append(num(row.lat())).append(',').append(num(row.lon())).append(',')
                    .append(d.inside()).append(',').append(String.join(";", d.inStates())).append(',')
                    .append(num(d.distanceM())).append(',').append(num(km(d))).append(',')
                    .append(n == null ? "" : num(n.lat())).append(',').append(n == null ? "" : num(n.lon())).append(',')
                    .append(num(d.bearingDeg())).append(',').append(d.nearestPointOnWindowEdge()).append(',');
                if (bd == null) {
                    b.append(",,,,,");
                } else {
                    b.append(bd.borderId()).append(',').append(num(bd.distanceM())).append(',')
                        .append(num(bd.nearestPoint().lat())).append(',').append(num(bd.nearestPoint().lon())).append(',')
                        .append(num(bd.bearingDeg())).append(',').append(bd.segmentKind() == null ? "" : bd.segmentKind());
                }
                b.append(',');
                if (warning.on()) {
                    for (String cell : warning.csvCells(d)) {
                        b.append(',').append(quote(cell));
                    }
                }
            }
            for (int i = 0; i < extraCount; i++) {
                b.append(',').append(quote(i < extras.size() ? extras.get(i) : ""));
            }
            b.append('\n');
            out.write(b.toString());
        }

        @Override
        public void summary(Summary s) throws IOException {
            if (!trailer) {
                if (!s.complete()) {
                    out.write(",," + ",".repeat(16) + quote(incomplete(s)) + emptyWarning + ",".repeat(extraCount)
                        + "\n");
                }
                return;
            }
            out.write("#summary rows=" + s.rows() + " ok=" + s.ok() + " errors=" + s.errors() + " complete="
                + s.complete() + " to=" + s.to() + " border_line=" + s.borderLine() + " dataset=" + s.dataset().get("id")
                + "\n");
            if (s.problem() != null) {
                out.write("#problem status=" + s.problem().get("status") + " " + oneLine(s.problem().get("detail")) + "\n");
            }
            out.write("#attribution " + oneLine(s.dataset().get("attribution")) + "\n");
            if (s.warningTime() != null) {
                out.write("#warning_time basis=" + s.warningTime().basis() + " " + oneLine(s.warningTime().note()) + "\n");
                for (BatchWarningTime.Speeds sp : s.warningTime().drones()) {
                    out.write("#warning_time drone=" + sp.drone() + " range_km=" + num(sp.rangeKm())
                        + " cruise_speed_kmh=" + num(sp.cruiseSpeedKmh()) + " max_speed_kmh=" + num(sp.maxSpeedKmh())
                        + " cruise_speed_source=" + oneLine(sp.cruiseSpeedSource()) + " max_speed_source="
                        + oneLine(sp.maxSpeedSource()) + "\n");
                }
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private static String oneLine(Object o) {
            return String.valueOf(o).replaceAll("[\\r\\n]+", " ");
        }


        private static String quote(String s) {
            if (s.isEmpty()) {
                return s;
            }
            boolean needs = false;
            for (int i = 0; i < s.length() && !needs; i++) {
                char c = s.charAt(i);
                needs = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
        }
    }
}
