package dev.baton.learn.conductor;

import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.learn.policy.Decoder;
import dev.baton.learn.policy.PlanState;
import dev.baton.task.Task;
import java.util.List;

/**
 * One task being planned by the policy: its {@link PlanState} (every choice made so far), how it chooses
 * (greedily to answer, by sampling to train) and the grader that reads the answers it looks at between rounds.
 * Planned alone through {@link #next} or together with others by its {@link PolicyPlanner}.
 */
public final class PolicyRun implements ConductorRun {

    private final PolicyPlanner planner;
    private final Task task;
    private final PlanState state;
    private final Decoder.Chooser chooser;
    private final Grader grader;
    private boolean started;

    PolicyRun(PolicyPlanner planner, Task task, PlanState state, Decoder.Chooser chooser, Grader grader) {
        this.planner = planner;
        this.task = task;
        this.state = state;
        this.chooser = chooser;
        this.grader = grader;
    }

    @Override
    public Plan next(Trace trace) {
        return planner.next(List.of(this), List.of(trace)).getFirst();
    }

    /** The answer by the policy's {@link AnswerRule}: by default a vote of the steps weighted by {@link Trust}. */
    @Override
    public java.util.Optional<String> finalAnswer(Trace trace) {
        return planner.answerRule().answer(trace, grader, planner.trust(task));
    }

    /** Returns every choice made so far: what training learns from. */
    public PlanState state() {
        return state;
    }

    PolicyPlanner planner() {
        return planner;
    }

    Task task() {
        return task;
    }

    Decoder.Chooser chooser() {
        return chooser;
    }

    Grader grader() {
        return grader;
    }

    /** Marks the first round as planned; returns whether it already was. */
    boolean markStarted() {
        boolean was = started;
        started = true;
        return was;
    }
}
