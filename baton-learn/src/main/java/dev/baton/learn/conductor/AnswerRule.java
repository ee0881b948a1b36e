package dev.baton.learn.conductor;

import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import java.util.Optional;

/**
 * How the learned conductor reads the answer of the workflow it ran. Part of what a policy is trained for, so it is a
 * training setting and recorded in the checkpoint: a policy answers the way it learned to.
 */
public enum AnswerRule {
    /**
     * Every step's answer votes, weighted by how often its worker was right alone on the training questions and
     * discounted for workers that often give the same wrong answer ({@link BackedAnswer}): adding a step can only help
     * when it agrees with others, so the policy can learn to combine workers. The default.
     */
    WEIGHTED_VOTE("vote"),
    /**
     * The last step's answer, as in the paper's workflows: later steps that see earlier ones act as aggregators, and a
     * policy can learn cascades (ask an expert only when cheap answers disagree) by where it puts the expert.
     */
    LAST_STEP("last-step");

    private final String flag;

    AnswerRule(String flag) {
        this.flag = flag;
    }

    /**
     * Returns the rule a flag value names: {@code vote} or {@code last-step}.
     *
     * @throws dev.baton.input.InvalidSettingException for any other value
     */
    public static AnswerRule parse(String flag) {
        for (AnswerRule rule : values()) {
            if (rule.flag.equals(flag)) {
                return rule;
            }
        }
        throw new dev.baton.input.InvalidSettingException("--answer-rule must be vote or last-step, got '" + flag + "'");
    }

    /** Returns the rule as a user writes it: {@code vote} or {@code last-step}. */
    @Override
    public String toString() {
        return flag;
    }

    /**
     * Returns the reply text that answers the task.
     *
     * @param trust what is known of the workers: accuracy alone on training questions like this one, shared wrong answers
     */
    public Optional<String> answer(Trace trace, Grader grader, Trust trust) {
        return switch (this) {
            case WEIGHTED_VOTE -> BackedAnswer.of(trace, grader, trust);
            case LAST_STEP -> trace.finalText();
        };
    }
}
