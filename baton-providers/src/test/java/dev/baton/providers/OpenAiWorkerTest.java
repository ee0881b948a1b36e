package dev.baton.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerException;
import dev.baton.worker.FailureKind;
import dev.baton.task.AnswerType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link LiveWorker} over OpenAI's chat completions, as OpenAI, vLLM, Ollama and llama.cpp speak them. */
class OpenAiWorkerTest extends LiveWorkerContract {

    @Override
    Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    String model() {
        return "gpt-4o-mini";
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    String replyBody(String text, int inputTokens, int outputTokens) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(quote(text), inputTokens, outputTokens, inputTokens + outputTokens);
    }

    @Override
    String replyBodyWithoutUsage(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}]}
                """.formatted(quote(text));
    }

    @Override
    OptionalInt sentOutputLimit(JsonNode requestBody) {
        JsonNode limit = requestBody.has("max_completion_tokens") ? requestBody.get("max_completion_tokens")
                : requestBody.path("max_tokens");
        return limit.isInt() ? OptionalInt.of(limit.asInt()) : OptionalInt.empty();
    }

    static String quote(String text) {
        return JSON.valueToTree(text).toString();
    }

    @Test
    void sendsAChatCompletionWithBearerKeyModelMessagesAndSettings() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));
        LiveWorker worker = LiveWorker.create(spec("gpt")
                .withDefaults(CallOptions.defaults().withMaxOutputTokens(1024).withTemperature(0.7)), Optional.of(KEY));

        worker.call(new CallRequest(new TaskRef("t1", AnswerType.NUMBER), List.of(
                ChatMessage.system("Be brief."), ChatMessage.user("What is 6 * 7?"),
                ChatMessage.assistant("42"), ChatMessage.user("Check it.")),
                CallOptions.defaults().withMaxOutputTokens(64).withReasoningEffort("low")));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = onlyRequestBody();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("max_tokens").asInt()).as("the call's own max tokens win").isEqualTo(64);
        assertThat(body.path("temperature").asDouble()).as("the worker's default temperature stays").isEqualTo(0.7);
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(body.path("messages")).hasSize(4);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("messages").get(2).path("content").asText()).isEqualTo("42");
        assertThat(body.path("messages").get(3).path("content").asText()).isEqualTo("Check it.");
    }

    @Test
    void localEndpointWithoutKeySendsNoAuthorization() throws Exception {
        stub(json(200, replyBody("42", 3, 1)));
        LiveWorker local = LiveWorker.create(LiveWorkerSpec.of("local", Provider.OPENAI, "qwen2.5:7b")
                .withBaseUrl(LoopbackServer.baseUrl(server, "/v1")), Optional.empty());

        assertThat(local.call(ask("Hi", CallOptions.defaults())).costUsd()).isZero();
        assertThat(onlyRequest().containsHeader("Authorization")).isFalse();
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(120));

        var thrown = failure(json(429, "{}").withHeader("Retry-After", date));

        assertThat(thrown.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
    }

    @Test
    void reasoningModelGetsItsLimitAsMaxCompletionTokens() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));
        LiveWorker o3 = LiveWorker.create(LiveWorkerSpec.of("o3", Provider.OPENAI, "o3-mini")
                .withBaseUrl(LoopbackServer.baseUrl(server, "/v1")), Optional.empty());

        o3.call(ask("What is 6 * 7?", CallOptions.defaults()));

        JsonNode body = onlyRequestBody();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(4_096);
        assertThat(body.has("max_tokens")).as("o-series models refuse max_tokens").isFalse();
    }

    @Test
    void chatModelGetsItsLimitAsMaxTokens() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));

        worker("gpt", Duration.ofSeconds(5)).call(ask("What is 6 * 7?", CallOptions.defaults()));

        JsonNode body = onlyRequestBody();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4_096);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void specNamesTheLimitFieldForADeploymentWhoseNameSaysNothing() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));
        LiveWorker deployment = LiveWorker.create(spec("azure-reasoner")
                .withOutputLimitField(OutputLimitField.MAX_COMPLETION_TOKENS), Optional.of(KEY));

        deployment.call(ask("What is 6 * 7?", CallOptions.defaults().withMaxOutputTokens(256)));

        JsonNode body = onlyRequestBody();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void replyWithoutTextIsAMalformedReplyNotRetriedForItWasBilled() {
        WorkerException thrown = failure(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"content_filter"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":4096,"total_tokens":4126}}
                """));

        assertThat(thrown.kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
        assertThat(thrown.retriable()).isFalse();
        assertThat(thrown.getMessage()).contains("no text", "billed 30 tokens in, 4096 out");
        assertThat(thrown.billedUsd()).as("what the budget is charged").isPositive();
    }
}
