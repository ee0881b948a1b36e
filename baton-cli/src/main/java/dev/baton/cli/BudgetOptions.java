package dev.baton.cli;

import dev.baton.execute.Budget;
import dev.baton.input.InvalidSettingException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The budget flags of the commands that answer questions ({@code ask}, {@code serve}), checked once here: each is
 * absent, or a positive, finite value. Each limits one question, all its rounds and planning calls together; each
 * command applies them to its own defaults ({@link #over}), which its help may show through its resource bundle
 * ({@link ServeHelp}).
 */
final class BudgetOptions {

    @Option(names = "--max-calls", paramLabel = "N",
            description = "Most calls per question, all rounds together.${bundle:default.max-calls:-}")
    Integer maxCalls;

    @Option(names = "--max-usd", paramLabel = "USD", description = "Most USD per question; a call starts only if its "
            + "worst case fits.${bundle:default.max-usd:-}")
    Double maxUsd;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Most wall time per question, in seconds: all "
            + "rounds and planning calls together.${bundle:default.timeout:-}")
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
        return usd("--max-usd", maxUsd);
    }

    /** Returns {@code defaults} with each limit that was given in its place. */
    Budget over(Budget defaults) {
        Budget budget = defaults;
        if (maxCalls().isPresent()) {
            budget = budget.withMaxCalls(maxCalls().getAsInt());
        }
        if (maxUsd().isPresent()) {
            budget = budget.withMaxCostUsd(maxUsd().getAsDouble());
        }
        return timeout().map(budget::withDeadline).orElse(budget);
    }

    /** Returns {@code --timeout}, if given. */
    Optional<Duration> timeout() {
        return seconds("--timeout", timeoutSeconds);
    }

    /** Returns an amount of USD given as {@code flag}, if given; it must be positive and finite. */
    static OptionalDouble usd(String flag, Double usd) {
        return usd == null ? OptionalDouble.empty() : OptionalDouble.of(Budget.requireUsd(usd, flag));
    }

    /** Returns a time given as {@code flag} in seconds, if given; it must be positive and finite. */
    static Optional<Duration> seconds(String flag, Double seconds) {
        if (seconds == null) {
            return Optional.empty();
        }
        if (!(seconds > 0) || seconds.isInfinite()) {
            throw new InvalidSettingException(flag + " must be a positive number of seconds, got " + seconds);
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }
}
