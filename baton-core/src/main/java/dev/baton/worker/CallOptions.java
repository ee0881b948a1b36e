package dev.baton.worker;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Per-call generation settings. Unset values leave the provider's default in place.
 *
 * @param maxOutputTokens upper bound on generated tokens
 * @param temperature     sampling temperature, 0 for greedy
 * @param reasoningEffort provider-specific effort level ("low", "medium", "high") for reasoning models
 */
public record CallOptions(OptionalInt maxOutputTokens, OptionalDouble temperature, Optional<String> reasoningEffort) {

    private static final CallOptions DEFAULTS = new CallOptions(OptionalInt.empty(), OptionalDouble.empty(), Optional.empty());

    public CallOptions {
        if (maxOutputTokens.isPresent() && maxOutputTokens.getAsInt() <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens.getAsInt());
        }
        if (temperature.isPresent() && (temperature.getAsDouble() < 0 || temperature.getAsDouble() > 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature.getAsDouble());
        }
    }

    /** Returns options that leave every setting to the provider. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    public CallOptions withMaxOutputTokens(int tokens) {
        return new CallOptions(OptionalInt.of(tokens), temperature, reasoningEffort);
    }

    public CallOptions withTemperature(double value) {
        return new CallOptions(maxOutputTokens, OptionalDouble.of(value), reasoningEffort);
    }

    public CallOptions withReasoningEffort(String effort) {
        return new CallOptions(maxOutputTokens, temperature, Optional.of(effort));
    }
}
