package dev.baton.conduct.baseline;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.worker.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reply and the answer the task's grader reads in it: what the voting and cascading baselines compare.
 *
 * @param text   the reply as the worker gave it (what the conductor returns when this answer wins)
 * @param answer the answer extracted from it
 */
record ReadAnswer(String text, String answer) {

    /** Returns, in call order, every reply of the trace in which the grader finds an answer; failed calls give none. */
    static List<ReadAnswer> of(Trace trace, Grader grader) {
        List<ReadAnswer> read = new ArrayList<>();
        for (CallRecord call : trace.calls()) {
            Optional<String> text = call.reply().map(Reply::text);
            text.flatMap(grader::extract).ifPresent(answer -> read.add(new ReadAnswer(text.get(), answer)));
        }
        return read;
    }
}
