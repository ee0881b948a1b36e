package dev.baton.eval;

import dev.baton.conduct.Orchestrator;
import dev.baton.task.Task;

/**
 * Hears every task an evaluation answers, with its whole trace, so what a report shows about a conductor (which
 * workers and roles it used, example workflows) comes from the run that produced its row, not from a second run.
 */
@FunctionalInterface
public interface TraceListener {

    /** A listener that ignores everything. */
    TraceListener NONE = (conductor, task, result) -> { };

    /**
     * Called once per answered task; may be called from several threads at once, in any order.
     *
     * @param conductor the name of the conductor that answered
     */
    void answered(String conductor, Task task, Orchestrator.Result result);
}
