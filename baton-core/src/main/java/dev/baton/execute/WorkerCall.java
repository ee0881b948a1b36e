package dev.baton.execute;

import dev.baton.worker.FailureKind;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerException;
import java.util.Optional;

/**
 * The last link of every chain: calls the worker, and turns how it ended into a {@link CallResult}. A
 * {@link WorkerException} becomes a failure that keeps its retriability; any other exception is a bug in
 * the worker and becomes a permanent failure, so it is neither retried nor thrown past the chain.
 */
final class WorkerCall implements Interceptor {

    private final Worker worker;

    WorkerCall(Worker worker) {
        this.worker = worker;
    }

    @Override
    public CallResult intercept(Chain chain) {
        try {
            return new CallResult.Answered(worker.call(chain.request()), 1);
        } catch (WorkerException e) {
            return CallResult.Failed.of(e);
        } catch (RuntimeException e) {
            return new CallResult.Failed(worker.id() + " threw " + e, FailureKind.BUG, false, 1, Optional.empty());
        }
    }
}
