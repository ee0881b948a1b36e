package dev.baton.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The field of an OpenAI chat completion request that carries the call's limit on output tokens. Anthropic
 * ({@code max_tokens}) and Gemini ({@code maxOutputTokens}) each have one field, so this matters to
 * {@link Provider#OPENAI} only.
 */
public enum OutputLimitField {
    /** {@code max_tokens}: what OpenAI-compatible servers (vLLM, Ollama, llama.cpp) and OpenAI's chat models read. */
    MAX_TOKENS("max_tokens"),
    /** {@code max_completion_tokens}: what OpenAI's reasoning models (o1, o3, o4-mini, gpt-5) require instead. */
    MAX_COMPLETION_TOKENS("max_completion_tokens");

    /** OpenAI's reasoning model families, with or without a router's {@code openai/} prefix: o1, o3-mini, gpt-5.1, ... */
    private static final Pattern REASONING_MODEL = Pattern.compile("(?:[\\w.-]+/)?(?:o\\d+|gpt-5)(?:[-.:_].*)?");

    private final String field;

    OutputLimitField(String field) {
        this.field = field;
    }

    /** Returns the field's name on the wire, as a pool file writes it. */
    public String field() {
        return field;
    }

    /**
     * Returns the field a model of {@code provider} reads: {@link #MAX_COMPLETION_TOKENS} for OpenAI's reasoning
     * models, told by their names, and {@link #MAX_TOKENS} for everything else. A pool file's
     * {@code max_tokens_field} overrides this, for a deployment whose name says nothing (Azure, a proxy's alias).
     */
    public static OutputLimitField forModel(Provider provider, String model) {
        return provider == Provider.OPENAI && REASONING_MODEL.matcher(model.toLowerCase(Locale.ROOT)).matches()
                ? MAX_COMPLETION_TOKENS : MAX_TOKENS;
    }

    /** Returns the value a pool file names by its wire name, if any. */
    public static Optional<OutputLimitField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.field.equals(name)).findFirst();
    }

    /** Returns the names {@link #named} accepts, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(OutputLimitField::field).collect(Collectors.joining(", "));
    }
}
