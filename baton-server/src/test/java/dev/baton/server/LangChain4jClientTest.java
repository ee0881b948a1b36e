package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.client.Answer;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.worker.ChatMessage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LangChain4j's {@link OpenAiChatModel}, pointed at the server, uses a conductor as it would any OpenAI model. */
class LangChain4jClientTest {

    @Test
    void answersARecordedQuestionAsBatonAskDoes() {
        Task task = ServerFixture.recordedTask();
        Answer expected = ServerFixture.askedDirectly("best-solo", task);
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"))) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(fixture.baseUrl()).apiKey("unused")
                    .modelName("best-solo").maxRetries(0).build();

            ChatResponse response = model.chat(UserMessage.from(task.question()));

            assertThat(response.aiMessage().text()).isEqualTo(expected.text().orElseThrow());
            assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(Math.toIntExact(expected.inputTokens()));
            assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(Math.toIntExact(expected.outputTokens()));
            assertThat(response.metadata().id()).isNotBlank();
            assertThat(fixture.kept(response.metadata().id())).hasValueSatisfying(trace -> {
                assertThat(trace.answer()).isEqualTo(expected.text());
                assertThat(trace.calls()).isEqualTo(expected.calls());
                assertThat(trace.costUsd()).isEqualTo(expected.costUsd());
            });
        }
    }

    @Test
    void earlierTurnsReachTheWorkersAsContext() {
        ScriptedWorker echo = ScriptedWorker.computing("echo", request -> request.messages().stream()
                .filter(m -> m.role() == ChatMessage.Role.USER).map(ChatMessage::text).reduce((a, b) -> b).orElse(""));
        LoadedPool pool = new LoadedPool(Pool.of(List.of(echo)), Optional.empty(), Map.of());
        try (ServerFixture fixture = new ServerFixture(pool, ServerSettings.loopback(0), List.of("best-solo"))) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(fixture.baseUrl()).apiKey("unused")
                    .modelName("best-solo").maxRetries(0).build();

            String reply = model.chat(SystemMessage.from("Answer in French."), UserMessage.from("My name is Ada."),
                    AiMessage.from("Enchantée, Ada."), UserMessage.from("What is my name?")).aiMessage().text();

            assertThat(reply).contains("Instructions: Answer in French.", "User: My name is Ada.",
                    "Assistant: Enchantée, Ada.", "Answer this: What is my name?");
        }
    }

    @Test
    void aWorkerIsAModelOfItsOwn() {
        ScriptedWorker fixed = ScriptedWorker.answering("fixed", "forty-two");
        LoadedPool pool = new LoadedPool(Pool.of(List.of(fixed)), Optional.empty(), Map.of());
        try (ServerFixture fixture = new ServerFixture(pool, ServerSettings.loopback(0), List.of("best-solo"))) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(fixture.baseUrl()).apiKey("unused")
                    .modelName("fixed").maxRetries(0).build();

            ChatResponse response = model.chat(UserMessage.from("What is 6 * 7?"));

            assertThat(response.aiMessage().text()).isEqualTo("forty-two");
            assertThat(fixture.kept(response.metadata().id())).hasValueSatisfying(t -> assertThat(t.model()).isEqualTo("fixed"));
        }
    }
}
