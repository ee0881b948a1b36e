package dev.baton.providers;

import dev.baton.worker.CallOptions;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.googleai.GeminiThinkingConfig;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the LangChain4j model behind a live worker, and the per-call parameters it takes. Provider quirks
 * stay here: which builder, where a reasoning effort goes.
 *
 * <p>Every model sends through a {@link ProviderHttpClient} and has LangChain4j's own retries off
 * ({@code maxRetries(0)}): Baton retries once, in the executor's policy, where the budget and the trace see it.
 */
final class ChatModels {

    private ChatModels() {
    }

    static ChatModel create(LiveWorkerSpec spec, Optional<String> apiKey, Clock clock) {
        ProviderHttpClientBuilder http = new ProviderHttpClientBuilder(clock, usageField(spec.provider()));
        String baseUrl = spec.baseUrl().toString();
        String key = apiKey.orElse(null);
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http).baseUrl(baseUrl).apiKey(key).modelName(spec.model())
                    .timeout(spec.timeout()).maxRetries(0)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http).baseUrl(baseUrl).apiKey(key).modelName(spec.model())
                    .timeout(spec.timeout()).maxRetries(0)
                    .build();
            case GEMINI -> {
                GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder gemini = GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(http).baseUrl(baseUrl).apiKey(key).modelName(spec.model())
                        .timeout(spec.timeout()).maxRetries(0);
                // Gemini takes its thinking level per model, not per request: a call's own effort cannot change it.
                spec.defaults().reasoningEffort()
                        .ifPresent(level -> gemini.thinkingConfig(GeminiThinkingConfig.builder().thinkingLevel(level).build()));
                yield gemini.build();
            }
        };
    }

    /**
     * Returns the field a reply must hold for the provider's LangChain4j model to read it at all: Gemini's model fails
     * on a reply without {@code usageMetadata}, while OpenAI's and Anthropic's read a missing usage as unreported.
     */
    private static Optional<String> usageField(Provider provider) {
        return provider == Provider.GEMINI ? Optional.of("usageMetadata") : Optional.empty();
    }

    /**
     * Returns the request parameters of one call: its own options over the worker's defaults, and always a limit on
     * output tokens, {@code maxOutputTokens} (the card's {@link dev.baton.worker.WorkerCard#maxOutputTokens}, which
     * budgets reserve for), in the field the model reads: Anthropic's {@code max_tokens}, Gemini's
     * {@code maxOutputTokens}, OpenAI's {@code max_tokens} or {@code max_completion_tokens}
     * ({@link LiveWorkerSpec#outputLimitField()}). Without it a provider writes as long as it likes and bills it.
     */
    static ChatRequestParameters parameters(LiveWorkerSpec spec, int maxOutputTokens, CallOptions call) {
        CallOptions defaults = spec.defaults();
        Double temperature = call.temperature().isPresent() ? Double.valueOf(call.temperature().getAsDouble())
                : defaults.temperature().isPresent() ? Double.valueOf(defaults.temperature().getAsDouble()) : null;
        if (spec.provider() == Provider.OPENAI) {
            OpenAiChatRequestParameters.Builder openAi = OpenAiChatRequestParameters.builder()
                    .temperature(temperature)
                    .reasoningEffort(call.reasoningEffort().or(defaults::reasoningEffort).orElse(null));
            return switch (spec.outputLimitField()) {
                case MAX_TOKENS -> openAi.maxOutputTokens(maxOutputTokens).build();
                case MAX_COMPLETION_TOKENS -> openAi.maxCompletionTokens(maxOutputTokens).build();
            };
        }
        return ChatRequestParameters.builder().maxOutputTokens(maxOutputTokens).temperature(temperature).build();
    }
}
