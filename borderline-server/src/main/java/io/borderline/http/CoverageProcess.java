package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The process {@code coverage}: the inputs of {@code GET /coverage} (validated by the same code, {@link
 * CoverageApi#requests}), computed by the same service through the same gate, answered with the same GeoJSON
 * FeatureCollection.
 */
final class CoverageProcess extends DescribedProcess {
    static final String ID = "coverage";
    private final CoverageApi coverage;

    CoverageProcess(CoverageApi coverage) {
        super(ID);
        this.coverage = coverage;
    }

    @Override
    public LongFunction<byte[]> prepare(JsonNode inputs) {
        Set<String> names = Set.copyOf(CoverageApi.PARAMS);
        Params p = Params.of(Process.values(ID, inputs, names, Set.of()), names, CoverageApi.LISTS);
        List<CoverageRequest> reqs = coverage.requests(p);
        return waitMillis -> {
            List<CoverageResult> results = new ArrayList<>();
            for (CoverageRequest q : reqs) {
                results.add(coverage.result(q, null, waitMillis));
            }
            return Json.write(coverage.featureCollection(reqs, results, null, null)).getBytes(StandardCharsets.UTF_8);
        };
    }
}
