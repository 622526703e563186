package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A burst of expensive, uncached coverage requests: at most the configured number compute at once
 * (counted by the service itself, {@code borderline_compute_running_max}), the rest are refused with
 * 429, problem+json and Retry-After, and cheap endpoints keep answering meanwhile. No 5xx.
 * "Meanwhile" is proved without a timing assertion: /health, /ready and /distance must have
 * answered while part of the burst is still running (each burst request takes seconds).
 */
class BurstTest {
    @Test
    void expensiveBurstIsBoundedAndCheapRequestsStillAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String url = "/coverage/stats?from=RUS&range_km=" + (301 + i); // distinct: nothing cached
                burst.add(CompletableFuture.supplyAsync(() -> ServerFixture.get(url), pool));
            }
            Thread.sleep(500);
            HttpResponse<String> health = ServerFixture.get("/health");
            HttpResponse<String> distance = ServerFixture.get("/distance?from=vilnius&to=BLR");
            HttpResponse<String> ready = ServerFixture.get("/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(distance.statusCode()).isEqualTo(200);
            assertThat(burst.stream().anyMatch(f -> !f.isDone())).as("the burst was still running").isTrue();

            int ok = 0;
            int refused = 0;
            int stopped = 0;
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get();
                // 503: a computation that took a slot but missed the documented deadline (a loaded machine)
                assertThat(r.statusCode()).as(r.body()).isIn(200, 429, 503);
                if (r.statusCode() == 429) {
                    refused++;
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
                    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                } else if (r.statusCode() == 503) {
                    stopped++;
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
                } else {
                    ok++;
                }
            }
            assertThat(ok + stopped).as("computations that got a slot").isPositive();
            assertThat(refused).isPositive();
            assertThat(ok + refused + stopped).isEqualTo(burst.size());
            // the service counts the computations running at once; the burst must have filled every slot and
            // no more (a gate that let a third one through, or did not count, fails here)
            int limit = ServerOptions.DEFAULTS.coverageConcurrency();
            assertThat(gauge("borderline_compute_running_max{gate=\"coverage\"}")).isEqualTo(limit);
            // a computation that missed its deadline (503) stops at its next cancellation point, which for the
            // world's Russia can be seconds later (indexing it is one step): the slots must all come free
            long until = System.nanoTime() + 120_000_000_000L;
            while (gauge("borderline_compute_running{gate=\"coverage\"}") > 0 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(gauge("borderline_compute_running{gate=\"coverage\"}")).as("slots still taken after 120 s")
                .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The value of one Prometheus sample, by its exact name and labels. */
    static double gauge(String sample) {
        return ServerFixture.get("/metrics").body().lines().filter(l -> l.startsWith(sample + " "))
            .mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1).trim())).findFirst()
            .orElseThrow(() -> new AssertionError("no metric " + sample));
    }

    @Test
    void responsesCarrySecurityHeadersAndNoServerVersion() {
        HttpResponse<String> r = ServerFixture.get("/health");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("Server")).isEmpty();
    }
}
