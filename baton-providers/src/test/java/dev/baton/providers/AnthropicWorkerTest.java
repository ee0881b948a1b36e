package dev.baton.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.task.AnswerType;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link LiveWorker} over Anthropic's messages API. */
class AnthropicWorkerTest extends LiveWorkerContract {

    @Override
    Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    String model() {
        return "claude-sonnet-4-5";
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/messages";
    }

    @Override
    String replyBody(String text, int inputTokens, int outputTokens) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}
                """.formatted(OpenAiWorkerTest.quote(text), inputTokens, outputTokens);
    }

    @Override
    String replyBodyWithoutUsage(String text) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null}
                """.formatted(OpenAiWorkerTest.quote(text));
    }

    @Override
    OptionalInt sentOutputLimit(JsonNode requestBody) {
        JsonNode limit = requestBody.path("max_tokens");
        return limit.isInt() ? OptionalInt.of(limit.asInt()) : OptionalInt.empty();
    }

    @Test
    void sendsAMessagesRequestWithKeyVersionSystemAndSettings() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));
        LiveWorker worker = LiveWorker.create(spec("claude")
                .withDefaults(CallOptions.defaults().withMaxOutputTokens(1024).withTemperature(0)), Optional.of(KEY));

        worker.call(new CallRequest(new TaskRef("t1", AnswerType.NUMBER), List.of(
                ChatMessage.system("Be brief."), ChatMessage.user("What is 6 * 7?"),
                ChatMessage.assistant("42"), ChatMessage.user("Check it.")),
                CallOptions.defaults().withTemperature(0.5)));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/messages");
        assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.containsHeader("Authorization")).isFalse();
        JsonNode body = onlyRequestBody();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("temperature").asDouble()).as("the call's own temperature wins").isEqualTo(0.5);
        assertThat(body.path("system").toString()).contains("Be brief.");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).toString()).contains("What is 6 * 7?");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).toString()).contains("Check it.");
    }
}
