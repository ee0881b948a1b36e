package dev.baton.conduct;

import dev.baton.execute.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the next round of several runs together. The {@link Orchestrator} asks it once per round for every run
 * still going; a conductor whose runs are cheaper to plan as a batch (the learned policy makes one network call
 * for all of them) supplies its own, everything else plans them one by one.
 */
@FunctionalInterface
public interface RoundPlanner {

    /**
     * Plans the next round of each run.
     *
     * @param runs   the runs still going
     * @param traces what each has run so far, in the same order
     * @return one plan per run, in the same order
     */
    List<Plan> next(List<ConductorRun> runs, List<Trace> traces);

    /** Returns the planner that asks each run on its own. */
    static RoundPlanner oneByOne() {
        return (runs, traces) -> {
            List<Plan> plans = new ArrayList<>(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                plans.add(runs.get(i).next(traces.get(i)));
            }
            return plans;
        };
    }
}
