package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.wiring.LoadedPool;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal is a 4xx in OpenAI's error JSON: auth, limits, malformed input, unknown names. */
class RequestRefusalsTest {

    private static final String KEY = "sk-right";
    private static final String[] AUTH = {"Authorization", "Bearer " + KEY};
    private static ServerFixture fixture;

    @BeforeAll
    static void start() {
        ServerSettings settings = ServerSettings.loopback(0).withApiKeys(List.of("sk-other", KEY))
                .withLimits(ServerLimits.defaults().withMaxBodyBytes(20_000).withMaxMessages(3));
        fixture = new ServerFixture(settings, List.of("best-solo"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = ServerFixture.json(response).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        return error;
    }

    private static HttpResponse<String> chat(String body, String... headers) {
        return fixture.post("/v1/chat/completions", body, headers);
    }

    private static String recordedQuestion() {
        return ServerFixture.recordedTask().question();
    }

    @Test
    void withoutAKeyIsUnauthorized() {
        JsonNode error = assertError(chat(ServerFixture.chat("best-solo", recordedQuestion())), 401, "invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        assertError(chat(ServerFixture.chat("best-solo", recordedQuestion()), "Authorization", "Bearer sk-wrong"), 401,
                "invalid_request_error");
        assertError(fixture.get("/v1/models", "Authorization", "Basic c2stcmlnaHQ="), 401, "invalid_request_error");
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        assertThat(fixture.get("/v1/models", "Authorization", "Bearer sk-other").statusCode()).isEqualTo(200);
        assertThat(fixture.get("/v1/models", AUTH).statusCode()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoKey() {
        assertThat(fixture.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String body = ServerFixture.chat("best-solo", "x".repeat(30_000));
        JsonNode error = assertError(chat(body, AUTH), 413, "invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("request_too_large");
    }

    @Test
    void aChunkedBodyIsMeasuredAsItIsReadNotTrustedForHavingNoLength() {
        HttpResponse<String> over = fixture.postChunked("/v1/chat/completions",
                ServerFixture.chat("best-solo", "x".repeat(30_000)), AUTH);
        assertThat(assertError(over, 413, "invalid_request_error").get("code").asText()).isEqualTo("request_too_large");
        HttpResponse<String> within = fixture.postChunked("/v1/chat/completions",
                ServerFixture.chat("best-solo", recordedQuestion()), AUTH);
        assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
    }

    @Test
    void aBrokenChunkedBodyIsTheClientsFaultNotTheServers() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + KEY + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"mod\r\nZZ-not-a-size\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void tooManyMessagesAreRefused() {
        String message = "{\"role\": \"user\", \"content\": \"hi\"}";
        String body = "{\"model\": \"best-solo\", \"messages\": [" + String.join(",", List.of(message, message, message, message)) + "]}";
        JsonNode error = assertError(chat(body, AUTH), 400, "invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("messages");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(chat("{\"model\": \"best-solo\", \"messages\": [", AUTH), 400, "invalid_request_error");
        assertError(chat("[1, 2]", AUTH), 400, "invalid_request_error");
    }

    @Test
    void missingOrMistypedFieldsAreBadRequestsNamingTheField() {
        assertThat(assertError(chat("{\"model\": \"best-solo\"}", AUTH), 400, "invalid_request_error")
                .get("param").asText()).isEqualTo("messages");
        assertThat(assertError(chat("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", AUTH), 400,
                "invalid_request_error").get("param").asText()).isEqualTo("model");
        assertThat(assertError(chat("{\"model\": 7, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", AUTH), 400,
                "invalid_request_error").get("param").asText()).isEqualTo("model");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"messages\": \"hi\"}", AUTH), 400,
                "invalid_request_error").get("param").asText()).isEqualTo("messages");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"messages\": []}", AUTH), 400,
                "invalid_request_error").get("param").asText()).isEqualTo("messages");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}",
                AUTH), 400, "invalid_request_error").get("param").asText()).isEqualTo("messages[0].role");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"messages\": [{\"role\": \"user\", \"content\": 3}]}",
                AUTH), 400, "invalid_request_error").get("param").asText()).isEqualTo("messages[0].content");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"messages\": [{\"role\": \"system\", \"content\": \"be brief\"}]}",
                AUTH), 400, "invalid_request_error").get("param").asText()).isEqualTo("messages");
        assertThat(assertError(chat("{\"model\": \"best-solo\", \"stream\": \"yes\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"hi\"}]}", AUTH), 400, "invalid_request_error")
                .get("param").asText()).isEqualTo("stream");
    }

    @Test
    void mistypedSamplingFieldsAreBadRequestsNamingTheField() {
        String question = "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("\"temperature\": \"hot\"", "temperature");
        refused.put("\"temperature\": 2.5", "temperature");
        refused.put("\"max_tokens\": -1", "max_tokens");
        refused.put("\"max_tokens\": 1.5", "max_tokens");
        refused.put("\"max_completion_tokens\": 0", "max_completion_tokens");
        refused.put("\"top_p\": \"all\"", "top_p");
        refused.put("\"presence_penalty\": 9", "presence_penalty");
        refused.put("\"frequency_penalty\": true", "frequency_penalty");
        refused.put("\"seed\": \"lucky\"", "seed");
        refused.put("\"stop\": 7", "stop");
        refused.put("\"user\": 7", "user");
        refused.forEach((field, param) -> assertThat(assertError(chat("{\"model\": \"best-solo\", " + field + ", " + question
                + "}", AUTH), 400, "invalid_request_error").get("param").asText()).as(field).isEqualTo(param));
    }

    @Test
    void wellTypedSamplingFieldsAreAcceptedAndLeftToThePool() {
        String body = ServerFixture.JSON.createObjectNode().put("model", "best-solo").put("temperature", 0.2)
                .put("top_p", 1).put("max_tokens", 64).put("seed", 7).put("stop", "\n").put("user", "me")
                .set("messages", ServerFixture.JSON.createArrayNode().add(ServerFixture.JSON.createObjectNode()
                        .put("role", "user").put("content", recordedQuestion()))).toString();

        HttpResponse<String> response = chat(body, AUTH);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aKeyGivenTwiceIsABadRequestNamingIt() {
        JsonNode top = assertError(chat("{\"model\": \"best-solo\", \"model\": \"vote:top3\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"hi\"}]}", AUTH), 400, "invalid_request_error");
        assertThat(top.get("param").asText()).isEqualTo("model");
        assertThat(top.get("message").asText()).contains("'model'", "twice");
        JsonNode nested = assertError(chat("{\"model\": \"best-solo\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"hi\", \"role\": \"system\"}]}", AUTH), 400, "invalid_request_error");
        assertThat(nested.get("param").asText()).isEqualTo("messages[0].role");
        JsonNode reward = assertError(fixture.post(RewardRoutes.REWARDS, "{\"completion\": \"a\", \"completion\": \"b\"}",
                AUTH), 400, "invalid_request_error");
        assertThat(reward.get("param").asText()).isEqualTo("completion");
    }

    @Test
    void aBudgetInUsdIsAPlainDecimalNumber() {
        String body = ServerFixture.chat("best-solo", recordedQuestion());
        for (String notPlain : List.of("0x1p3", "8d", "1e-3", "NaN", "Infinity", "1e400", "+1", " ")) {
            assertThat(assertError(chat(body, "Authorization", AUTH[1], "x-baton-max-usd", notPlain), 400,
                    "invalid_request_error").get("param").asText()).as(notPlain).isEqualTo("x-baton-max-usd");
        }
        for (String plain : List.of("0.5", "3", ".25")) {
            HttpResponse<String> response = chat(body, "Authorization", AUTH[1], "x-baton-max-usd", plain);
            assertThat(response.statusCode()).as(plain + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownModelIsNotFound() {
        JsonNode error = assertError(chat(ServerFixture.chat("gpt-17", recordedQuestion()), AUTH), 404, "invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("param").asText()).isEqualTo("model");
    }

    @Test
    void aQuestionTheReplayPoolHasNoRecordingOfIsABadRequest() {
        JsonNode error = assertError(chat(ServerFixture.chat("best-solo", "What is the capital of France?"), AUTH), 400,
                "invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("messages");
        assertThat(error.get("message").asText()).contains("the last user message is not one of gsm8k's questions");
    }

    @Test
    void aBudgetHeaderThatIsNotAPositiveNumberIsABadRequest() {
        String body = ServerFixture.chat("best-solo", recordedQuestion());
        assertThat(assertError(chat(body, "Authorization", AUTH[1], "x-baton-max-calls", "many"), 400, "invalid_request_error")
                .get("param").asText()).isEqualTo("x-baton-max-calls");
        assertThat(assertError(chat(body, "Authorization", AUTH[1], "x-baton-max-usd", "-1"), 400, "invalid_request_error")
                .get("param").asText()).isEqualTo("x-baton-max-usd");
        assertThat(assertError(chat(body, "Authorization", AUTH[1], "x-baton-timeout-ms", "0"), 400, "invalid_request_error")
                .get("param").asText()).isEqualTo("x-baton-timeout-ms");
    }

    @Test
    void aBudgetHeaderLimitsTheRequest() {
        String body = ServerFixture.chat("best-solo", recordedQuestion());
        HttpResponse<String> response = chat(body, "Authorization", AUTH[1], "x-baton-max-calls", "1", "x-baton-max-usd", "5");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-baton-calls")).contains("1");
    }

    @Test
    void anUnknownRouteIsNotFoundInTheSameShape() {
        assertError(fixture.get("/v1/completions-of-old", AUTH), 404, "invalid_request_error");
        assertError(fixture.get("/v1/traces/chatcmpl-none", AUTH), 404, "invalid_request_error");
    }

    @Test
    void beyondTheConcurrentRequestsItIsTooManyRequestsWithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedWorker blocking = ScriptedWorker.computing("slow", request -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "42";
        });
        LoadedPool pool = new LoadedPool(Pool.of(List.of(blocking)), Optional.empty(), Map.of());
        ServerSettings settings = ServerSettings.loopback(0).withLimits(ServerLimits.defaults().withMaxConcurrent(1));
        try (ServerFixture one = new ServerFixture(pool, settings, List.of("solo:slow"))) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> one.post("/v1/chat/completions", ServerFixture.chat("solo:slow", "What is 6 * 7?")));
            entered.await();

            HttpResponse<String> second = one.post("/v1/chat/completions", ServerFixture.chat("slow", "What is 6 * 7?"));
            release.countDown();

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(ServerFixture.json(second).at("/error/type").asText()).isEqualTo("rate_limit_error");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(ServerFixture.json(first.get()).at("/choices/0/message/content").asText()).isEqualTo("42");
            assertThat(one.post("/v1/chat/completions", ServerFixture.chat("slow", "What is 6 * 7?")).statusCode())
                    .as("the permit is given back").isEqualTo(200);
        }
    }

    @Test
    void withTheDefaultLimitsSixtyFourRequestsAtOnceAreAllAnsweredNotRefused() throws Exception {
        int clients = 64;
        CountDownLatch allIn = new CountDownLatch(clients);
        // Each call waits until every request has reached the worker: a request refused at the gate never does, so
        // the calls then give up waiting and the refusals show in the statuses.
        ScriptedWorker slow = ScriptedWorker.computing("slow", request -> {
            allIn.countDown();
            try {
                allIn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "42";
        });
        LoadedPool pool = new LoadedPool(Pool.of(List.of(slow)), Optional.empty(), Map.of("slow", clients));
        try (ServerFixture one = new ServerFixture(pool, ServerSettings.loopback(0), List.of("best-solo"));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                responses.add(threads.submit(() -> one.post("/v1/chat/completions", ServerFixture.chat("slow", "What is 6 * 7?"))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }

            assertThat(statuses).as("statuses of %d requests at once", clients).containsOnly(200);
        }
    }

    @Test
    void whenNoWorkerAnswersItIsABadGatewayAndTheTraceIsKept() {
        LoadedPool pool = new LoadedPool(Pool.of(List.of(ScriptedWorker.failingPermanently("down"))), Optional.empty(), Map.of());
        try (ServerFixture one = new ServerFixture(pool, ServerSettings.loopback(0), List.of("best-solo"))) {
            HttpResponse<String> response = one.post("/v1/chat/completions", ServerFixture.chat("best-solo", "What is 6 * 7?"));

            assertError(response, 502, "server_error");
            String id = response.headers().firstValue("x-baton-trace-id").orElseThrow();
            assertThat(one.kept(id)).hasValueSatisfying(trace -> assertThat(trace.answer()).isEmpty());
            assertThat(one.get("/v1/traces/" + id).statusCode()).isEqualTo(200);
        }
    }
}
