package io.borderline.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Converts a YAML document (the OpenAPI contract) to JSON with SnakeYAML, which resolves anchors, aliases and
 * merge keys: Jackson's YAML parser writes an alias's <em>name</em> where its value belongs, which made
 * {@code /openapi.json} an invalid OpenAPI document. Duplicate keys are refused. Unquoted dates stay strings
 * (JSON has no date type, and OpenAPI has no date-valued keywords). Stateless and thread-safe.
 */
final class YamlToJson {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private YamlToJson() {
    }

    /** The JSON text of the single YAML document in {@code yaml} (UTF-8). */
    static String convert(byte[] yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml loader = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
            new DumperOptions(), options, new DatesAsText());
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8)) {
            Object tree = loader.load(in);
            return PLAIN.writeValueAsString(tree); // map keys verbatim: no naming strategy
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("openapi.yaml is not a valid YAML document: " + e.getMessage(), e);
        }
    }

    /** YAML 1.1's implicit types, except that timestamps stay text. */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }
}
