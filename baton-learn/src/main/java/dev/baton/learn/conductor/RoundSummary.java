package dev.baton.learn.conductor;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes what the rounds so far produced, as the policy sees it before deciding whether to accept:
 * how many answers there are, how far they agree, how many steps back the last step's answer, what was spent, and
 * how far the leading answer of the weighted vote ({@link BackedAnswer}) is ahead of the next.
 * Answers are extracted and compared with the task's grader, as a live conductor would.
 */
public final class RoundSummary {

    private RoundSummary() {
    }

    /**
     * Returns the {@link PolicyShape#SUMMARY_FEATURES} features of a trace, each about in [0, 1].
     *
     * @param grader extracts and compares answers: the task's grader, or one that remembers (training)
     * @param scale  the number of calls that maps to 1 in the count features (the call cap)
     * @param trust  what is known of the workers: weighs their answers in the vote whose margin the last two features
     *               give
     */
    public static float[] of(Trace trace, Task task, Grader grader, int scale, Trust trust) {
        List<String> answers = new ArrayList<>();
        int failed = 0;
        for (CallRecord call : trace.calls()) {
            if (call.reply().isEmpty()) {
                failed += call.called() ? 1 : 0;
                continue;
            }
            Optional<String> answer = grader.extract(call.reply().get().text());
            if (answer.isPresent()) {
                answers.add(answer.get());
            }
        }
        // The vote that decides the answer (BackedAnswer): how far the leading answer's evidence is ahead of the next
        // one's, or of an answer no step gave (evidence 0) when all steps agree.
        double[] support = BackedAnswer.tally(trace, grader, trust).stream().mapToDouble(BackedAnswer.Backing::support)
                .sorted().toArray();
        double margin = support.length == 0 ? 0
                : Math.max(0, support[support.length - 1] - (support.length > 1 ? support[support.length - 2] : 0));
        int plurality = 0;
        int distinct = 0;
        for (int i = 0; i < answers.size(); i++) {
            int votes = votesFor(answers.get(i), answers, grader);
            distinct += firstOccurrence(i, answers, grader) ? 1 : 0;
            plurality = Math.max(plurality, votes);
        }
        Optional<String> finalAnswer = trace.finalReply().map(Reply::text).flatMap(grader::extract);
        int finalVotes = finalAnswer.map(answer -> votesFor(answer, answers, grader)).orElse(0);
        int calls = trace.callCount();
        double cost = trace.costUsd();
        float n = Math.max(1, answers.size());
        return new float[] {
            answers.size() / (float) scale,
            answers.isEmpty() ? 0 : plurality / n,
            answers.isEmpty() ? 0 : distinct / n,
            finalVotes > 0 && finalVotes == plurality ? 1 : 0, // the final answer is (one of) the most backed
            finalVotes >= 2 ? 1 : 0,                          // some other step gave the final answer too
            finalVotes / n,
            calls / (float) scale,
            (float) ((Math.log10(cost + 1e-6) + 6) / 4),
            calls == 0 ? 0 : failed / (float) calls,
            (float) (2 / (1 + Math.exp(-margin)) - 1),           // how decided the vote is: 0 a tie, near 1 settled
            (float) Math.min(1, margin / 10)};                   // the margin as log-odds, a strong worker about 4
    }

    private static int votesFor(String answer, List<String> answers, Grader grader) {
        int votes = 0;
        for (String other : answers) {
            votes += grader.equivalent(answer, other) ? 1 : 0;
        }
        return votes;
    }

    private static boolean firstOccurrence(int index, List<String> answers, Grader grader) {
        for (int j = 0; j < index; j++) {
            if (grader.equivalent(answers.get(index), answers.get(j))) {
                return false;
            }
        }
        return true;
    }
}
