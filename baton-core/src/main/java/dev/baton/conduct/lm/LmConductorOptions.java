package dev.baton.conduct.lm;

import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link LmConductor} works; every setting has a default.
 *
 * @param prompt         what it says to its model; {@link LmPrompt#builtIn()} by default
 * @param maxRounds      most rounds it plans, at least 1 (default {@value #DEFAULT_MAX_ROUNDS}); the round loop's own
 *                       cap applies too
 * @param fallbackWorker the worker that answers alone when the first round's workflow cannot be had (the model's
 *                       reply unreadable even after one repair request, or the call failed); empty for the view's
 *                       first worker, "Model 0"
 */
public record LmConductorOptions(LmPrompt prompt, int maxRounds, Optional<String> fallbackWorker) {

    public static final int DEFAULT_MAX_ROUNDS = 3;

    private static final LmConductorOptions DEFAULTS = new LmConductorOptions(LmPrompt.builtIn(), DEFAULT_MAX_ROUNDS, Optional.empty());

    public LmConductorOptions {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(fallbackWorker, "fallbackWorker");
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1: " + maxRounds);
        }
        if (fallbackWorker.isPresent() && fallbackWorker.get().isBlank()) {
            throw new IllegalArgumentException("the fallback worker id must not be blank");
        }
    }

    /** Returns the defaults: the shipped prompt, {@value #DEFAULT_MAX_ROUNDS} rounds, Model 0 as fallback. */
    public static LmConductorOptions defaults() {
        return DEFAULTS;
    }

    public LmConductorOptions withPrompt(LmPrompt value) {
        return new LmConductorOptions(value, maxRounds, fallbackWorker);
    }

    public LmConductorOptions withMaxRounds(int value) {
        return new LmConductorOptions(prompt, value, fallbackWorker);
    }

    public LmConductorOptions withFallbackWorker(String workerId) {
        return new LmConductorOptions(prompt, maxRounds, Optional.of(workerId));
    }
}
