package dev.baton.learn.conductor;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.worker.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The learned conductor's answer to a task: of the distinct answers its steps gave, the one the evidence favours most,
 * weighing each step by how often its worker is right alone and discounting workers that are often wrong together.
 * One step's workflow answers with that step; a weaker second step that disagrees changes nothing; two workers that
 * rarely share a wrong answer outvote a somewhat stronger one when they agree.
 *
 * <p>Why not simply the last step's answer, as the paper's workflows do: with that rule every added step can overturn
 * the answer, so a policy that explores a second step after its best worker is punished whenever that step is weaker,
 * and learns to stop after one step long before it could learn which combinations help. Weighing the answers makes
 * adding a step safe and three steps a vote, which is what lets the trained conductor combine workers at all.
 */
final class BackedAnswer {

    private BackedAnswer() {
    }

    /**
     * One distinct answer of a trace.
     *
     * @param text    the reply text of the last step that gave it
     * @param support the log-odds evidence that it is right (see {@link #support})
     */
    record Backing(String text, double support) {
    }

    /**
     * Returns the reply text of the chosen answer (the best supported; on exact ties the one a later step gave, as it
     * saw more), or the trace's final reply when no step gave a readable answer.
     */
    static Optional<String> of(Trace trace, Grader grader, Trust trust) {
        List<Backing> answers = tally(trace, grader, trust);
        if (answers.isEmpty()) {
            return trace.finalText();
        }
        Backing best = answers.getFirst();
        for (Backing answer : answers) {
            if (answer.support() >= best.support()) {
                best = answer;
            }
        }
        return Optional.of(best.text());
    }

    /** Returns the trace's distinct readable answers, in the order of the last step that gave each, with their support. */
    static List<Backing> tally(Trace trace, Grader grader, Trust trust) {
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
        List<Backing> tally = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            boolean givenLater = false;
            List<String> supporters = new ArrayList<>();
            for (int j = 0; j < answers.size(); j++) {
                if (grader.equivalent(answers.get(i), answers.get(j))) {
                    givenLater |= j > i;
                    if (!supporters.contains(workers.get(j))) {
                        supporters.add(workers.get(j)); // a worker asked twice is one witness
                    }
                }
            }
            if (!givenLater) {
                tally.add(new Backing(texts.get(i), support(supporters, trust)));
            }
        }
        return tally;
    }

    /**
     * The evidence that an answer is right rather than wrong, as log-odds, given the distinct workers that gave it: each
     * adds log(p / (1 - p)) for a worker right alone with probability p (clamped to 0.01..0.99); every worker after the
     * most trusted also adds -log(q), q being the most that worker shares wrong answers with one before it — how unlikely
     * it is to have given that same answer were it wrong. With q = 1/9 for every pair (errors spread over nine
     * alternatives, independent) this is the weighting under which independent voters decide as well as any rule can
     * (Nitzan and Paroush, 1982); measured q keeps two models that err alike from outvoting a stronger one together.
     */
    static double support(List<String> workers, Trust trust) {
        List<String> ordered = workers.stream().sorted(Comparator.comparingDouble(id -> -trust.accuracy(id))).toList();
        double support = 0;
        for (int k = 0; k < ordered.size(); k++) {
            double p = Math.min(0.99, Math.max(0.01, trust.accuracy(ordered.get(k))));
            support += Math.log(p / (1 - p));
            if (k > 0) {
                double shared = 0;
                for (int j = 0; j < k; j++) {
                    shared = Math.max(shared, trust.sameWrongAnswer(ordered.get(j), ordered.get(k)));
                }
                support -= Math.log(Math.min(1, Math.max(0.01, shared)));
            }
        }
        return support;
    }
}
