package dev.baton.providers;

import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Reply;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import dev.baton.worker.WorkerException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker that asks a live model, through LangChain4j, over HTTP: any OpenAI-compatible server, Anthropic or
 * Gemini (see {@link Provider}).
 *
 * <p>Every call carries a limit on output tokens: the call's own, else the spec's default, else 4,096
 * ({@link WorkerCard#maxOutputTokens}), the same limit a budget reserves for. Tokens come from the provider's usage
 * fields, exactly, and the cost is the spec's price of them; a reply without usage is kept with its tokens estimated
 * from characters ({@link Reply#usageEstimated()}), since the provider billed it; a reply without text is a
 * permanent {@link FailureKind#MALFORMED_REPLY}, not retried for the same reason. Every failure is a typed
 * {@link WorkerException}: HTTP 429 is {@link FailureKind#RATE_LIMITED} with the {@code Retry-After} wait,
 * 5xx (Anthropic's 529 too) {@link FailureKind#SERVER_ERROR}, a timeout {@link FailureKind#TIMEOUT}, a
 * failed connection {@link FailureKind#NETWORK}, 401/403 {@link FailureKind#AUTHENTICATION}, 400/413/422
 * {@link FailureKind#INVALID_REQUEST}, 404 {@link FailureKind#NOT_FOUND}; the last four are permanent. Nothing
 * is retried here. The API key is held only by the HTTP client and never appears in the card,
 * {@link #toString()} or a failure's message.
 *
 * <pre>{@code
 * Worker gpt = LiveWorker.create(LiveWorkerSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini")
 *         .withPrice(new Price(0.15, 0.60)), Optional.of(System.getenv("OPENAI_API_KEY")));
 * }</pre>
 *
 * <p>Thread-safe: LangChain4j's models and the JDK's HTTP client serve concurrent calls.
 */
public final class LiveWorker implements Worker {

    private final LiveWorkerSpec spec;
    private final WorkerCard card;
    private final ChatModel model;
    private final FailureMapper failures;

    private LiveWorker(LiveWorkerSpec spec, Optional<String> apiKey, Clock clock) {
        this.spec = spec;
        this.card = spec.card();
        this.model = ChatModels.create(spec, apiKey, clock);
        this.failures = new FailureMapper(spec.id(), spec.provider().id(), apiKey);
    }

    /**
     * Creates the worker a spec describes.
     *
     * @param apiKey the key itself (the pool resolves the spec's variable), or empty for an endpoint that needs none
     * @throws IllegalArgumentException when the provider requires a key and none is given
     */
    public static LiveWorker create(LiveWorkerSpec spec, Optional<String> apiKey) {
        return create(spec, apiKey, Clock.systemUTC());
    }

    static LiveWorker create(LiveWorkerSpec spec, Optional<String> apiKey, Clock clock) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(apiKey, "apiKey");
        if (spec.provider().requiresKey() && apiKey.filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalArgumentException(spec.id() + ": " + spec.provider().id() + " needs an API key");
        }
        return new LiveWorker(spec, apiKey, clock);
    }

    /** Returns the spec this worker was built from. */
    public LiveWorkerSpec spec() {
        return spec;
    }

    @Override
    public WorkerCard card() {
        return card;
    }

    @Override
    public Reply call(CallRequest request) throws WorkerException {
        ChatRequest chat = ChatRequest.builder()
                .messages(request.messages().stream().map(LiveWorker::toLangChain4j).toList())
                .parameters(ChatModels.parameters(spec, card.maxOutputTokens(request.options()), request.options()))
                .build();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(chat);
        } catch (RuntimeException e) {
            throw failures.map(e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        Integer reportedIn = usage == null ? null : usage.inputTokenCount();
        Integer reportedOut = usage == null ? null : usage.outputTokenCount();
        if (text == null) {
            // Billed, and asking again would most likely be billed for the same: a filtered reply, or one whose
            // whole limit went on reasoning. So it is not retried.
            String billed = reportedIn == null || reportedOut == null ? ""
                    : " (billed " + reportedIn + " tokens in, " + reportedOut + " out)";
            double cost = billed.isEmpty() ? 0 : card.price().cost(reportedIn, reportedOut);
            throw new WorkerException.Permanent(spec.id(), FailureKind.MALFORMED_REPLY,
                    spec.id() + ": " + spec.provider().id() + ": the reply holds no text" + billed, cost);
        }
        if (reportedIn != null && reportedOut != null) {
            return new Reply(text, reportedIn, reportedOut, card.price().cost(reportedIn, reportedOut), latency);
        }
        // The provider billed the call without saying for what: count it by its characters, marked as estimated,
        // rather than fail a call that asking again would only pay for twice.
        long in = reportedIn != null ? reportedIn : request.estimatedInputTokens();
        long out = reportedOut != null ? reportedOut : CallRequest.estimatedTokens(text);
        return new Reply(text, in, out, card.price().cost(in, out), latency, true);
    }

    private static dev.langchain4j.data.message.ChatMessage toLangChain4j(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> UserMessage.from(message.text());
            case ASSISTANT -> AiMessage.from(message.text());
        };
    }

    @Override
    public String toString() {
        return "LiveWorker[" + card.id() + " = " + card.model() + "]";
    }
}
