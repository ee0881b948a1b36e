package dev.baton.execute;

import dev.baton.worker.CallRequest;
import dev.baton.worker.WorkerCard;

/**
 * Admits a call only if its worst-case cost fits in what the question has left, and books what it cost.
 *
 * <p>Before the call it reserves one call and the worst case: the prompt's estimated input tokens at the
 * input price plus the most output tokens the call may generate at the output price. Parallel steps
 * reserve against the same meter, so together they can never spend more than the budget, however many run
 * at once. A call that does not fit is not made and is recorded as skipped, saying why. After the call the
 * reservation is released and what the call was billed is spent ({@link CallResult#billedUsd()}: a reply's cost, or
 * what a provider billed for a failed one).
 *
 * <p>The worst case holds for workers that honour {@link dev.baton.worker.CallOptions#maxOutputTokens()}
 * and bill about one token per four characters of prompt. With an unlimited budget every call fits, so the
 * estimate never changes a result.
 */
final class BudgetInterceptor implements Interceptor {

    private final BudgetMeter meter;

    BudgetInterceptor(BudgetMeter meter) {
        this.meter = meter;
    }

    @Override
    public CallResult intercept(Chain chain) {
        double worstCase = worstCaseUsd(chain.worker(), chain.request());
        var refusal = meter.reserve(worstCase);
        if (refusal.isPresent()) {
            return new CallResult.Skipped(refusal.get());
        }
        double spent = 0;
        try {
            CallResult result = chain.proceed(chain.request());
            spent = result.billedUsd();
            return result;
        } finally {
            meter.settle(worstCase, spent);
        }
    }

    /** Returns the most {@code request} may cost on {@code worker}. */
    static double worstCaseUsd(WorkerCard worker, CallRequest request) {
        return request.worstCaseCostUsd(worker);
    }
}
