package dev.baton.providers;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Reply;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import dev.baton.worker.WorkerException;

/**
 * A replay worker under the id (and description) a pool file gives it: a recorded model's id is its model
 * name, which a pool file may want to call something else. Failures are reported under the new id.
 */
final class RenamedWorker implements Worker {

    private final Worker worker;
    private final WorkerCard card;

    RenamedWorker(Worker worker, ReplayWorkerSpec spec) {
        this.worker = worker;
        WorkerCard original = worker.card();
        this.card = new WorkerCard(spec.id(), spec.description().isEmpty() ? original.description() : spec.description(),
                original.price(), original.maxContextTokens(), original.model(), original.defaultMaxOutputTokens());
    }

    @Override
    public WorkerCard card() {
        return card;
    }

    @Override
    public Reply call(CallRequest request) throws WorkerException {
        try {
            return worker.call(request);
        } catch (WorkerException e) {
            throw switch (e) {
                case WorkerException.Transient t -> new WorkerException.Transient(card.id(), t.kind(), t.getMessage(),
                        t.retryAfter().orElse(null), t);
                case WorkerException.Permanent p -> new WorkerException.Permanent(card.id(), p.kind(), p.getMessage(), p);
            };
        }
    }

    @Override
    public String toString() {
        return "RenamedWorker[" + card.id() + " = " + card.model() + "]";
    }
}
