package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * The API definition as a generic client reads it: {@code /openapi.json} (the landing page's
 * {@code service-desc}) must be the YAML contract with every anchor and alias resolved, and both must be
 * valid OpenAPI 3.0 documents for an independent parser (swagger-parser). Jackson's YAML parser once wrote
 * alias names ({@code "parameters":["cpFrom",...]}) into the JSON and no test read the JSON.
 */
class OpenApiJsonTest {
    private static final Path SPEC = Path.of("openapi.yaml");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void openapiJsonIsTheFullyResolvedYaml() throws Exception {
        HttpResponse<String> r = ServerFixture.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.oai.openapi+json");
        Object resolved;
        try (Reader in = Files.newBufferedReader(SPEC)) {
            resolved = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        JsonNode expected = MAPPER.readTree(MAPPER.writeValueAsString(resolved));
        assertThat(MAPPER.readTree(r.body())).isEqualTo(expected);
    }

    @Test
    void openapiJsonIsAValidOpenApi30Document() {
        String json = ServerFixture.get("/openapi.json").body();
        assertValidOpenApi30(json);
    }

    @Test
    void openapiYamlIsAValidOpenApi30Document() throws Exception {
        assertValidOpenApi30(Files.readString(SPEC));
    }

    @Test
    void theConversionResolvesAliasesInsteadOfWritingTheirNames() throws Exception {
        String yaml = "shared: &p {name: from, in: query}\nlist: [*p, {name: to}]\nheaders: *p\n";
        JsonNode json = MAPPER.readTree(YamlToJson.convert(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(json.get("list").get(0)).isEqualTo(MAPPER.readTree("{\"name\":\"from\",\"in\":\"query\"}"));
        assertThat(json.get("headers")).isEqualTo(json.get("shared"));
    }

    @Test
    void theContractHasNoAnchorsOrAliases() throws Exception {
        List<String> found = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(SPEC)) {
            for (Event e : new Yaml().parse(in)) {
                if (e instanceof AliasEvent a) {
                    found.add("*" + a.getAnchor() + " at " + e.getStartMark());
                } else if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    found.add("&" + n.getAnchor() + " at " + e.getStartMark());
                }
            }
        }
        assertThat(found).as("use $ref to components instead").isEmpty();
    }

    private static void assertValidOpenApi30(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // validate the document as written, $refs included
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0.");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }
}
