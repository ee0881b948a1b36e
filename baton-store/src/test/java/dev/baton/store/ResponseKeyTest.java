package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseKeyTest {

    @Test
    void spellsACallAsCanonicalJson() {
        CallRequest request = new CallRequest(TaskRef.of(Task.of("t", "q", "a", AnswerType.NUMBER)),
                List.of(ChatMessage.system("Be \"brief\"\n"), ChatMessage.user("2\\2?")),
                CallOptions.defaults().withMaxOutputTokens(64).withTemperature(0.7));

        assertThat(ResponseKey.canonicalJson("openai|https://api.openai.com/v1|gpt-4o", request)).isEqualTo(
                "{\"messages\":[{\"role\":\"system\",\"text\":\"Be \\\"brief\\\"\\u000a\"},{\"role\":\"user\",\"text\":\"2\\\\2?\"}],"
                + "\"model\":\"openai|https://api.openai.com/v1|gpt-4o\","
                + "\"options\":{\"maxOutputTokens\":64,\"reasoningEffort\":null,\"temperature\":0.7},\"v\":1}");
    }

    @Test
    void theTaskIsNotPartOfTheKey() {
        List<ChatMessage> messages = List.of(ChatMessage.user("What is 6 * 7?"));
        CallRequest one = new CallRequest(TaskRef.of(Task.of("t1", "q", "42", AnswerType.NUMBER)), messages, CallOptions.defaults());
        CallRequest other = new CallRequest(TaskRef.of(Task.of("t2", "q", "42", AnswerType.NUMBER)), messages, CallOptions.defaults());

        assertThat(ResponseKey.of("m", one)).isEqualTo(ResponseKey.of("m", other)).hasSize(32);
        assertThat(ResponseKey.of("m", one)).isNotEqualTo(ResponseKey.of("n", one));
    }
}
