package dev.baton.execute;

import java.util.Locale;

/**
 * A spending limit shared by every call of many runs — a whole recording of a benchmark, say — where a
 * {@link Budget} limits one task. Like the budget it reserves each call's worst case before the call and settles
 * the actual cost after, so however many calls run at once the total never passes the cap. A call that does not
 * fit is not made and is recorded as skipped, saying so.
 *
 * <p>Add it to the executor ({@link Executor.Builder#addInterceptor}); it sees each step's call once, outside the
 * cache, so a cached reply is reserved for a moment and then costs nothing.
 */
public final class SpendingCap implements Interceptor {

    private final double maxUsd;
    private double spentUsd;
    private double reservedUsd;

    /** @param maxUsd most USD all calls together may spend, positive and finite */
    public SpendingCap(double maxUsd) {
        if (!(maxUsd > 0) || Double.isInfinite(maxUsd)) {
            throw new IllegalArgumentException("a spending cap must be a positive, finite number of USD: " + maxUsd);
        }
        this.maxUsd = maxUsd;
    }

    @Override
    public CallResult intercept(Chain chain) {
        double worstCase = chain.request().worstCaseCostUsd(chain.worker());
        synchronized (this) {
            if (spentUsd + reservedUsd + worstCase > maxUsd) {
                return new CallResult.Skipped(String.format(Locale.ROOT,
                        "spending cap: a call that may cost up to $%.6f does not fit ($%.6f spent, $%.6f reserved, cap $%.6f)",
                        worstCase, spentUsd, reservedUsd, maxUsd));
            }
            reservedUsd += worstCase;
        }
        double spent = 0;
        try {
            CallResult result = chain.proceed(chain.request());
            if (result instanceof CallResult.Answered answered) {
                spent = answered.reply().costUsd();
            }
            return result;
        } finally {
            synchronized (this) {
                reservedUsd -= worstCase;
                spentUsd += spent;
            }
        }
    }

    /** Returns what the calls through this cap have spent so far. */
    public synchronized double spentUsd() {
        return spentUsd;
    }

    /** Returns the cap. */
    public double maxUsd() {
        return maxUsd;
    }
}
