package dev.baton.client;

import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.task.AnswerType;
import dev.baton.task.Conversation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * Baton as a LangChain4j {@link ChatModel}: an application built on LangChain4j gets the conductor and its pool by
 * swapping one model object. The last user message is the question; earlier turns and system instructions are
 * passed along as context in the question's text. Token usage in the response sums every call Baton made.
 *
 * <pre>{@code
 * ChatModel model = new BatonChatModel(baton);             // instead of OpenAiChatModel.builder()...build()
 * String reply = model.chat("What is 6 * 7?");
 * }</pre>
 *
 * <p>Request parameters (temperature, max tokens) are the pool's business and are not forwarded; tools and
 * response formats are not supported.
 */
public final class BatonChatModel implements ChatModel {

    private final Baton baton;
    private final AnswerType answerType;

    /** Answers free-text questions. */
    public BatonChatModel(Baton baton) {
        this(baton, AnswerType.TEXT);
    }

    /** Answers questions whose answers are read as {@code answerType} (votes compare answers by it). */
    public BatonChatModel(Baton baton, AnswerType answerType) {
        this.baton = Objects.requireNonNull(baton, "baton");
        this.answerType = Objects.requireNonNull(answerType, "answerType");
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Answer answer = baton.ask(question(request.messages()), answerType);
        String text = answer.text().orElseThrow(() -> new NoAnswerException(failures(answer)));
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .tokenUsage(new TokenUsage(Math.toIntExact(answer.inputTokens()), Math.toIntExact(answer.outputTokens())))
                .modelName(answer.conductor())
                .finishReason(FinishReason.STOP)
                .build();
    }

    /** Returns the last user message, preceded by the conversation before it when there is one ({@link Conversation}). */
    static String question(List<ChatMessage> messages) {
        return new Conversation(messages.stream().map(m -> new Conversation.Turn(speaker(m), text(m))).toList()).question()
                .orElseThrow(EmptyQuestionException::new);
    }

    private static Conversation.Speaker speaker(ChatMessage message) {
        return switch (message) {
            case SystemMessage ignored -> Conversation.Speaker.INSTRUCTIONS;
            case UserMessage ignored -> Conversation.Speaker.USER;
            case AiMessage ignored -> Conversation.Speaker.ASSISTANT;
            default -> Conversation.Speaker.NOTE;
        };
    }

    private static String text(ChatMessage message) {
        return switch (message) {
            case SystemMessage system -> system.text();
            case UserMessage user when user.hasSingleText() -> user.singleText();
            case UserMessage user -> throw new UnsupportedContentException("only text user messages are supported, got "
                    + user.contents().size() + " parts");
            case AiMessage ai -> ai.text() == null ? "" : ai.text();
            default -> String.valueOf(message);
        };
    }

    private static String failures(Answer answer) {
        List<String> why = answer.trace().calls().stream()
                .map(CallRecord::result)
                .map(result -> switch (result) {
                    case CallResult.Failed failed -> failed.error();
                    case CallResult.Skipped skipped -> skipped.reason();
                    case CallResult.Answered answered -> "";
                })
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        return "no worker answered" + (why.isEmpty() ? "" : ": " + String.join("; ", why));
    }
}
