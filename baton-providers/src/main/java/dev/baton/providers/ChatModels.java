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
        ProviderHttpClientBuilder http = new ProviderHttpClientBuilder(clock);
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

    /** Returns the request parameters of one call: its own options over the worker's defaults. */
    static ChatRequestParameters parameters(LiveWorkerSpec spec, CallOptions call) {
        CallOptions defaults = spec.defaults();
        Integer maxTokens = call.maxOutputTokens().isPresent() ? Integer.valueOf(call.maxOutputTokens().getAsInt())
                : defaults.maxOutputTokens().isPresent() ? Integer.valueOf(defaults.maxOutputTokens().getAsInt()) : null;
        Double temperature = call.temperature().isPresent() ? Double.valueOf(call.temperature().getAsDouble())
                : defaults.temperature().isPresent() ? Double.valueOf(defaults.temperature().getAsDouble()) : null;
        if (spec.provider() == Provider.OPENAI) {
            return OpenAiChatRequestParameters.builder()
                    .maxOutputTokens(maxTokens)
                    .temperature(temperature)
                    .reasoningEffort(call.reasoningEffort().or(defaults::reasoningEffort).orElse(null))
                    .build();
        }
        return ChatRequestParameters.builder().maxOutputTokens(maxTokens).temperature(temperature).build();
    }
}
