package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.client.Answer;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a server tells about itself: its models, each request's trace, its health, its metrics. */
class ObservabilityTest {

    private static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo", "vote:top3"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void listsTheConductorsThenEveryWorkerInOpenAisFormat() {
        JsonNode list = ServerFixture.json(fixture.get("/v1/models"));

        assertThat(list.get("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(model -> {
            assertThat(model.get("object").asText()).isEqualTo("model");
            assertThat(model.get("created").isIntegralNumber()).isTrue();
            ids.add(model.get("id").asText());
        });
        List<String> expected = new ArrayList<>(List.of("best-solo", "vote:top3"));
        expected.addAll(ServerFixture.gsm8k().pool().ids());
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(list.at("/data/0/owned_by").asText()).isEqualTo("baton");
        assertThat(list.at("/data/2/owned_by").asText()).isEqualTo("pool");
    }

    @Test
    void theTraceOfARequestIsItsTraceJson() {
        Task task = ServerFixture.recordedTask();
        Answer expected = ServerFixture.askedDirectly("vote:top3", task);
        HttpResponse<String> response = fixture.post("/v1/chat/completions", ServerFixture.chat("vote:top3", task.question()));
        String id = ServerFixture.json(response).get("id").asText();

        HttpResponse<String> traced = fixture.get("/v1/traces/" + id);

        assertThat(traced.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-baton-trace-id")).contains(id);
        JsonNode trace = ServerFixture.json(traced);
        assertThat(trace.get("question").asText()).isEqualTo(task.question());
        assertThat(trace.get("answer").asText()).isEqualTo(expected.text().orElseThrow());
        assertThat(trace.get("conductor").asText()).isEqualTo("vote:top3");
        assertThat(trace.get("calls").asInt()).isEqualTo(expected.calls());
        assertThat(trace.get("cost_usd").asDouble()).isEqualTo(expected.costUsd());
        assertThat(trace.get("steps")).hasSize(expected.trace().calls().size());
        JsonNode recent = ServerFixture.json(fixture.get("/v1/traces?limit=50"));
        assertThat(recent.get("data").findValuesAsText("id")).contains(id);
    }

    @Test
    void isHealthy() {
        HttpResponse<String> health = fixture.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(health).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsCountRequestsCallsAndCostPerWorker() {
        Task task = ServerFixture.recordedTask();
        assertThat(fixture.post("/v1/chat/completions", ServerFixture.chat("best-solo", task.question())).statusCode()).isEqualTo(200);
        fixture.post("/v1/chat/completions", "{not json");

        HttpResponse<String> metrics = fixture.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("baton_http_requests_total{endpoint=\"/v1/chat/completions\",method=\"POST\",status=\"200\"}")
                .contains("baton_http_requests_total{endpoint=\"/v1/chat/completions\",method=\"POST\",status=\"400\"}")
                .contains("baton_http_request_duration_seconds_bucket{")
                .contains("baton_worker_calls_total{worker=")
                .contains("baton_worker_cost_usd_total{worker=")
                .contains("baton_answers_total{answered=\"true\",model=\"best-solo\"}");
    }

    @Test
    void inventedMethodsAndPathsDoNotGrowTheMetrics() throws Exception {
        LoadedPool pool = new LoadedPool(Pool.of(List.of(ScriptedWorker.answering("w", "42"))), Optional.empty(), Map.of());
        try (ServerFixture server = new ServerFixture(pool, ServerSettings.loopback(0), List.of("solo:w"));
             HttpClient http = HttpClient.newHttpClient()) {
            invent(server, http, "BREW", "/nothing");
            invent(server, http, "X-", "/v1/traces/x");
            server.get("/metrics");
            long before = server.get("/metrics").body().lines().count();

            for (int i = 0; i < 40; i++) {
                invent(server, http, "BREW" + i, "/nothing/" + i);
                invent(server, http, "X-" + i, "/v1/traces/" + i);
            }
            String after = server.get("/metrics").body();

            assertThat(after.lines().count()).isEqualTo(before);
            assertThat(after).contains("method=\"other\"").doesNotContain("BREW").doesNotContain("/nothing");
        }
    }

    private static void invent(ServerFixture server, HttpClient http, String method, String path) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
