package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Majority vote: each worker answers independently and the answer most of them agree on wins; ties go to
 * the worker listed first ({@code vote:<w1,w2,...>}, {@code vote:top<k>}). Answers are compared with the
 * task's grader, so {@code 0.5} and {@code \frac{1}{2}} count as one answer.
 */
public final class VoteConductor implements Conductor {

    private final List<String> voters;
    private final String name;

    public VoteConductor(List<String> voters, String name) {
        this.voters = List.copyOf(voters);
        this.name = Objects.requireNonNull(name, "name");
        if (this.voters.isEmpty() || this.voters.size() > Workflow.MAX_STEPS) {
            throw new IllegalArgumentException("a vote needs 1 to " + Workflow.MAX_STEPS + " workers, got " + this.voters.size());
        }
    }

    /** Returns the workers that vote, each asked once per task. */
    public List<String> voters() {
        return voters;
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        return OneRound.of(new Workflow(voters.stream().map(Subtasks::solve).toList()),
                trace -> plurality(task, trace));
    }

    /** Returns the reply whose answer most replies agree on; ties go to the worker listed first. */
    static Optional<String> plurality(Task task, Trace trace) {
        Grader grader = Graders.forType(task.answerType());
        List<ReadAnswer> read = ReadAnswer.of(trace, grader);
        if (read.isEmpty()) {
            return trace.calls().stream().flatMap(c -> c.reply().stream()).map(Reply::text).findFirst();
        }
        int best = 0;
        int bestVotes = 0;
        for (int i = 0; i < read.size(); i++) {
            int votes = 0;
            for (ReadAnswer other : read) {
                if (grader.equivalent(read.get(i).answer(), other.answer())) {
                    votes++;
                }
            }
            if (votes > bestVotes) {
                best = i;
                bestVotes = votes;
            }
        }
        return Optional.of(read.get(best).text());
    }

    @Override
    public String name() {
        return name;
    }
}
