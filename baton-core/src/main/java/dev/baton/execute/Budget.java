package dev.baton.execute;

import dev.baton.input.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits on one question's answer, all rounds together, planning calls included. A step that would start after a
 * limit is reached is not called; it is recorded in the trace as skipped, with the reason.
 *
 * <p>The cost limit is never overspent, however many steps run in parallel: before a call, its worst case
 * (prompt tokens estimated as characters / 4 at the input price, plus the most output tokens the call may return,
 * {@link dev.baton.worker.WorkerCard#maxOutputTokens}, which live workers also send as the provider's limit, at the
 * output price) is reserved, and a call whose worst case does not fit in what is neither spent nor reserved is
 * skipped. After the call the reservation is released and the actual cost spent; a reply that still cost more is
 * charged, and the question makes no further call ({@link BudgetMeter}). {@link #unlimited()} admits every call.
 *
 * @param maxCalls   most worker calls, at least 1
 * @param maxCostUsd most money spent, for workers that honour the output-token limit
 * @param deadline   most wall time from the question's start to its last call, all rounds together; a call gets at
 *                   most the time left
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

    /**
     * Returns {@code usd} when it is a limit a person could have meant — a positive, finite number of USD — and
     * otherwise refuses it, naming where it came from. The one check of every money limit a user gives (a flag, a
     * request header, a setting), so they all accept and refuse the same values.
     *
     * @param name where the value was given, for the message (for example {@code --max-usd})
     * @throws InvalidSettingException for zero, a negative number, NaN or infinity
     */
    public static double requireUsd(double usd, String name) {
        if (!(usd > 0) || Double.isInfinite(usd)) {
            throw new InvalidSettingException(name + " must be a positive, finite number of USD, got " + usd);
        }
        return usd;
    }

    /**
     * Returns the tighter of this budget and {@code limit} on each of calls, money and time: a client's own budget
     * within a server's, say.
     */
    public Budget within(Budget limit) {
        return new Budget(Math.min(maxCalls, limit.maxCalls), Math.min(maxCostUsd, limit.maxCostUsd),
                deadline.compareTo(limit.deadline) < 0 ? deadline : limit.deadline);
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
