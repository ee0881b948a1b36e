package dev.baton.execute;

import dev.baton.worker.CallRequest;
import dev.baton.worker.WorkerCard;

/**
 * Observes, changes or answers a worker call on its way through the executor.
 *
 * <p>Every call a step makes passes through one chain of interceptors, outermost first, and the last link
 * calls the worker. The executor's own behaviour around calls (recording the trace, the budget, retry,
 * the deadline) is built from interceptors too, so an interceptor added with
 * {@link Executor.Builder#addInterceptor} extends the executor the way the executor is built. Added
 * interceptors run outside the built-in ones except the trace recorder: they see each step's call once,
 * before the budget is checked, and the final result after any retries.
 *
 * <p>An interceptor usually calls {@link Chain#proceed} exactly once; it may call it again (retry), not at
 * all (answer from a cache, refuse), or with a changed request. It must be thread-safe: the executor runs
 * independent steps concurrently through the same interceptor instance. It returns a result rather than
 * throwing: an interceptor that throws is recorded as a permanent failure of the call.
 *
 * <pre>{@code
 * Interceptor logging = chain -> {
 *     CallResult result = chain.proceed(chain.request());
 *     log.info("step {} of round {} on {}: {}", chain.site().step(), chain.site().round(), chain.worker().id(), result);
 *     return result;
 * };
 * Executor executor = Executor.builder().addInterceptor(logging).build();
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {

    /** Handles one call: usually by passing it on with {@code chain.proceed(chain.request())}. */
    CallResult intercept(Chain chain);

    /** One call's position in the chain, and what an interceptor may know about the call. */
    interface Chain {

        /** Returns the request as it reaches this interceptor. */
        CallRequest request();

        /** Returns the card of the worker the call goes to. */
        WorkerCard worker();

        /** Returns which step of which round the call serves. */
        CallSite site();

        /** Returns what the run has used of its budget so far, shared by all of the run's calls. */
        BudgetState budget();

        /**
         * Passes {@code request} to the rest of the chain and returns how the call ended. Never throws for a
         * failed call: worker faults come back as {@link CallResult.Failed}.
         */
        CallResult proceed(CallRequest request);
    }
}
