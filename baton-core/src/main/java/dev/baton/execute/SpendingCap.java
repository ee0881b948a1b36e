package dev.baton.execute;

import java.util.Objects;
import java.util.Optional;

/**
 * A spending limit shared by every call of many runs — a whole recording of a benchmark, say — where a
 * {@link Budget} limits one task. It meters calls as the budget does (a {@link BudgetMeter}: each call's worst case
 * reserved before the call, the actual cost settled after), so however many calls run at once the total never passes
 * the cap. A call that does not fit is not made and is recorded as skipped, saying so.
 *
 * <p>What the cap has spent may outlive the process: a {@link Ledger} hears each reservation before its call starts
 * and each settlement after, so a recording killed midway and started again begins from what it spent
 * ({@code spentBeforeUsd}), counting a call that was in flight when it died at its worst case.
 *
 * <p>Add it to the executor ({@link Executor.Builder#addInterceptor}) after the response cache, so that a cached reply,
 * which costs nothing, is never refused for want of money.
 */
public final class SpendingCap implements Interceptor {

    /**
     * Keeps what a cap spends where it outlives the process. Implementations must be thread-safe: calls in flight at
     * once hold and settle concurrently.
     */
    public interface Ledger {

        /** A ledger that keeps nothing: the cap counts in memory only. */
        Ledger NONE = new Ledger() {
            @Override
            public void hold(double usd) {
            }

            @Override
            public void settle(double heldUsd, double spentUsd) {
            }
        };

        /**
         * Records, before a call starts, that it may cost up to {@code usd}: should the process die during the call,
         * that is what the call counts as.
         *
         * @throws RuntimeException when it cannot be recorded; the call is then not made
         */
        void hold(double usd);

        /** Replaces a hold of {@code heldUsd} with what the call cost, {@code spentUsd}. */
        void settle(double heldUsd, double spentUsd);
    }

    private final BudgetMeter meter;
    private final Ledger ledger;

    /** @param maxUsd most USD all calls together may spend, positive and finite */
    public SpendingCap(double maxUsd) {
        this(maxUsd, 0, Ledger.NONE);
    }

    /**
     * @param maxUsd         most USD all calls together may spend, earlier runs' included; positive and finite
     * @param spentBeforeUsd what earlier runs spent, finite and not negative: it counts against the cap
     * @param ledger         hears every hold and settlement, to keep them for the next run
     */
    public SpendingCap(double maxUsd, double spentBeforeUsd, Ledger ledger) {
        this(Budget.unlimited().withMaxCostUsd(Budget.requireUsd(maxUsd, "a spending cap")), spentBeforeUsd, ledger);
    }

    /** Returns a cap with no limit that only keeps the tally: what it spends reaches {@code ledger}. */
    public static SpendingCap unlimited(double spentBeforeUsd, Ledger ledger) {
        return new SpendingCap(Budget.unlimited(), spentBeforeUsd, ledger);
    }

    private SpendingCap(Budget budget, double spentBeforeUsd, Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.meter = BudgetMeter.resumed(budget, spentBeforeUsd);
    }

    @Override
    public CallResult intercept(Chain chain) {
        double worstCase = chain.request().worstCaseCostUsd(chain.worker());
        Optional<String> refusal = meter.reserve(worstCase);
        if (refusal.isPresent()) {
            return new CallResult.Skipped("spending cap: " + refusal.get().replaceFirst("^budget: ", ""));
        }
        try {
            ledger.hold(worstCase);
        } catch (RuntimeException e) {
            meter.settle(worstCase, 0);
            return new CallResult.Skipped("spending cap: cannot keep what the call may cost: " + e.getMessage());
        }
        double spent = 0;
        try {
            CallResult result = chain.proceed(chain.request());
            spent = result.billedUsd();
            return result;
        } finally {
            meter.settle(worstCase, spent);
            settleInLedger(worstCase, spent);
        }
    }

    private void settleInLedger(double held, double spent) {
        try {
            ledger.settle(held, spent);
        } catch (RuntimeException e) {
            // The hold stays in the ledger and counts as spent at its worst case: the next run overstates, never understates.
        }
    }

    /** Returns what the calls through this cap have spent so far, earlier runs' included. */
    public double spentUsd() {
        return meter.spentUsd();
    }

    /** Returns the cap; infinite for {@link #unlimited}. */
    public double maxUsd() {
        return meter.budget().maxCostUsd();
    }
}
