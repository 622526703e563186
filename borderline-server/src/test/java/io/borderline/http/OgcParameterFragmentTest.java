package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every OGC API - Features query parameter in {@code openapi.yaml} is declared as the standard's published
 * OpenAPI fragments declare it (schemas.opengis.net/ogcapi/features/part1/1.0/openapi/parameters/limit.yaml,
 * bbox.yaml, datetime.yaml; part2/1.0/openapi/parameters/crs.yaml, bbox-crs.yaml): in the query, optional,
 * {@code style: form}, {@code explode: false}, and the fragment's schema type (and format). The property
 * filters follow Part 1's recommendation for them (/rec/core/fc-filters): the same form, unexploded.
 * Without {@code explode: false}, OpenAPI's default for a query parameter is {@code explode: true}, which
 * a client generated from the document would send as repeated {@code bbox=..&bbox=..} parameters.
 */
class OgcParameterFragmentTest {
    /** name to {schema type, schema format or null}: the values of the published fragments. */
    private static final Map<String, String[]> FRAGMENTS = Map.of(
        "limit", new String[] {"integer", null},
        "bbox", new String[] {"array", null},
        "datetime", new String[] {"string", null},
        "crs", new String[] {"string", "uri"},
        "bbox-crs", new String[] {"string", "uri"},
        // draft OGC API - Features - Part 7 (OGC 24-020), schema/zoom-level.yaml
        "zoom-level", new String[] {"number", null});
    /** Parameters of the items operations that are not OGC filters (paging and format: ours). */
    private static final Set<String> NOT_FILTERS = Set.of("offset", "f", "dataset");

    @Test
    void everyOgcItemsParameterIsFormStyleUnexplodedAsTheStandardsFragmentsSay() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
        List<String> checked = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> {
            if (!path.getKey().matches("/collections/[a-z-]+/items")) {
                return;
            }
            for (JsonNode ref : path.getValue().get("get").get("parameters")) {
                JsonNode p = resolve(spec, ref);
                String name = p.get("name").asText();
                if (NOT_FILTERS.contains(name)) {
                    continue;
                }
                String where = path.getKey() + " " + name;
                assertThat(p.path("in").asText()).as(where).isEqualTo("query");
                assertThat(p.path("required").asBoolean(false)).as(where).isFalse();
                assertThat(p.path("style").asText()).as(where + " style").isEqualTo("form");
                assertThat(p.has("explode")).as(where + " explode is declared").isTrue();
                assertThat(p.get("explode").asBoolean()).as(where + " explode").isFalse();
                String[] fragment = FRAGMENTS.get(name);
                if (fragment != null) {
                    assertThat(p.get("schema").path("type").asText()).as(where + " type").isEqualTo(fragment[0]);
                    if (fragment[1] != null) {
                        assertThat(p.get("schema").path("format").asText()).as(where + " format").isEqualTo(fragment[1]);
                    }
                }
                checked.add(where);
            }
        });
        // every standard parameter on every items path was seen (8 collections)
        for (String name : FRAGMENTS.keySet()) {
            assertThat(checked.stream().filter(c -> c.endsWith(" " + name))).as(name).hasSize(8);
        }
    }

    @Test
    void bboxTakesFourOrSixNumbersAsInTheFragment() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
        JsonNode schema = spec.at("/components/parameters/Bbox/schema");
        assertThat(schema.at("/items/type").asText()).isEqualTo("number");
        List<String> sizes = new ArrayList<>();
        schema.get("oneOf").forEach(s -> sizes.add(s.get("minItems").asInt() + "-" + s.get("maxItems").asInt()));
        assertThat(sizes).containsExactly("4-4", "6-6");
    }

    private static JsonNode resolve(JsonNode spec, JsonNode p) {
        if (!p.has("$ref")) {
            return p;
        }
        return spec.at(p.get("$ref").asText().substring(1));
    }
}
