package dev.baton.learn.conductor;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes what the first round produced, as the policy sees it before deciding whether to accept:
 * how many answers there are, how far they agree, whether the final answer is the majority's, and what
 * was spent. Answers are extracted and compared with the task's grader, as a live conductor would.
 */
public final class RoundSummary {

    private RoundSummary() {
    }

    /** Returns the {@link PolicyShape#SUMMARY_FEATURES} features of a trace, each about in [0, 1]. */
    public static float[] of(Trace trace, Task task, int maxSteps) {
        Grader grader = Graders.forType(task.answerType());
        List<String> answers = new ArrayList<>();
        int failed = 0;
        for (CallRecord call : trace.calls()) {
            if (call.reply().isEmpty()) {
                failed += call.called() ? 1 : 0;
                continue;
            }
            grader.extract(call.reply().get().text()).ifPresent(answers::add);
        }
        int plurality = 0;
        int pluralityIndex = -1;
        int distinct = 0;
        for (int i = 0; i < answers.size(); i++) {
            int votes = 0;
            boolean seenBefore = false;
            for (int j = 0; j < answers.size(); j++) {
                if (grader.equivalent(answers.get(i), answers.get(j))) {
                    votes++;
                    seenBefore |= j < i;
                }
            }
            distinct += seenBefore ? 0 : 1;
            if (votes > plurality) {
                plurality = votes;
                pluralityIndex = i;
            }
        }
        boolean finalIsPlurality = false;
        var finalAnswer = trace.finalReply().map(Reply::text).flatMap(grader::extract);
        if (finalAnswer.isPresent() && pluralityIndex >= 0) {
            finalIsPlurality = grader.equivalent(finalAnswer.get(), answers.get(pluralityIndex));
        }
        int calls = trace.callCount();
        double cost = trace.costUsd();
        float n = Math.max(1, answers.size());
        return new float[] {
            answers.size() / (float) maxSteps,
            answers.isEmpty() ? 0 : plurality / n,
            answers.isEmpty() ? 0 : distinct / n,
            finalIsPlurality ? 1 : 0,
            calls / (float) maxSteps,
            (float) ((Math.log10(cost + 1e-6) + 6) / 4),
            calls == 0 ? 0 : failed / (float) calls};
    }
}
