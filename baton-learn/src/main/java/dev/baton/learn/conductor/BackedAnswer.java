package dev.baton.learn.conductor;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.worker.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The learned conductor's answer to a task: the answer the most steps gave, and among equally backed answers the one
 * of the most trusted step (the worker most accurate alone on the training questions). One step's workflow answers
 * with that step; a second step that disagrees with a trusted first changes nothing; three steps vote.
 *
 * <p>Why not simply the last step's answer, as the paper's workflows do: with that rule every added step can overturn
 * the answer, so a policy that explores a second step after its best worker is punished whenever that step is weaker,
 * and learns to stop after one step long before it could learn which combinations help. Counting answers makes
 * adding a step safe and three steps a vote, which is what lets the trained conductor combine workers at all.
 */
final class BackedAnswer {

    /** Wrong answers a worker spreads over, as if it picked among this many (MMLU-Pro's options; free-form answers scatter more). */
    static final double ALTERNATIVES = 10;

    private BackedAnswer() {
    }

    /**
     * A step's say in the vote: the log-odds that an answer it gives is right rather than one particular wrong answer,
     * log((k - 1) p / (1 - p)) for a worker right alone with probability p among k alternatives. Independent voters
     * weighted so decide as well as any rule can (Nitzan and Paroush, 1982); a worker no better than guessing gets 0 and
     * only breaks ties, and a much stronger worker is not outvoted by two weak ones that agree.
     */
    static double weight(double accuracy) {
        double p = Math.min(0.99, Math.max(0.01, accuracy));
        return Math.max(0, Math.log((ALTERNATIVES - 1) * p / (1 - p)));
    }

    /**
     * Returns the reply text of the chosen answer, or the trace's final reply when no step gave a readable answer.
     *
     * @param trust how far each worker is trusted on ties (its solo accuracy), by worker id
     */
    static Optional<String> of(Trace trace, Grader grader, ToDoubleFunction<String> trust) {
        List<String> texts = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (CallRecord call : trace.calls()) {
            Optional<String> text = call.reply().map(Reply::text);
            Optional<String> answer = text.flatMap(grader::extract);
            if (answer.isPresent()) {
                texts.add(text.get());
                answers.add(answer.get());
                workers.add(call.workerId());
            }
        }
        if (answers.isEmpty()) {
            return trace.finalText();
        }
        double[] weight = new double[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            weight[i] = weight(trust.applyAsDouble(workers.get(i)));
        }
        int best = -1;
        double bestSupport = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < answers.size(); i++) {
            double support = 0;
            for (int j = 0; j < answers.size(); j++) {
                support += grader.equivalent(answers.get(i), answers.get(j)) ? weight[j] : 0;
            }
            // Exact ties go to the later step: it saw more (the paper's last step).
            if (support >= bestSupport) {
                best = i;
                bestSupport = support;
            }
        }
        return Optional.of(texts.get(best));
    }
}
