package dev.baton.conduct;

import dev.baton.execute.CallRecord;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Objects;

/**
 * What a conductor decides for the next round: run a workflow, or accept the answer so far. A conductor that
 * called a model to decide (an LM conductor) hands over the records of those calls, which the round loop adds to
 * the trace as planning calls.
 */
public sealed interface Plan permits Plan.Run, Plan.Accept {

    /** Returns the calls the conductor made to reach this decision, in order; usually none. */
    List<CallRecord> planning();

    /** Run these steps next. */
    record Run(Workflow workflow, List<CallRecord> planning) implements Plan {
        public Run {
            Objects.requireNonNull(workflow, "workflow");
            planning = List.copyOf(planning);
        }

        public Run(Workflow workflow) {
            this(workflow, List.of());
        }
    }

    /** Stop: the last answer is good enough. */
    record Accept(List<CallRecord> planning) implements Plan {
        public Accept {
            planning = List.copyOf(planning);
        }

        public Accept() {
            this(List.of());
        }
    }

    static Plan run(Workflow workflow) {
        return new Run(workflow);
    }

    static Plan accept() {
        return new Accept();
    }
}
