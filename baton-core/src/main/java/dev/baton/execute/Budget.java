package dev.baton.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on one run. A step that would start after a limit is reached is not called; it is recorded
 * in the trace as skipped.
 *
 * @param maxCalls   most worker calls, at least 1
 * @param maxCostUsd most money spent; a call starts only while the spend so far is below it
 * @param deadline   most wall time from the start of the run
 */
public record Budget(int maxCalls, double maxCostUsd, Duration deadline) {

    private static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Double.POSITIVE_INFINITY, Duration.ofDays(365));

    public Budget {
        Objects.requireNonNull(deadline, "deadline");
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1: " + maxCalls);
        }
        if (!(maxCostUsd > 0)) {
            throw new IllegalArgumentException("maxCostUsd must be positive: " + maxCostUsd);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /** Returns a budget with no practical limit. */
    public static Budget unlimited() {
        return UNLIMITED;
    }

    public Budget withMaxCalls(int calls) {
        return new Budget(calls, maxCostUsd, deadline);
    }

    public Budget withMaxCostUsd(double usd) {
        return new Budget(maxCalls, usd, deadline);
    }

    public Budget withDeadline(Duration limit) {
        return new Budget(maxCalls, maxCostUsd, limit);
    }
}
