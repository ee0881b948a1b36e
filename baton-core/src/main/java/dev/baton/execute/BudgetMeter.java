package dev.baton.execute;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one question has spent against its {@link Budget}, from its first planning call to its last step, over every
 * round: the one account every call of the question is charged to. The {@link dev.baton.conduct.Orchestrator} opens
 * one per question ({@link #start}) and hands it to each {@link Executor} call it makes, so the call limit, the money
 * and the deadline all count the question as a whole.
 *
 * <p>Shared by concurrently running steps, so the counters change only under the meter's lock: a call and its
 * worst-case cost are reserved before the call starts, which keeps parallel steps from all taking the last slot or
 * the last dollar. A reply that costs more than was reserved for it (a provider that ignored the output limit) is
 * charged in full, and then, under a money limit, the meter admits no further call: the worst case it was built on no
 * longer holds.
 */
public final class BudgetMeter implements BudgetState {

    /** Floating-point room allowed before a reply counts as costing more than its reservation. */
    private static final double OVERRUN_TOLERANCE = 1e-12;

    private final Budget budget;
    private final long startNanos;
    private int calls;
    private double spentUsd;
    private double reservedUsd;
    private Optional<String> overrun = Optional.empty();

    private BudgetMeter(Budget budget, double spentSoFar) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.startNanos = System.nanoTime();
        this.spentUsd = spentSoFar;
    }

    /** Opens the account of one question now: its deadline counts from this moment. */
    public static BudgetMeter start(Budget budget) {
        return new BudgetMeter(budget, 0);
    }

    /**
     * Opens an account that has already spent {@code spentUsd} (a recording resumed after a kill), so only the rest
     * of {@code budget}'s money is left.
     */
    static BudgetMeter resumed(Budget budget, double spentUsd) {
        if (!(spentUsd >= 0) || Double.isInfinite(spentUsd)) {
            throw new IllegalArgumentException("spent so far must be a non-negative, finite number of USD: " + spentUsd);
        }
        return new BudgetMeter(budget, spentUsd);
    }

    /**
     * Reserves one call that may cost up to {@code worstCaseUsd}, or returns why the budget forbids it. A
     * reservation must be {@linkplain #settle settled} when the call ends.
     */
    synchronized Optional<String> reserve(double worstCaseUsd) {
        if (overrun.isPresent()) {
            return overrun;
        }
        if (calls >= budget.maxCalls()) {
            return Optional.of("budget: all " + budget.maxCalls() + " calls used");
        }
        // Written so that an unlimited budget (an infinite cap) admits every call, whatever its worst case.
        if (spentUsd + reservedUsd + worstCaseUsd > budget.maxCostUsd()) {
            return Optional.of(String.format(Locale.ROOT,
                    "budget: a call that may cost up to $%.6f does not fit: $%.6f spent and $%.6f reserved of $%.6f",
                    worstCaseUsd, spentUsd, reservedUsd, budget.maxCostUsd()));
        }
        if (timeLeft().isZero()) {
            return Optional.of("budget: deadline of " + budget.deadline().toMillis() + " ms passed");
        }
        calls++;
        reservedUsd += worstCaseUsd;
        return Optional.empty();
    }

    /**
     * Releases a reservation of {@code reservedUsd} and spends what the call actually cost. A call that cost more
     * than its reservation stops the account: every later {@link #reserve} is refused, saying why.
     */
    synchronized void settle(double reservedUsd, double actualUsd) {
        // Floating-point subtraction may leave a residue just below zero once every call has settled.
        this.reservedUsd = Math.max(0, this.reservedUsd - reservedUsd);
        this.spentUsd += actualUsd;
        // Only a money limit rests on the worst case: without one (an offline replay, a recording with no cap) a long
        // reply is no reason to stop.
        boolean limited = !Double.isInfinite(budget.maxCostUsd());
        if (limited && actualUsd > reservedUsd + OVERRUN_TOLERANCE && overrun.isEmpty()) {
            overrun = Optional.of(String.format(Locale.ROOT,
                    "budget: a reply cost $%.6f, more than the $%.6f reserved for it (its provider ignored the output"
                            + " limit); no further calls", actualUsd, reservedUsd));
        }
    }

    @Override
    public Budget budget() {
        return budget;
    }

    @Override
    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized double spentUsd() {
        return spentUsd;
    }

    @Override
    public synchronized double reservedUsd() {
        return reservedUsd;
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public Duration timeLeft() {
        Duration left = budget.deadline().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
