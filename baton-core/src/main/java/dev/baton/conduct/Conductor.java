package dev.baton.conduct;

import dev.baton.execute.Trace;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.Optional;

/**
 * Plans how a pool of workers answers a task.
 *
 * <p>Called once per round: first with an empty trace, then with everything that has run so far, until
 * it accepts or the round limit is reached. Implementations must be thread-safe; a conductor that keeps
 * per-task state keys it by task.
 */
public interface Conductor {

    /**
     * Plans the next round.
     *
     * @param task     the question
     * @param pool     the workers available for this task, numbered as the conductor sees them
     * @param previous what ran in earlier rounds; {@link Trace#empty()} on the first round
     * @return a workflow to run, or {@link Plan.Accept} to keep the answer so far (never on the first round)
     */
    Plan plan(Task task, PoolView pool, Trace previous);

    /**
     * Returns the reply text that answers the task once the conductor has accepted: by default the final
     * reply of the trace (the last step's, as in the paper). Voting conductors override this.
     */
    default Optional<String> finalAnswer(Task task, Trace trace) {
        return trace.finalText();
    }

    /** Returns the spec this conductor was made from, as shown in reports, for example {@code vote:top3}. */
    String name();
}
