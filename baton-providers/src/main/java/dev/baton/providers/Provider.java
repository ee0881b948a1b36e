package dev.baton.providers;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The wire protocols a live worker speaks, each through its LangChain4j model. */
public enum Provider {
    /**
     * OpenAI's chat completions ({@code POST {base}/chat/completions}, {@code Authorization: Bearer}), spoken
     * by OpenAI and by vLLM, Ollama, llama.cpp, OpenRouter, LiteLLM and most local servers.
     */
    OPENAI("openai", "https://api.openai.com/v1", false, true),
    /** Anthropic's messages API ({@code POST {base}/messages}, {@code x-api-key}, {@code anthropic-version}). */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", true, false),
    /** Google's Gemini API ({@code POST {base}/models/{model}:generateContent}, {@code x-goog-api-key}). */
    GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", true, true);

    private final String id;
    private final URI defaultBaseUrl;
    private final boolean requiresKey;
    private final boolean hasReasoningEffort;

    Provider(String id, String defaultBaseUrl, boolean requiresKey, boolean hasReasoningEffort) {
        this.id = id;
        this.defaultBaseUrl = URI.create(defaultBaseUrl);
        this.requiresKey = requiresKey;
        this.hasReasoningEffort = hasReasoningEffort;
    }

    /** Returns the name a pool file uses: {@code openai}, {@code anthropic}, {@code gemini}. */
    public String id() {
        return id;
    }

    /** Returns the provider's public endpoint, used when a worker names none. */
    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Returns whether calls need an API key (a local OpenAI-compatible server usually does not). */
    public boolean requiresKey() {
        return requiresKey;
    }

    /**
     * Returns whether the provider takes a reasoning effort: OpenAI's {@code reasoning_effort}, Gemini's
     * thinking level. Anthropic's extended thinking is set by a token budget instead, which Baton does not set.
     */
    public boolean hasReasoningEffort() {
        return hasReasoningEffort;
    }

    /** Returns the provider a pool file names, if any. */
    public static Optional<Provider> named(String name) {
        return Arrays.stream(values()).filter(p -> p.id.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Returns the names {@link #named} accepts, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
    }
}
