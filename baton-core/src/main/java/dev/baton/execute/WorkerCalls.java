package dev.baton.execute;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Makes each step's worker call through the interceptor chain and returns its record.
 * {@link #interceptors} is the one place that says, in order, what happens to every call.
 */
final class WorkerCalls {

    private final List<Interceptor> added;
    private final Optional<Interceptor> cache;
    private final Interceptor retry;
    private final List<Interceptor> perAttempt;
    private final ExecutorService threads;

    WorkerCalls(List<Interceptor> added, Optional<Interceptor> cache, Interceptor retry, List<Interceptor> perAttempt,
                ExecutorService threads) {
        this.added = List.copyOf(added);
        this.cache = cache;
        this.retry = retry;
        this.perAttempt = List.copyOf(perAttempt);
        this.threads = threads;
    }

    /** Calls {@code worker} for the step at {@code site}; never throws for a failed call. */
    CallRecord call(Worker worker, CallSite site, CallRequest request, BudgetMeter meter) {
        TraceInterceptor trace = new TraceInterceptor(meter);
        RealChain.start(interceptors(trace, worker, meter), request, worker.card(), site, meter);
        return trace.record();
    }

    /** Returns the links of one call, outermost first. */
    private List<Interceptor> interceptors(TraceInterceptor trace, Worker worker, BudgetMeter meter) {
        List<Interceptor> links = new ArrayList<>();
        links.add(trace);                                   // record every call as the trace keeps it
        links.addAll(added);                                // the caller's, in the order added
        cache.ifPresent(links::add);                        // answer a repeated call at no cost, before the budget
        links.add(new BudgetInterceptor(meter));            // reserve one call and its worst-case cost; settle after
        links.add(retry);                                   // again after a transient failure, within the deadline
        links.addAll(perAttempt);                           // bulkhead, circuit breaker, metrics: once per attempt
        links.add(new DeadlineInterceptor(meter, threads)); // each attempt gets at most the time left in the run
        links.add(new WorkerCall(worker));                  // the worker itself; faults become typed failures
        return links;
    }
}
