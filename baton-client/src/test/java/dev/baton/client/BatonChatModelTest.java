package dev.baton.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.conduct.baseline.VoteConductor;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.task.AnswerType;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatonChatModelTest {

    @Test
    void aLangChain4jApplicationGetsTheConductorsAnswerAndTheSummedUsage() {
        ScriptedWorker a = ScriptedWorker.answering("a", "The answer is 42.");
        ScriptedWorker b = ScriptedWorker.answering("b", "It is 42.");
        try (Baton baton = Baton.builder().workers(List.of(a, b)).conductor(pool -> new VoteConductor(pool.ids(), "vote")).build()) {
            ChatModel model = new BatonChatModel(baton, AnswerType.NUMBER);

            ChatResponse response = model.chat(UserMessage.from("What is 6 * 7?"));

            assertThat(response.aiMessage().text()).isEqualTo("The answer is 42.");
            assertThat(response.modelName()).isEqualTo("vote");
            long in = a.requests().size() + b.requests().size();
            assertThat(in).isEqualTo(2);
            assertThat(response.tokenUsage().inputTokenCount() + response.tokenUsage().outputTokenCount())
                    .isPositive();
            assertThat(model.chat("What is 6 * 7?")).isEqualTo("The answer is 42.");
        }
    }

    @Test
    void earlierTurnsTravelAsContextOfTheLastUserMessage() {
        String question = BatonChatModel.question(List.of(SystemMessage.from("Be brief."), UserMessage.from("Hi"),
                AiMessage.from("Hello!"), UserMessage.from("What is 6 * 7?")));

        assertThat(question).isEqualTo("The conversation so far:\nInstructions: Be brief.\nUser: Hi\nAssistant: Hello!\n\n"
                + "Answer this: What is 6 * 7?");
        assertThat(BatonChatModel.question(List.of(UserMessage.from("Just this")))).isEqualTo("Just this");
        assertThatThrownBy(() -> BatonChatModel.question(List.of(SystemMessage.from("No question"))))
                .isInstanceOf(EmptyQuestionException.class);
    }

    @Test
    void noAnswerIsAnErrorSayingWhy() {
        try (Baton baton = Baton.builder().workers(List.of(ScriptedWorker.failingPermanently("down")))
                .conductor(new SoloConductor("down")).build()) {
            assertThatThrownBy(() -> new BatonChatModel(baton).chat("Hello?"))
                    .isInstanceOf(NoAnswerException.class)
                    .hasMessageContaining("no worker answered");
        }
    }
}
