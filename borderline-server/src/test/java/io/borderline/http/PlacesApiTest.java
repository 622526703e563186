package io.borderline.http;

import static io.borderline.http.ClaimCheckApiTest.ok;
import static io.borderline.http.ClaimCheckApiTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.data.Place;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /places?q=}: diacritics- and case-insensitive prefix and whole-word search, ranked by population. */
class PlacesApiTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"bialystok, Białystok", "BIAŁYSTOK, Białystok", "narva joe, Narva-Jõesuu", "daugavp, Daugavpils",
        "jõhvi, Jõhvi", "johvi, Jõhvi", "vilnius, Vilnius", "minsk, Minsk"})
    void findsThePlaceWhateverTheCaseAndDiacritics(String q, String name) {
        JsonNode r = search(q, "");
        assertThat(r.at("/places/0/name").asText()).as(r.toString()).isEqualTo(name);
        JsonNode hit = r.at("/places/0");
        Place p = TestData.get().places().stream().filter(x -> x.geonamesId() == hit.get("geonames_id").asLong())
            .findFirst().orElseThrow();
        assertThat(hit.get("lat").asDouble()).isEqualTo(p.lat());
        assertThat(hit.get("lon").asDouble()).isEqualTo(p.lon());
        assertThat(hit.get("population").asLong()).isEqualTo(p.population());
        assertThat(hit.get("country_iso2").asText()).isEqualTo(p.countryIso2());
    }

    /** The answer equals a linear scan over every loaded place with an independent folding. */
    @ParameterizedTest
    @ValueSource(strings = {"a", "nov", "novo", "gor", "vil", "sankt", "ru", "ust", "pol", "krasn"})
    void equalsALinearScanRankedByTierThenPopulation(String q) {
        JsonNode r = search(q, "&limit=100");
        List<Long> expected = scan(q, null, 100);
        List<Long> got = new ArrayList<>();
        r.get("places").forEach(h -> got.add(h.get("geonames_id").asLong()));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void countryTakesAlpha3OrAlpha2() {
        JsonNode a3 = search("nov", "&country=UKR&limit=20");
        JsonNode a2 = search("nov", "&country=ua&limit=20");
        assertThat(a3.get("places")).isEqualTo(a2.get("places"));
        assertThat(a3.get("places")).isNotEmpty();
        a3.get("places").forEach(h -> assertThat(h.get("country").asText()).isEqualTo("UKR"));
        List<Long> got = new ArrayList<>();
        a3.get("places").forEach(h -> got.add(h.get("geonames_id").asLong()));
        assertThat(got).isEqualTo(scan("nov", "UA", 20));
    }

    @Test
    void noMatchIsAnEmptyList() {
        JsonNode r = search("qqqxzz", "");
        assertThat(r.get("places")).isEmpty();
        assertThat(r.get("count").asInt()).isZero();
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        problem("/places?q=", "q");
        problem("/places", "q");
        problem("/places?q=" + "a".repeat(101), "q");
        problem("/places?q=vil&limit=0", "limit");
        problem("/places?q=vil&limit=101", "limit");
        problem("/places?q=vil&limit=ten", "limit");
        JsonNode p = problem("/places?q=vil&country=XYZ", "country");
        assertThat(p.get("detail").asText()).contains("/countries");
    }

    @Test
    void distanceAcceptsAGeoNamesIdAsFrom() {
        JsonNode byId = ok("/distance?from=460413&to=BLR"); // Daugavpils in GeoNames
        Place p = TestData.get().places().stream().filter(x -> x.geonamesId() == 460413).findFirst().orElseThrow();
        JsonNode byPoint = ok("/distance?lat=" + p.lat() + "&lon=" + p.lon() + "&to=BLR");
        assertThat(byId.get("result")).isEqualTo(byPoint.get("result"));
        assertThat(byId.at("/from/geonames_id").asLong()).isEqualTo(460413);
        assertThat(byId.at("/from/name").asText()).isEqualTo(p.name());
    }

    private static JsonNode search(String q, String rest) {
        return ok("/places?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + rest);
    }

    /** Reference: every place, its name folded by NFD without marks (ł by hand), tiers as documented. */
    private static List<Long> scan(String q, String iso2, int limit) {
        List<String> qw = words(q);
        record Hit(int tier, Place p) {}
        List<Hit> hits = new ArrayList<>();
        for (Place p : TestData.get().places()) {
            if (iso2 != null && !p.countryIso2().equals(iso2)) {
                continue;
            }
            List<String> nw = words(p.name());
            boolean all = qw.stream().allMatch(w -> nw.stream().anyMatch(n -> n.startsWith(w)));
            if (!all) {
                continue;
            }
            int tier = String.join(" ", nw).equals(String.join(" ", qw)) ? 0
                : qw.stream().allMatch(nw::contains) ? 1 : 2;
            hits.add(new Hit(tier, p));
        }
        hits.sort(Comparator.comparingInt(Hit::tier).thenComparing(h -> -h.p().population())
            .thenComparingLong(h -> h.p().geonamesId()));
        return hits.stream().limit(limit).map(h -> h.p().geonamesId()).toList();
    }

    private static List<String> words(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ł", "l")
            .replace("Ł", "l").replaceAll("['’ʼ]", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : d.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
