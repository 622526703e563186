package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property-based fuzzing of every endpoint in openapi.yaml, with a fixed seed: generated valid
 * and invalid parameters (wrong types, empty, huge, NaN/Infinity, out of range, unicode and
 * control characters, very long, repeated and unknown parameters). Every answer must be below
 * 500; every error must be problem+json; every answer must validate against openapi.yaml.
 * Cases per endpoint: 150, coverage endpoints 30 (each may compute a buffer), map and slide
 * endpoints 16 (each renders; plausible sizes are small).
 */
class FuzzTest {
    private static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForSpecificationUrl(Path.of("openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
            .build();

    private static final Map<String, List<String>> PARAMS = Map.ofEntries(
        Map.entry("/health", List.of()),
        Map.entry("/datasets", List.of()),
        Map.entry("/drones", List.of()),
        Map.entry("/claims", List.of()),
        Map.entry("/distance", List.of("lat", "lon", "from", "to", "dataset")),
        Map.entry("/distance/points", List.of("a", "b")),
        Map.entry("/distance/countries", List.of("a", "b", "dataset")),
        Map.entry("/countries", List.of("dataset")),
        Map.entry("/borders", List.of("dataset")),
        Map.entry("/sites", List.of("kind", "country")),
        Map.entry("/sites/{id}", List.of("dataset")),
        Map.entry("/claims/{id}", List.of()),
        Map.entry("/coverage", List.of("from", "border", "site", "site_kind", "site_country", "lat", "lon",
            "range_km", "drone", "mode", "dataset")),
        Map.entry("/coverage/stats", List.of("from", "border", "site", "site_kind", "site_country", "lat", "lon",
            "range_km", "drone", "mode", "dataset")),
        Map.entry("/maps/coverage.png", List.of("from", "border", "site", "site_kind", "site_country", "lat", "lon",
            "range_km", "drone", "mode", "dataset", "width", "height", "dpi", "transparent", "projection")),
        Map.entry("/maps/coverage.svg", List.of("from", "border", "site", "site_kind", "site_country", "lat", "lon",
            "range_km", "drone", "mode", "dataset", "width", "height", "dpi", "transparent", "projection")),
        Map.entry("/maps/claims.png", List.of("claim", "dataset", "width", "height", "dpi", "transparent", "projection")),
        Map.entry("/maps/claims.svg", List.of("claim", "dataset", "width", "height", "dpi", "transparent", "projection")),
        Map.entry("/briefing.pptx", List.of("drone", "from", "dataset")));

    @Property(tries = 150, seed = "20250124")
    void cheapEndpointsNeverFail(@ForAll("cheapRequests") Tuple.Tuple2<String, List<String[]>> req) {
        check(req.get1(), req.get2());
    }

    @Property(tries = 30, seed = "20250124")
    void coverageEndpointsNeverFail(@ForAll("coverageRequests") Tuple.Tuple2<String, List<String[]>> req) {
        check(req.get1(), req.get2());
    }

    @Property(tries = 16, seed = "20250124")
    void mapEndpointsNeverFail(@ForAll("mapRequests") Tuple.Tuple2<String, List<String[]>> req) {
        check(req.get1(), req.get2());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<String[]>>> cheapRequests() {
        return Arbitraries.of(PARAMS.keySet().stream().filter(p -> !p.startsWith("/coverage") && !rendered(p))
            .sorted().toList()).flatMap(this::requestFor);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<String[]>>> mapRequests() {
        return Arbitraries.of(PARAMS.keySet().stream().filter(FuzzTest::rendered).sorted().toList())
            .flatMap(this::requestFor);
    }

    private static boolean rendered(String path) {
        return path.startsWith("/maps/") || path.equals("/briefing.pptx");
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<String[]>>> coverageRequests() {
        return Arbitraries.of("/coverage", "/coverage/stats").flatMap(this::requestFor);
    }

    private Arbitrary<Tuple.Tuple2<String, List<String[]>>> requestFor(String template) {
        Arbitrary<String> path = template.contains("{id}")
            ? Arbitraries.oneOf(Arbitraries.of("narva", "vilnius-blr", "hantsavichy-radar", "narva-rus"), nasty())
                .map(id -> template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
            : Arbitraries.just(template);
        List<String> names = new ArrayList<>(PARAMS.get(template));
        names.add("unknown_param");
        Arbitrary<String[]> pair = Arbitraries.of(names).flatMap(n -> value(template, n).map(v -> new String[] {n, v}));
        Arbitrary<List<String[]>> query = pair.list().ofMinSize(0).ofMaxSize(5);
        return Combinators.combine(path, query).as(Tuple::of);
    }

    /** Mostly plausible values for the parameter, sometimes nasty ones. */
    private Arbitrary<String> value(String template, String name) {
        boolean coverage = template.startsWith("/coverage") || template.startsWith("/maps/coverage")
            || template.equals("/briefing.pptx");
        Arbitrary<String> good = switch (name) {
            case "lat" -> Arbitraries.doubles().between(-90, 90).map(Object::toString);
            case "lon" -> Arbitraries.doubles().between(-180, 180).map(Object::toString);
            case "to", "country", "site_country" -> Arbitraries.of("BLR", "LTU", "RUS-KGD", "est", "UKR", "RUS");
            case "from" -> coverage ? Arbitraries.of("EST", "LTU", "RUS-KGD", "LVA,EST")
                : Arbitraries.of("vilnius", "narva", "minsk", "lida-airbase");
            case "a", "b" -> template.equals("/distance/countries")
                ? Arbitraries.of("BLR", "RUS-KGD", "POL", "LTU")
                : Arbitraries.of("54.7,25.3", "vilnius", "59.37,28.19", "-33.9,151.2");
            case "dataset" -> Arbitraries.of("osm10m", "ne10m");
            case "kind", "site_kind" -> Arbitraries.of("airfield", "city", "military_site", "crossing");
            case "border" -> Arbitraries.of("BLR-LTU", "LTU-BLR", "EST-RUS", "POL-RUS-KGD");
            case "site" -> Arbitraries.of("lida-airbase", "narva", "vileika-vlf");
            case "range_km" -> template.startsWith("/maps/")
                ? Arbitraries.of("20", "30,100", "5,10,40", "250")
                : Arbitraries.doubles().between(1, 2500).map(d -> Double.toString(Math.round(d * 10) / 10.0));
            // small pages keep the fuzzing quick; the size limits are probed by the nasty values
            case "width" -> Arbitraries.integers().between(320, 720).map(Object::toString);
            case "height" -> Arbitraries.integers().between(320, 480).map(Object::toString);
            case "dpi" -> Arbitraries.integers().between(72, 300).map(Object::toString);
            case "transparent" -> Arbitraries.of("true", "false");
            case "projection" -> Arbitraries.of("local", "EPSG:3035");
            case "claim" -> Arbitraries.of("vilnius-blr", "daugavpils-blr", "narva-rus");
            case "drone" -> Arbitraries.of("fpv", "lancet", "shahed-136", "gerbera");
            case "mode" -> Arbitraries.of("full", "beyond");
            default -> Arbitraries.strings().alpha().ofMaxLength(8);
        };
        return Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(2, nasty()));
    }

    private static Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
            Arbitraries.of("", " ", "NaN", "-NaN", "Infinity", "-Infinity", "1e309", "-1e309", "0x10", "1,2,3", ",",
                "9999999999999999999999", "-0", "91", "-181", "2500.0001", "0.999", "null", "[]", "{}", "../../etc/passwd",
                "%00", "\u0000", "\n", "\u202e", "Беларусь", "🙂", "' OR 1=1 --", "<script>"),
            Arbitraries.strings().ofMinLength(0).ofMaxLength(30),
            Arbitraries.strings().withCharRange('a', 'z').ofLength(250),
            Arbitraries.doubles().map(Object::toString));
    }

    private static void check(String path, List<String[]> params) {
        StringBuilder q = new StringBuilder();
        for (String[] p : params) {
            q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = ServerFixture.get(path + q);
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertThat(r.statusCode()).as(path + q + " -> " + r.body()).isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(type).as(path + q).startsWith("application/problem+json");
        }
        String template = templateOf(path);
        if (template == null) {
            return;
        }
        SimpleResponse response = SimpleResponse.Builder.status(r.statusCode()).withContentType(type)
            .withBody(r.body()).build();
        ValidationReport report = VALIDATOR.validateResponse(template.contains("{id}") ? path : template,
            Request.Method.GET, response);
        assertThat(report.getMessages()).as(path + q + " -> " + r.statusCode() + " " + r.body()).isEmpty();
    }

    private static String templateOf(String path) {
        if (PARAMS.containsKey(path)) {
            return path;
        }
        if (path.startsWith("/sites/")) {
            return "/sites/{id}";
        }
        if (path.startsWith("/claims/")) {
            return "/claims/{id}";
        }
        return null;
    }

}
