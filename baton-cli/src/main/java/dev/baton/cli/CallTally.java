package dev.baton.cli;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import java.util.Locale;

/**
 * Counts how a run's calls ended and what the workers were paid, so a command can say so when it is done: added to
 * the executor, it sees each step's call once, whether the workers answered it, the response cache did, it failed
 * after its retries, or a spending cap left it out.
 */
final class CallTally implements Interceptor {

    private long answered;
    private long cached;
    private long failed;
    private long skipped;
    private double paidUsd;

    @Override
    public CallResult intercept(Chain chain) {
        CallResult result = chain.proceed(chain.request());
        synchronized (this) {
            switch (result) {
                case CallResult.Answered hit when hit.cached() -> cached++;
                case CallResult.Answered fresh -> {
                    answered++;
                    paidUsd += fresh.reply().costUsd();
                }
                case CallResult.Failed failure -> failed++;
                case CallResult.Skipped left -> skipped++;
            }
        }
        return result;
    }

    /** Returns the calls that were neither answered nor cached: failed ones and those a spending cap left out. */
    synchronized long unanswered() {
        return failed + skipped;
    }

    /** Returns a one-line account: {@code spent $0.0012 on 40 calls answered by the workers; 0 from the cache; ...}. */
    synchronized String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "spent $%.6f on %,d calls answered by the workers; %,d answered from the cache at no cost", paidUsd, answered,
                cached));
        if (failed > 0) {
            line.append(String.format(Locale.ROOT, "; %,d failed after their retries", failed));
        }
        if (skipped > 0) {
            line.append(String.format(Locale.ROOT, "; %,d left out by the spending cap (raise --max-usd)", skipped));
        }
        if (failed + skipped > 0) {
            line.append("; run the same command again to retry only those");
        }
        return line.toString();
    }
}
