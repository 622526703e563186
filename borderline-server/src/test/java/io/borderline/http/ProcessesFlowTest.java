package io.borderline.http;

import static io.borderline.http.ProcessCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.borderline.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * OGC API - Processes the way the standard's clients use it, over plain HTTP: list the processes, describe one,
 * execute synchronously, execute asynchronously, poll the job, fetch its results, dismiss it, and find it gone.
 * The results are checked against what {@code GET /coverage} and {@code GET /distance} answer for the same
 * inputs (a different route into the engine), and every answer against openapi.yaml.
 */
class ProcessesFlowTest {
    private static final ObjectMapper M = Json.MAPPER;

    @Test
    void listDescribeExecuteSyncAndAsyncPollResultsDismissThenGone() throws Exception {
        // list
        HttpResponse<String> list = ProcessCalls.get("/processes");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(list).get("processes").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactly("coverage", "distance-batch");

        // describe: follow the summary's link to the description
        String describe = link(json(list).get("processes").get(0), "self");
        HttpResponse<String> description = ProcessCalls.get(describe);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(json(description).get("jobControlOptions").toString())
            .contains("sync-execute", "async-execute", "dismiss");

        // execute synchronously: the coverage process answers what GET /coverage answers
        HttpResponse<String> sync = ProcessCalls.execute("coverage",
            "{\"inputs\":{\"site\":\"narva\",\"range_km\":40}}", false);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        assertThat(ProcessCalls.type(sync)).startsWith("application/geo+json");
        sameCoverage(json(sync), json(ServerFixture.get("/coverage?site=narva&range_km=40")));

        // execute asynchronously: distance-batch on real site coordinates and one bad point
        JsonNode sites = json(ServerFixture.get("/sites?kind=capital"));
        ObjectNode points = M.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = points.putArray("features");
        for (JsonNode s : sites.get("sites")) {
            ObjectNode f = features.addObject().put("type", "Feature").put("id", s.get("id").asText());
            f.putObject("geometry").put("type", "Point").putArray("coordinates").add(s.get("lon").asDouble())
                .add(s.get("lat").asDouble());
            f.putObject("properties");
        }
        ObjectNode bad = features.addObject().put("type", "Feature").put("id", "off-the-map");
        bad.putObject("geometry").put("type", "Point").putArray("coordinates").add(200).add(10);
        bad.putObject("properties");
        ObjectNode execute = M.createObjectNode();
        execute.putObject("inputs").put("to", "BLR").set("points", points);
        HttpResponse<String> created = ProcessCalls.execute("distance-batch", M.writeValueAsString(execute), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        String location = created.headers().firstValue("Location").orElseThrow();
        String jobId = json(created).get("jobID").asText();
        assertThat(location).endsWith("/jobs/" + jobId);
        assertThat(json(created).get("status").asText()).isIn("accepted", "running", "successful");
        assertThat(json(created).get("message").asText()).contains("lost on restart");

        // poll, then follow the results link
        JsonNode status = ProcessCalls.awaitFinished(location, 120);
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("successful");
        String resultsUrl = link(status, "http://www.opengis.net/def/rel/ogc/1.0/results");
        HttpResponse<String> results = ProcessCalls.get(resultsUrl);
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(ProcessCalls.type(results)).startsWith("application/geo+json");
        JsonNode fc = json(results);
        assertThat(fc.get("features")).hasSize(features.size());
        for (int i = 0; i < sites.get("sites").size(); i++) {
            JsonNode site = sites.get("sites").get(i);
            JsonNode props = fc.get("features").get(i).get("properties");
            assertThat(props.get("id").asText()).isEqualTo(site.get("id").asText());
            JsonNode direct = json(ServerFixture.get("/distance?lat=" + site.get("lat").asText() + "&lon="
                + site.get("lon").asText() + "&to=BLR")).get("result");
            assertThat(props.get("distance_m").asDouble()).as(site.get("id").asText())
                .isEqualTo(direct.get("distance_m").asDouble());
            assertThat(props.get("inside").asBoolean()).isEqualTo(direct.get("inside").asBoolean());
            assertThat(props.get("nearest_point")).isEqualTo(direct.get("nearest_point"));
        }
        JsonNode last = fc.get("features").get(features.size() - 1);
        assertThat(last.get("geometry").isNull()).isTrue();
        assertThat(last.get("properties").get("error").asText()).contains("lon");
        assertThat(fc.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(fc.get("summary").get("ok").asInt()).isEqualTo(sites.get("sites").size());

        // the job list shows it
        assertThat(json(ProcessCalls.get("/jobs")).get("jobs").findValuesAsText("jobID")).contains(jobId);

        // dismiss, then gone
        HttpResponse<String> dismissed = ProcessCalls.delete(location);
        assertThat(dismissed.statusCode()).isEqualTo(200);
        assertThat(json(dismissed).get("status").asText()).isEqualTo("dismissed");
        for (String url : List.of(location, resultsUrl)) {
            HttpResponse<String> gone = ProcessCalls.get(url);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(json(gone).get("type").asText())
                .isEqualTo("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job");
        }
        assertThat(ProcessCalls.delete(location).statusCode()).isEqualTo(404);
        assertThat(json(ProcessCalls.get("/jobs")).get("jobs").findValuesAsText("jobID")).doesNotContain(jobId);
    }

    @Test
    void anAsyncCoverageHasTheResultOfGetCoverage() throws Exception {
        String inputs = "{\"site\":[\"lida-airbase\",\"vileika-vlf\"],\"drone\":\"lancet\",\"mode\":\"beyond\"}";
        HttpResponse<String> created = ProcessCalls.execute("coverage", "{\"inputs\":" + inputs + "}", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(ProcessCalls.awaitFinished(location, 120).get("status").asText()).isEqualTo("successful");
        HttpResponse<String> results = ProcessCalls.get(location + "/results");
        sameCoverage(json(results),
            json(ServerFixture.get("/coverage?site=lida-airbase&site=vileika-vlf&drone=lancet&mode=beyond")));
        ProcessCalls.delete(location);
    }

    /** The coverage process's inputs are exactly the query parameters of GET /coverage but its format {@code f}. */
    @Test
    void theCoverageProcessTakesTheInputsOfGetCoverage() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
        Set<String> documented = new TreeSet<>();
        for (JsonNode p : spec.get("paths").get("/coverage").get("get").get("parameters")) {
            JsonNode param = p.has("$ref") ? spec.at(p.get("$ref").asText().substring(1)) : p;
            documented.add(param.get("name").asText());
        }
        documented.remove("f");
        Set<String> inputs = new TreeSet<>();
        json(ProcessCalls.get("/processes/coverage")).get("inputs").fieldNames().forEachRemaining(inputs::add);
        assertThat(inputs).isEqualTo(documented);
    }

    /** Same rings and source, same geometry and statistics; only the computation time may differ. */
    static void sameCoverage(JsonNode process, JsonNode direct) {
        assertThat(process.get("features")).hasSameSizeAs(direct.get("features"));
        for (int i = 0; i < direct.get("features").size(); i++) {
            ObjectNode a = (ObjectNode) process.get("features").get(i).deepCopy();
            ObjectNode b = (ObjectNode) direct.get("features").get(i).deepCopy();
            ((ObjectNode) a.get("properties")).remove("compute_ms");
            ((ObjectNode) b.get("properties")).remove("compute_ms");
            assertThat(a).isEqualTo(b);
        }
    }

    static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        throw new AssertionError("no link rel=" + rel + " in " + doc);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
