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

/** {@link LiveWorker} over Google's Gemini API ({@code generateContent}). */
class GeminiWorkerTest extends LiveWorkerContract {

    @Override
    Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    String model() {
        return "gemini-2.5-flash";
    }

    @Override
    String basePath() {
        return "/v1beta";
    }

    @Override
    String chatPath() {
        return "/v1beta/models/gemini-2.5-flash:generateContent";
    }

    @Override
    String replyBody(String text, int inputTokens, int outputTokens) {
        return """
                {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":%d,"candidatesTokenCount":%d,"totalTokenCount":%d},
                 "modelVersion":"gemini-2.5-flash"}
                """.formatted(OpenAiWorkerTest.quote(text), inputTokens, outputTokens, inputTokens + outputTokens);
    }

    @Override
    String replyBodyWithoutUsage(String text) {
        return """
                {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP","index":0}],
                 "modelVersion":"gemini-2.5-flash"}
                """.formatted(OpenAiWorkerTest.quote(text));
    }

    @Override
    OptionalInt sentOutputLimit(JsonNode requestBody) {
        JsonNode limit = requestBody.path("generationConfig").path("maxOutputTokens");
        return limit.isInt() ? OptionalInt.of(limit.asInt()) : OptionalInt.empty();
    }

    @Test
    void sendsGenerateContentWithKeyHeaderContentsAndGenerationConfig() throws Exception {
        stub(json(200, replyBody("42", 30, 2)));
        LiveWorker worker = LiveWorker.create(spec("gemini")
                .withDefaults(CallOptions.defaults().withMaxOutputTokens(256).withTemperature(0.2)), Optional.of(KEY));

        worker.call(new CallRequest(new TaskRef("t1", AnswerType.NUMBER), List.of(
                ChatMessage.system("Be brief."), ChatMessage.user("What is 6 * 7?"),
                ChatMessage.assistant("42"), ChatMessage.user("Check it.")),
                CallOptions.defaults().withMaxOutputTokens(32)));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
        JsonNode body = onlyRequestBody();
        assertThat(body.path("systemInstruction").toString()).contains("Be brief.");
        JsonNode contents = body.path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0).path("role").asText()).isEqualTo("user");
        assertThat(contents.get(0).path("parts").get(0).path("text").asText()).isEqualTo("What is 6 * 7?");
        assertThat(contents.get(1).path("role").asText()).isEqualTo("model");
        assertThat(contents.get(2).path("parts").get(0).path("text").asText()).isEqualTo("Check it.");
        assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(32);
        assertThat(body.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.2);
    }
}
