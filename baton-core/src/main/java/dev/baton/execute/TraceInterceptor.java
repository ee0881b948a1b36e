package dev.baton.execute;

import java.time.Duration;

/**
 * Records one call as the trace keeps it: when it started, what was asked, how it ended (the attempts
 * made, the reply with its latency and usage, or why it failed or was skipped).
 *
 * <p>One instance serves one call. It is the outermost link, so every call is recorded, including one an
 * added interceptor answers without proceeding, and the record carries the final result after retries.
 */
final class TraceInterceptor implements Interceptor {

    private final BudgetState clock;
    private volatile CallRecord record;

    TraceInterceptor(BudgetState clock) {
        this.clock = clock;
    }

    @Override
    public CallResult intercept(Chain chain) {
        Duration startedAt = clock.elapsed();
        CallResult result = chain.proceed(chain.request());
        CallSite site = chain.site();
        record = new CallRecord(site.round(), site.step(), chain.worker().id(), site.subtask(), site.role(),
                chain.request().messages(), startedAt, result);
        return result;
    }

    /** Returns the record of the call; only once the call has passed through this interceptor. */
    CallRecord record() {
        if (record == null) {
            throw new IllegalStateException("the call has not passed the trace link yet");
        }
        return record;
    }
}
