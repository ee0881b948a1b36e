package dev.baton.cli;

import dev.baton.input.InvalidSettingException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The budget flags of the commands that answer questions ({@code ask}, {@code serve}), checked once here: each is
 * absent, or a positive, finite value. Each command applies them to its own defaults.
 */
final class BudgetOptions {

    @Option(names = "--max-calls", paramLabel = "N", description = "Most calls per question, all rounds together.")
    Integer maxCalls;

    @Option(names = "--max-usd", paramLabel = "USD", description = "Most USD per question; a call starts only if its "
            + "worst case fits.")
    Double maxUsd;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Most wall time for each round of calls, in seconds.")
    Double timeoutSeconds;

    /** Returns {@code --max-calls}, if given. */
    OptionalInt maxCalls() {
        if (maxCalls == null) {
            return OptionalInt.empty();
        }
        if (maxCalls < 1) {
            throw new InvalidSettingException("--max-calls must be at least 1, got " + maxCalls);
        }
        return OptionalInt.of(maxCalls);
    }

    /** Returns {@code --max-usd}, if given. */
    OptionalDouble maxUsd() {
        if (maxUsd == null) {
            return OptionalDouble.empty();
        }
        if (!(maxUsd > 0) || maxUsd.isInfinite()) {
            throw new InvalidSettingException("--max-usd must be a positive number, got " + maxUsd);
        }
        return OptionalDouble.of(maxUsd);
    }

    /** Returns {@code --timeout}, if given. */
    Optional<Duration> timeout() {
        if (timeoutSeconds == null) {
            return Optional.empty();
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds.isInfinite()) {
            throw new InvalidSettingException("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(timeoutSeconds * 1000)));
    }
}
