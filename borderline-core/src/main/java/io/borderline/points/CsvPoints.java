package io.borderline.points;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Streams the points of a CSV body (RFC 4180, UTF-8, comma-separated), one record per line. The
 * first non-blank line is the header: it names a {@code lat} (or {@code latitude}) and a
 * {@code lon} (or {@code lng}, {@code longitude}) column, optionally an {@code id} column;
 * other columns are ignored. Fields may be quoted ({@code "a, b"}, {@code ""} for a quote) but a
 * record may not span lines. Blank lines are skipped; they are not rows.
 *
 * <p>Per-row errors: a line that cannot be split (an unterminated quote, text after a closing
 * quote), a field count different from the header's, a coordinate that is not a decimal number
 * (NaN, Infinity and hexadecimal are refused) or out of range, a line that is not UTF-8 or longer
 * than {@link #MAX_LINE_BYTES}. One bad line never affects another.
 */
public final class CsvPoints implements PointReader {
    /** Longest line read, bytes; a longer line is one bad row and reading goes on at the next line. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;
    private long index;
    private int columns;
    private int latColumn = -1;
    private int lonColumn = -1;
    private int idColumn = -1;
    private final List<Integer> extraIndex = new java.util.ArrayList<>();
    private final List<String> extraNames = new java.util.ArrayList<>();
    private List<String> lastExtras = List.of();

    public CsvPoints(InputStream body) {
        this.in = body;
    }

    @Override
    public void start() throws IOException {
        Line header;
        do {
            header = readLine();
            if (header == null) {
                throw bad("the body is empty: a CSV header naming lat and lon columns is required");
            }
        } while (header.text != null && header.text.isBlank());
        if (header.error != null) {
            throw bad("the CSV header cannot be read: " + header.error);
        }
        String text = header.text.startsWith("\uFEFF") ? header.text.substring(1) : header.text;
        List<String> names = split(text);
        if (names == null) {
            throw bad("the CSV header has an unterminated quoted field");
        }
        columns = names.size();
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c).trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "lat", "latitude" -> latColumn = column(latColumn, c, "lat");
                case "lon", "lng", "long", "longitude" -> lonColumn = column(lonColumn, c, "lon");
                case "id" -> idColumn = column(idColumn, c, "id");
                default -> {
                    extraIndex.add(c);
                    extraNames.add(names.get(c).trim());
                }
            }
        }
        if (latColumn < 0 || lonColumn < 0) {
            throw bad("the CSV header must name a lat and a lon column; it has "
                + Texts.shorten(String.join(",", names)));
        }
    }

    private int column(int existing, int c, String name) {
        if (existing >= 0) {
            throw bad("the CSV header names the " + name + " column twice");
        }
        return c;
    }

    @Override
    public BatchRow next() throws IOException {
        Line line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.text != null && line.text.isBlank());
        long i = index++;
        String where = "line " + lineNumber;
        lastExtras = java.util.Collections.nCopies(extraIndex.size(), "");
        if (line.error != null) {
            return BatchRow.failed(i, null, where + ": " + line.error);
        }
        List<String> fields = split(line.text);
        if (fields == null) {
            return BatchRow.failed(i, null, "unparsable CSV " + where + ": an unterminated quoted field, or text"
                + " after a closing quote");
        }
        String id = idColumn >= 0 && idColumn < fields.size() ? fields.get(idColumn) : null;
        if (BatchRow.checkId(id) != null) {
            return BatchRow.failed(i, null, where + ": " + BatchRow.checkId(id));
        }
        if (fields.size() != columns) {
            return BatchRow.failed(i, id, "unparsable CSV " + where + ": " + fields.size() + " fields, the header has "
                + columns);
        }
        List<String> extras = new java.util.ArrayList<>(extraIndex.size());
        for (int c : extraIndex) {
            extras.add(fields.get(c));
        }
        lastExtras = extras;
        String lat = fields.get(latColumn).trim();
        String lon = fields.get(lonColumn).trim();
        String bad = number("lat", lat);
        if (bad == null) {
            bad = number("lon", lon);
        }
        if (bad != null) {
            return BatchRow.failed(i, id, where + ": " + bad);
        }
        BatchRow row = BatchRow.point(i, id, Double.parseDouble(lat), Double.parseDouble(lon));
        return row.ok() ? row : BatchRow.failed(i, id, where + ": " + row.error());
    }

    private static String number(String name, String raw) {
        if (raw.isEmpty()) {
            return name + " is empty";
        }
        if (!DECIMAL.matcher(raw).matches()) {
            return name + " is not a decimal number: '" + Texts.shorten(raw) + "'";
        }
        return null;
    }

    /** RFC 4180 fields of one line; null if the quoting is broken. */
    @Override
    public List<String> extraColumns() {
        return List.copyOf(extraNames);
    }

    @Override
    public List<String> extras() {
        return lastExtras;
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(ch);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    return null;
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        return null;
                    }
                    field.append(ch);
                }
            }
            out.add(field.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }

    private record Line(String text, String error) {}

    /** The next line without its terminator (LF or CRLF), or null at the end of the body. */
    private Line readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            if (!tooLong) {
                if (line.size() + (pos - start) > MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    line.write(buf, start, pos - start);
                }
            }
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(null, "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return new Line(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(null, "the line is not UTF-8");
        }
    }

    private InvalidPointsException bad(String detail) {
        return new InvalidPointsException(detail,
            "CSV (UTF-8, comma-separated) with a header naming lat and lon columns and optionally id");
    }

    @Override
    public String position() {
        return "line " + lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
