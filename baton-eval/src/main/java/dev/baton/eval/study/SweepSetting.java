package dev.baton.eval.study;

import dev.baton.learn.conductor.AnswerRule;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.offline.ContextModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of the sweep the default is chosen from on validation: a cost penalty, as a multiple of the configured
 * one, a cap on calls a question (0: the configured cap) and, on a measured context model, an answer rule. The demo and
 * {@code baton train} train the same sweep.
 *
 * @param factor     multiplies the configured cost penalty
 * @param maxCalls   most calls a question, all rounds together; 0 keeps the configured cap
 * @param answerRule the rule the setting trains under; empty keeps the configured one
 */
public record SweepSetting(double factor, int maxCalls, Optional<AnswerRule> answerRule) {

    /**
     * With the default lambda of 10: lambda 1 (cost barely matters), 10 and 100, and lambda 1 again held to 3 calls a
     * question. At lambda 1 only the cap holds the calls back, and the uncapped policy may vote with five to eight
     * workers where three agree about as often (the paper's conductor averages about three calls); offering both lets
     * validation decide what the extra calls buy. Together the settings are the learned frontier the report plots.
     */
    public static final List<SweepSetting> DEFAULT = List.of(new SweepSetting(0.1, 3), new SweepSetting(0.1, 0),
            new SweepSetting(1.0, 0), new SweepSetting(10.0, 0));

    /**
     * The default sweep and, again under the {@code last-step} rule, lambda 1 and 10: offered where the context model was
     * measured. The default {@code vote} weighs a step by how often its worker is right alone, so a checker weak alone
     * but good at fixing others' answers can never overturn the solver it checks: only under {@code last-step} can
     * validation see what checking is worth, and only a measured model can say what a step that sees others would answer
     * (the assumed one never gives an answer no step gave, so there checking cannot pay). Lambda 1 and 10 only: the rules
     * differ only on workflows of several steps, which lambda 100 prices out (one call, read alike by both rules), and
     * the cap of 3 is there to stop the vote buying agreement with many calls, which the last step alone does not reward.
     * Two runs more, not four: the sweep is half as long again, not twice.
     */
    public static final List<SweepSetting> WITH_LAST_STEP = List.of(DEFAULT.get(0), DEFAULT.get(1), DEFAULT.get(2), DEFAULT.get(3),
            new SweepSetting(0.1, 0, Optional.of(AnswerRule.LAST_STEP)), new SweepSetting(1.0, 0, Optional.of(AnswerRule.LAST_STEP)));

    public SweepSetting {
        if (!(factor > 0) || maxCalls < 0) {
            throw new IllegalArgumentException("a sweep setting needs a positive factor and a cap of 0 or more");
        }
        Objects.requireNonNull(answerRule, "answerRule");
    }

    /** A setting under the configured answer rule. */
    public SweepSetting(double factor, int maxCalls) {
        this(factor, maxCalls, Optional.empty());
    }

    /**
     * Returns the sweep to choose the default from on {@code context}: {@link #WITH_LAST_STEP} where it was measured,
     * else {@link #DEFAULT}, exactly as before measuring existed.
     */
    public static List<SweepSetting> forContext(ContextModel context) {
        return context.isMeasured() ? WITH_LAST_STEP : DEFAULT;
    }

    /** The configured run changed by this setting. */
    public TrainingConfig apply(TrainingConfig configured) {
        TrainingConfig priced = answerRule.map(configured::withAnswerRule).orElse(configured).withLambda(configured.lambda() * factor);
        return maxCalls > 0 && maxCalls < configured.maxTotalCalls() ? priced.withMaxCalls(maxCalls) : priced;
    }

    /** The distinct runs of a sweep (a cap at or above the configured one is no setting of its own), in sweep order. */
    public static List<TrainingConfig> runs(List<SweepSetting> sweep, TrainingConfig configured) {
        List<TrainingConfig> runs = new ArrayList<>();
        for (SweepSetting setting : sweep) {
            TrainingConfig run = setting.apply(configured);
            if (!runs.contains(run)) {
                runs.add(run);
            }
        }
        return runs;
    }

    /**
     * How a run of the sweep reads in reports and findings: {@code lambda=1}, {@code lambda=1 max-calls 3}, or with an
     * answer rule other than the configured one, {@code lambda=1 last-step}.
     */
    public static String label(TrainingConfig run, TrainingConfig configured) {
        return "lambda=" + compact(run.lambda())
                + (run.maxTotalCalls() < configured.maxTotalCalls() ? " max-calls " + run.maxTotalCalls() : "")
                + (run.answerRule() != configured.answerRule() ? " " + run.answerRule() : "");
    }

    /** A label as a file-name part: {@code lambda=1 max-calls 3 seed 2} becomes {@code lambda-1-max-calls-3-seed-2}. */
    public static String fileLabel(String label) {
        return label.replace('=', '-').replace(' ', '-');
    }

    private static String compact(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
