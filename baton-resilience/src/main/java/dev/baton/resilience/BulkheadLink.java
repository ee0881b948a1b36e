package dev.baton.resilience;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import dev.baton.worker.FailureKind;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets at most so many attempts run at once against one worker, with the worker's own {@link Bulkhead}. An attempt
 * waits for a place at most {@link ResilienceSettings#maxPermitWait()} and never past the run's deadline; one that
 * gets none fails, retriably, without reaching the worker.
 */
final class BulkheadLink implements Interceptor {

    /** Waits for a permit when the deadline comes before the bulkhead's own wait would end. */
    private static final ExecutorService WAITERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("baton-permit-wait-", 0).factory());

    private final BulkheadRegistry registry;

    BulkheadLink(BulkheadRegistry registry) {
        this.registry = registry;
    }

    static BulkheadConfig config(ResilienceSettings settings) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxPermitWait())
                .build();
    }

    @Override
    public CallResult intercept(Chain chain) {
        String worker = chain.worker().id();
        Bulkhead bulkhead = registry.bulkhead(worker);
        Duration left = chain.budget().timeLeft();
        Duration ownWait = bulkhead.getBulkheadConfig().getMaxWaitDuration();
        boolean deadlineFirst = left.compareTo(ownWait) < 0;
        boolean permitted = deadlineFirst ? acquireWithin(bulkhead, left) : bulkhead.tryAcquirePermission();
        if (!permitted) {
            String limit = " (at most " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls at once)";
            return deadlineFirst
                    ? failed("no free place for a call to " + worker + " before the run's deadline" + limit, FailureKind.TIMEOUT)
                    : failed("no free place for a call to " + worker + " within " + ownWait.toMillis() + " ms" + limit,
                            FailureKind.UNAVAILABLE);
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            bulkhead.onComplete();
        }
    }

    /**
     * Waits for a permit on another thread for at most {@code left}: resilience4j waits as long as the bulkhead's
     * configuration says, the same for every call, while each call has its own deadline.
     */
    private static boolean acquireWithin(Bulkhead bulkhead, Duration left) {
        if (left.isZero()) {
            return false;
        }
        CompletableFuture<Boolean> permit = CompletableFuture.supplyAsync(bulkhead::tryAcquirePermission, WAITERS);
        try {
            return permit.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The waiter goes on waiting; a permit it gets after we gave up goes straight back.
            permit.thenAccept(granted -> {
                if (granted) {
                    bulkhead.releasePermission();
                }
            });
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static CallResult failed(String error, FailureKind kind) {
        return new CallResult.Failed(error, kind, true, 1, Optional.empty());
    }
}
