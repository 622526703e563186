package io.borderline.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a headed CSV file (RFC 4180, UTF-8, optionally gzipped) into rows, and turns bad
 * values into {@link DataFileException}s that name the file, the row and the column.
 */
final class CsvTable {
    private final Path file;
    private final List<Map<String, String>> rows;

    private CsvTable(Path file, List<Map<String, String>> rows) {
        this.file = file;
        this.rows = rows;
    }

    static CsvTable read(Path file, List<String> requiredColumns) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it =
                 mapper.readerForMapOf(String.class).with(schema).readValues(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            if (!rows.isEmpty() && !rows.get(0).keySet().containsAll(requiredColumns)) {
                throw new DataFileException(file, "lacks columns; required " + requiredColumns
                    + ", found " + rows.get(0).keySet());
            }
            return new CsvTable(file, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(file, "is not valid CSV: " + e.getMessage());
        }
    }

    int size() {
        return rows.size();
    }

    String text(int row, String column) {
        String v = rows.get(row).get(column);
        if (v == null || v.isBlank()) {
            throw bad(row, column, "is empty");
        }
        return v.trim();
    }

    String optional(int row, String column) {
        String v = rows.get(row).get(column);
        return v == null ? "" : v.trim();
    }

    double number(int row, String column, double min, double max) {
        String v = text(row, column);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(row, column, "is not a number: " + v);
        }
        if (!(d >= min && d <= max)) {
            throw bad(row, column, "is " + v + ", outside [" + min + ", " + max + "]");
        }
        return d;
    }

    /** A number within [min, max], or null when the cell is empty. */
    Double optionalNumber(int row, String column, double min, double max) {
        return optional(row, column).isEmpty() ? null : number(row, column, min, max);
    }

    Long optionalLong(int row, String column) {
        String v = optional(row, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(row, column, "is not an integer: " + v);
        }
    }

    CountryCode country(int row, String column) {
        String v = text(row, column);
        return CountryCode.parse(v).orElseThrow(() -> bad(row, column, "has unknown country code " + v
            + " (allowed: " + CountryCode.allowed() + ")"));
    }

    DataFileException bad(int row, String column, String problem) {
        // +2: one for the header line, one because people count lines from 1
        return new DataFileException(file, "line " + (row + 2) + ", column " + column + " " + problem);
    }
}
