package dev.baton.conduct;

import dev.baton.execute.Trace;
import java.util.Optional;

/**
 * One task being answered by a conductor: it plans the first round, sees what ran, and plans the next round or
 * accepts. It holds whatever the conductor remembers between rounds, so nothing needs re-deriving from the trace.
 *
 * <p>A run is driven by one {@link Orchestrator} loop at a time and need not be thread-safe.
 */
public interface ConductorRun {

    /**
     * Plans the next round.
     *
     * @param trace everything that ran in earlier rounds; {@link Trace#empty()} on the first call
     * @return a workflow to run, or {@link Plan.Accept} to keep the answer so far (never on the first call)
     */
    Plan next(Trace trace);

    /**
     * Returns the reply text that answers the task once the run has accepted or hit a limit: by default the final
     * reply of the trace (the last step's, as in the paper). Voting conductors override this.
     */
    default Optional<String> finalAnswer(Trace trace) {
        return trace.finalText();
    }
}
