package io.borderline.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Country names (English and native) and ISO 3166-1 codes from npm {@code world-countries}
 * (mledoze/countries), and the rows of {@code data/countries.csv}. Natural Earth territories
 * without an ISO code (Somaliland, northern Cyprus, the Cyprus buffer zone, Siachen, ...) keep
 * Natural Earth's own ADM0_A3 code; Kosovo is XKX, the user-assigned code OSM uses.
 */
final class CountryNames {
    record Row(String code, String iso2, String numeric, String nameEn, String nameLocal, String partOf) {}

    /** Natural Earth 1:10m features without an ISO numeric id: their name → Natural Earth ADM0_A3. */
    static final Map<String, String> NE_WITHOUT_ISO = Map.ofEntries(
        Map.entry("Kosovo", "XKX"), Map.entry("N. Cyprus", "CYN"), Map.entry("Somaliland", "SOL"),
        Map.entry("Dhekelia", "ESB"), Map.entry("Akrotiri", "WSB"), Map.entry("USNB Guantanamo Bay", "USG"),
        Map.entry("Cyprus U.N. Buffer Zone", "CNM"), Map.entry("Siachen Glacier", "KAS"), Map.entry("Baikonur", "KAB"),
        Map.entry("Indian Ocean Ter.", "IOA"), Map.entry("Coral Sea Is.", "CSI"), Map.entry("Spratly Is.", "PGA"),
        Map.entry("Clipperton I.", "CLP"), Map.entry("Bajo Nuevo Bank", "BJN"), Map.entry("Serranilla Bank", "SER"),
        Map.entry("Scarborough Reef", "SCR"));

    private final Map<String, Row> byCode = new HashMap<>();
    private final Map<String, String> codeByNumeric = new HashMap<>();
    private final Map<String, Row> used = new TreeMap<>();

    CountryNames(Path countriesJson) throws IOException {
        for (JsonNode c : new ObjectMapper().readTree(countriesJson.toFile())) {
            String code = c.path("cca3").asText();
            if ("UNK".equals(code)) {
                code = "XKX";
            }
            String nameEn = c.path("name").path("common").asText();
            String local = nameEn;
            Iterator<String> langs = c.path("languages").fieldNames();
            if (langs.hasNext()) {
                String native0 = c.path("name").path("native").path(langs.next()).path("common").asText("");
                if (!native0.isBlank()) {
                    local = native0;
                }
            }
            String numeric = c.path("ccn3").asText("");
            byCode.put(code, new Row(code, c.path("cca2").asText(), numeric, nameEn, local, null));
            if (!numeric.isBlank()) {
                codeByNumeric.put(numeric, code);
            }
        }
    }

    /** The row of an ISO alpha-3 code, or a row of {@code fallbackName} for a code world-countries lacks. */
    Row use(String code, String fallbackName) {
        Row r = byCode.getOrDefault(code, new Row(code, "", "", fallbackName, fallbackName, null));
        used.put(code, r);
        return r;
    }

    /** The derived Kaliningrad entry. */
    Row useKaliningrad() {
        Row r = new Row("RUS-KGD", "RU", "", "Kaliningrad exclave (Russia)", "Калининградская область", "RUS");
        used.put(r.code(), r);
        return r;
    }

    /** The code of a Natural Earth feature: by ISO numeric id, else by name for the few without one. */
    Optional<String> neCode(String numericId, String name) {
        if (numericId != null && !numericId.isBlank() && codeByNumeric.containsKey(numericId)) {
            return Optional.of(codeByNumeric.get(numericId));
        }
        return Optional.ofNullable(NE_WITHOUT_ISO.get(name));
    }

    Collection<Row> used() {
        return used.values();
    }

    /** Writes countries.csv: every code either dataset uses. */
    void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,iso2,iso_numeric,name_en,name_local,part_of\n");
            for (Row r : used.values()) {
                w.write(r.code() + "," + r.iso2() + "," + r.numeric() + "," + Csv.quote(r.nameEn()) + ","
                    + Csv.quote(r.nameLocal()) + "," + (r.partOf() == null ? "" : r.partOf()) + "\n");
            }
        }
    }
}
