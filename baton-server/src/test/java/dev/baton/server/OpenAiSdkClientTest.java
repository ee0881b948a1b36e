package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.baton.client.Answer;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the server, gets exactly what {@code baton ask} answers on the replay pool. */
class OpenAiSdkClientTest {

    private static ServerFixture fixture;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(ServerSettings.loopback(0).withApiKeys(List.of("sk-test")), List.of("best-solo", "vote:top3"));
        client = OpenAIOkHttpClient.builder().baseUrl(fixture.baseUrl()).apiKey("sk-test").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        fixture.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String model, Task task) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(task.question());
    }

    @Test
    void answersARecordedQuestionAsBatonAskDoesWithItsCostCallsAndTrace() {
        Task task = ServerFixture.recordedTask();
        Answer expected = ServerFixture.askedDirectly("vote:top3", task);

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(ask("vote:top3", task).build());
        ChatCompletion completion = raw.parse();

        assertThat(completion.model()).isEqualTo("vote:top3");
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().getFirst().message().content()).contains(expected.text().orElseThrow());
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(expected.inputTokens());
        assertThat(usage.completionTokens()).isEqualTo(expected.outputTokens());
        assertThat(usage.totalTokens()).isEqualTo(expected.inputTokens() + expected.outputTokens());
        assertThat(usage._additionalProperties().get("cost").convert(Double.class)).isEqualTo(expected.costUsd());
        assertThat(raw.headers().values("x-baton-calls")).containsExactly(Integer.toString(expected.calls()));
        assertThat(Double.parseDouble(raw.headers().values("x-baton-response-cost").getFirst())).isEqualTo(expected.costUsd());
        assertThat(raw.headers().values("x-baton-trace-id")).containsExactly(completion.id());
        var baton = completion._additionalProperties().get("baton").convert(java.util.Map.class);
        assertThat(baton.get("trace_id")).isEqualTo(completion.id());
        assertThat(baton.get("calls")).isEqualTo(expected.calls());
        assertThat((List<?>) baton.get("workflows")).singleElement().asString().startsWith("model_id = [");
        assertThat(fixture.kept(completion.id())).isPresent();
    }

    @Test
    void streamsTheAnswerAsChunksEndingWithUsage() {
        Task task = ServerFixture.recordedTask();
        Answer expected = ServerFixture.askedDirectly("best-solo", task);
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("best-solo", task)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            chunks = stream.stream().toList();
        }
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));

        assertThat(text.toString()).isEqualTo(expected.text().orElseThrow());
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.getFirst().id());
        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).map(c -> c.finishReason().map(Object::toString).orElse("")))
                .contains("stop");
        CompletionUsage usage = chunks.getLast().usage().orElseThrow();
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(usage.totalTokens()).isEqualTo(expected.inputTokens() + expected.outputTokens());
        assertThat(usage._additionalProperties().get("cost").convert(Double.class)).isEqualTo(expected.costUsd());
    }

    @Test
    void streamsWithoutAUsageChunkUnlessAskedFor() {
        Task task = ServerFixture.recordedTask();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("best-solo", task).build())) {
            chunks = stream.stream().toList();
        }

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
        assertThat(chunks.getLast().choices()).singleElement().satisfies(c -> assertThat(c.finishReason()).isPresent());
    }

    @Test
    void answersAsOnePoolWorkerUnderItsIdGivenTheConversationAsIs() throws Exception {
        Task task = ServerFixture.recordedTask();
        String worker = ServerFixture.gsm8k().pool().ids().getFirst();
        Reply expected = ServerFixture.gsm8k().pool().get(worker).call(new CallRequest(TaskRef.of(task),
                List.of(ChatMessage.user(task.question())), CallOptions.defaults()));

        ChatCompletion completion = client.chat().completions().create(ask(worker, task).build());

        assertThat(completion.choices().getFirst().message().content()).contains(expected.text());
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(expected.inputTokens());
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(expected.outputTokens());
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundException() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("gpt-17", ServerFixture.recordedTask()).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.param()).contains("model");
                });
    }
}
