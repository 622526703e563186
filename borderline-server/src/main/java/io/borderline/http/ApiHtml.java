package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The API definition as HTML (OGC API - Features, /req/oas30/oas-definition-1: the OpenAPI document "and a
 * HTML version of the API definition"), rendered once from {@code openapi.json}: every path and operation with
 * its summary, description, parameters (with their schema limits) and responses. Static HTML without scripts
 * or external assets, so it works offline and behind strict proxies; the JSON stays the contract.
 * Written by hand: no library on Maven Central renders OpenAPI 3.0 to HTML server-side without a browser.
 */
final class ApiHtml {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private ApiHtml() {}

    static String render(String openApiJson) {
        JsonNode api;
        try {
            api = Json.MAPPER.readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("openapi.json does not parse", e);
        }
        StringBuilder h = new StringBuilder(256 * 1024);
        String title = api.path("info").path("title").asText("API");
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
            .append(" - API definition</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;"
                + "padding:0 1em}code,pre{font:13px ui-monospace,monospace}pre{white-space:pre-wrap}table{border-collapse:"
                + "collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}"
                + "h3{margin-top:2em;border-top:1px solid #ddd;padding-top:1em}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append(" ").append(esc(api.path("info").path("version").asText()))
            .append("</h1>\n<p>The same definition as <a href=\"openapi.json\">OpenAPI 3.0 JSON</a> and "
                + "<a href=\"openapi.yaml\">YAML</a>.</p>\n");
        h.append("<pre>").append(esc(api.path("info").path("description").asText())).append("</pre>\n<h2>Operations</h2><ul>\n");
        api.path("paths").properties().forEach(p -> operations(p.getValue()).forEach(o -> h.append("<li><a href=\"#")
            .append(anchor(o.getKey(), p.getKey())).append("\"><code>").append(o.getKey().toUpperCase()).append(' ')
            .append(esc(p.getKey())).append("</code></a> ").append(esc(o.getValue().path("summary").asText()))
            .append("</li>\n")));
        h.append("</ul>\n");
        api.path("paths").properties().forEach(p -> operations(p.getValue()).forEach(o ->
            operation(h, api, p.getKey(), o.getKey(), o.getValue(), p.getValue().path("parameters"))));
        return h.append("</body></html>\n").toString();
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode path) {
        return path.properties().stream().filter(e -> METHODS.contains(e.getKey())).toList();
    }

    private static void operation(StringBuilder h, JsonNode api, String path, String method, JsonNode op,
            JsonNode pathParams) {
        h.append("<h3 id=\"").append(anchor(method, path)).append("\"><code>").append(method.toUpperCase()).append(' ')
            .append(esc(path)).append("</code></h3>\n<p><b>").append(esc(op.path("summary").asText())).append("</b></p>\n");
        if (op.hasNonNull("description")) {
            h.append("<pre>").append(esc(op.get("description").asText())).append("</pre>\n");
        }
        List<JsonNode> params = new java.util.ArrayList<>();
        pathParams.forEach(params::add);
        op.path("parameters").forEach(params::add);
        if (!params.isEmpty()) {
            h.append("<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>\n");
            for (JsonNode p : params) {
                JsonNode d = resolve(api, p);
                h.append("<tr><td><code>").append(esc(d.path("name").asText())).append("</code></td><td>")
                    .append(esc(d.path("in").asText())).append("</td><td>").append(d.path("required").asBoolean() ? "yes" : "no")
                    .append("</td><td><code>").append(esc(schema(resolve(api, d.path("schema"))))).append("</code></td><td>")
                    .append(esc(d.path("description").asText())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (op.has("requestBody")) {
            JsonNode body = resolve(api, op.get("requestBody"));
            h.append("<p>Request body: ").append(esc(String.join(", ", names(body.path("content")))))
                .append(body.hasNonNull("description") ? " - " + esc(body.get("description").asText()) : "").append("</p>\n");
        }
        h.append("<table><tr><th>response</th><th>description</th><th>media types</th></tr>\n");
        op.path("responses").properties().forEach(r -> {
            JsonNode d = resolve(api, r.getValue());
            h.append("<tr><td>").append(esc(r.getKey())).append("</td><td>").append(esc(d.path("description").asText()))
                .append("</td><td><code>").append(esc(String.join(", ", names(d.path("content"))))).append("</code></td></tr>\n");
        });
        h.append("</table>\n");
    }

    /** A {@code $ref} within the document, followed; anything else as it is. */
    private static JsonNode resolve(JsonNode api, JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 8 && n.has("$ref"); i++) {
            n = api.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static String schema(JsonNode s) {
        StringBuilder b = new StringBuilder(s.path("type").asText(s.has("enum") ? "enum" : "object"));
        if (s.has("enum")) {
            b.append(" ").append(s.get("enum"));
        }
        for (String k : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
                "default", "format", "pattern")) {
            if (s.has(k)) {
                b.append(", ").append(k).append(' ').append(s.get(k).isTextual() ? s.get(k).asText() : s.get(k).toString());
            }
        }
        if (s.has("items")) {
            b.append(" of ").append(s.get("items").path("type").asText("values"));
        }
        return b.toString();
    }

    private static List<String> names(JsonNode content) {
        return content.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static String anchor(String method, String path) {
        return method + "-" + path.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
