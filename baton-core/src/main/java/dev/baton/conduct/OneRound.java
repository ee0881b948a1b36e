package dev.baton.conduct;

import dev.baton.execute.Trace;
import dev.baton.workflow.Workflow;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run that plans one fixed workflow and then accepts: the shape of every single-round baseline.
 */
public final class OneRound implements ConductorRun {

    private final Workflow workflow;
    private final Function<Trace, Optional<String>> answer;
    private boolean planned;

    private OneRound(Workflow workflow, Function<Trace, Optional<String>> answer) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    /** Returns a run of {@code workflow} whose answer is the trace's final reply. */
    public static OneRound of(Workflow workflow) {
        return new OneRound(workflow, Trace::finalText);
    }

    /** Returns a run of {@code workflow} whose answer {@code answer} picks from the trace (a vote, for example). */
    public static OneRound of(Workflow workflow, Function<Trace, Optional<String>> answer) {
        return new OneRound(workflow, answer);
    }

    @Override
    public Plan next(Trace trace) {
        if (planned) {
            return Plan.accept();
        }
        planned = true;
        return Plan.run(workflow);
    }

    @Override
    public Optional<String> finalAnswer(Trace trace) {
        return answer.apply(trace);
    }
}
