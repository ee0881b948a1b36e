package dev.baton.cli;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import dev.baton.execute.SpendingCap;
import dev.baton.store.ResponseCacheFailures;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreException;
import java.util.Optional;

/**
 * Stops a recording once its store fails: hears the failure from the response cache ({@link #listener}) or from the
 * recording's spending ledger ({@link #watching}), then refuses every call not yet made. A recording's promise is that
 * what it pays for is kept, so it pays for nothing it could not keep; calls already in flight finish.
 */
final class StoreFailureStop implements Interceptor {

    private final ResponseCacheFailures failures = new ResponseCacheFailures(ResponseCacheInterceptor.Listener.IGNORE);

    /** Returns the listener to give the response cache. */
    ResponseCacheInterceptor.Listener listener() {
        return failures;
    }

    /** Returns the first failure of the store, if it failed. */
    Optional<ResponseCacheFailures.Failure> failure() {
        return failures.first();
    }

    @Override
    public CallResult intercept(Chain chain) {
        return failures.first().isPresent()
                ? new CallResult.Skipped("not made: the store failed, so its reply could not be kept")
                : chain.proceed(chain.request());
    }

    /** Returns {@code ledger}, stopping the recording when the store fails under it. */
    SpendingCap.Ledger watching(SpendingCap.Ledger ledger) {
        return new SpendingCap.Ledger() {
            @Override
            public void hold(double usd) {
                try {
                    ledger.hold(usd);
                } catch (StoreException e) {
                    failures.failed(ResponseCacheInterceptor.Operation.WRITE, e);
                    throw e;
                }
            }

            @Override
            public void settle(double heldUsd, double spentUsd) {
                try {
                    ledger.settle(heldUsd, spentUsd);
                } catch (StoreException e) {
                    failures.failed(ResponseCacheInterceptor.Operation.WRITE, e);
                    throw e;
                }
            }
        };
    }
}
