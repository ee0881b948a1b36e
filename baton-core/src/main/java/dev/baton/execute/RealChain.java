package dev.baton.execute;

import dev.baton.worker.CallRequest;
import dev.baton.worker.FailureKind;
import dev.baton.worker.WorkerCard;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain as one interceptor sees it: the links still to come, and the call's context. Immutable; each
 * {@link #proceed} hands the next link a chain one position further on, so an interceptor may proceed more
 * than once (retry) without disturbing anyone.
 */
final class RealChain implements Interceptor.Chain {

    private final List<Interceptor> interceptors;
    /** The link {@link #proceed} calls next. */
    private final int index;
    private final CallRequest request;
    private final WorkerCard worker;
    private final CallSite site;
    private final BudgetState budget;

    RealChain(List<Interceptor> interceptors, int index, CallRequest request, WorkerCard worker, CallSite site,
              BudgetState budget) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
        this.worker = worker;
        this.site = site;
        this.budget = budget;
    }

    /** Starts a call at the first interceptor of {@code interceptors}, whose last must answer without proceeding. */
    static CallResult start(List<Interceptor> interceptors, CallRequest request, WorkerCard worker, CallSite site,
                            BudgetState budget) {
        return new RealChain(List.copyOf(interceptors), 0, request, worker, site, budget).proceed(request);
    }

    @Override
    public CallRequest request() {
        return request;
    }

    @Override
    public WorkerCard worker() {
        return worker;
    }

    @Override
    public CallSite site() {
        return site;
    }

    @Override
    public BudgetState budget() {
        return budget;
    }

    @Override
    public CallResult proceed(CallRequest next) {
        Objects.requireNonNull(next, "request");
        if (index >= interceptors.size()) {
            throw new IllegalStateException("the last link of a chain must answer, not proceed");
        }
        Interceptor interceptor = interceptors.get(index);
        try {
            CallResult result = interceptor.intercept(new RealChain(interceptors, index + 1, next, worker, site, budget));
            return result != null ? result : bug(interceptor, "returned no result");
        } catch (RuntimeException e) {
            // A bug in one link must not take down the run: the call fails, permanently, and the run goes on.
            return bug(interceptor, "threw " + e);
        }
    }

    private static CallResult bug(Interceptor interceptor, String what) {
        return new CallResult.Failed("interceptor " + interceptor.getClass().getName() + " " + what, FailureKind.BUG, false, 1,
                Optional.empty());
    }
}
