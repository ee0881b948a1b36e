package dev.baton.conduct;

import dev.baton.workflow.Workflow;
import java.util.Objects;

/** What a conductor decides for the next round: run a workflow, or accept the answer so far. */
public sealed interface Plan permits Plan.Run, Plan.Accept {

    /** Run these steps next. */
    record Run(Workflow workflow) implements Plan {
        public Run {
            Objects.requireNonNull(workflow, "workflow");
        }
    }

    /** Stop: the last answer is good enough. */
    record Accept() implements Plan {
    }

    static Plan run(Workflow workflow) {
        return new Run(workflow);
    }

    static Plan accept() {
        return new Accept();
    }
}
