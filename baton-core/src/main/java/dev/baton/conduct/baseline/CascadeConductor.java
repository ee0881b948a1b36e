package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cascade in the manner of FrugalGPT and AutoMix ({@code cascade:A,B,C}): the first two workers answer
 * independently; while no two answers agree, the next worker in the list answers, one per round. The first answer two
 * workers agree on wins (compared with the task's grader); when the list runs out without agreement, the last worker's
 * answer stands. Listing cheap workers first and a strong one last spends the strong one's price only on the
 * questions the cheap ones disagree on.
 */
public final class CascadeConductor implements Conductor {

    /** The fewest workers a cascade needs: agreement takes two answers. */
    public static final int MIN_WORKERS = 2;

    private final List<String> workers;
    private final String name;

    /**
     * @param workers asked in this order, {@value #MIN_WORKERS} or more, each once
     * @param name    the conductor's name in reports
     */
    public CascadeConductor(List<String> workers, String name) {
        this.workers = List.copyOf(workers);
        this.name = Objects.requireNonNull(name, "name");
        if (this.workers.size() < MIN_WORKERS) {
            throw new IllegalArgumentException("a cascade needs at least " + MIN_WORKERS + " workers, got " + this.workers.size());
        }
        if (this.workers.stream().distinct().count() != this.workers.size()) {
            throw new IllegalArgumentException("a cascade asks each worker once: " + this.workers);
        }
    }

    /** Returns the workers in the order they are asked. */
    public List<String> workers() {
        return workers;
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        return new Run(Graders.forType(task.answerType()));
    }

    @Override
    public String name() {
        return name;
    }

    /** One task's cascade: how many workers were asked so far, and the answer they agreed on, if any. */
    private final class Run implements ConductorRun {

        private final Grader grader;
        private int asked;

        Run(Grader grader) {
            this.grader = grader;
        }

        @Override
        public Plan next(Trace trace) {
            if (asked == 0) {
                asked = MIN_WORKERS;
                return new Plan.Run(new Workflow(workers.subList(0, MIN_WORKERS).stream().map(Subtasks::solve).toList()));
            }
            if (agreed(trace).isPresent() || asked == workers.size()) {
                return new Plan.Accept();
            }
            return new Plan.Run(new Workflow(List.of(Subtasks.solve(workers.get(asked++)))));
        }

        @Override
        public Optional<String> finalAnswer(Trace trace) {
            return agreed(trace).or(trace::finalText);
        }

        /** Returns the reply of the earliest answer another worker's answer agrees with. */
        private Optional<String> agreed(Trace trace) {
            List<ReadAnswer> read = ReadAnswer.of(trace, grader);
            for (int i = 0; i < read.size(); i++) {
                for (int j = i + 1; j < read.size(); j++) {
                    if (grader.equivalent(read.get(i).answer(), read.get(j).answer())) {
                        return Optional.of(read.get(i).text());
                    }
                }
            }
            return Optional.empty();
        }
    }
}
