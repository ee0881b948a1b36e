package dev.baton.eval.study;

import dev.baton.learn.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One setting of the sweep the default is chosen from on validation: a cost penalty, as a multiple of the configured
 * one, and a cap on calls a question (0: the configured cap). The demo and {@code baton train} train the same sweep.
 *
 * @param factor   multiplies the configured cost penalty
 * @param maxCalls most calls a question, all rounds together; 0 keeps the configured cap
 */
public record SweepSetting(double factor, int maxCalls) {

    /**
     * With the default lambda of 10: lambda 1 (cost barely matters), 10 and 100, and lambda 1 again held to 3 calls a
     * question. At lambda 1 only the cap holds the calls back, and the uncapped policy may vote with five to eight
     * workers where three agree about as often (the paper's conductor averages about three calls); offering both lets
     * validation decide what the extra calls buy. Together the settings are the learned frontier the report plots.
     */
    public static final List<SweepSetting> DEFAULT = List.of(new SweepSetting(0.1, 3), new SweepSetting(0.1, 0),
            new SweepSetting(1.0, 0), new SweepSetting(10.0, 0));

    public SweepSetting {
        if (!(factor > 0) || maxCalls < 0) {
            throw new IllegalArgumentException("a sweep setting needs a positive factor and a cap of 0 or more");
        }
    }

    /** The configured run changed by this setting. */
    public TrainingConfig apply(TrainingConfig configured) {
        TrainingConfig priced = configured.withLambda(configured.lambda() * factor);
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

    /** How a run of the sweep reads in reports and findings: {@code lambda=1} or {@code lambda=1 max-calls 3}. */
    public static String label(TrainingConfig run, TrainingConfig configured) {
        return "lambda=" + compact(run.lambda())
                + (run.maxTotalCalls() < configured.maxTotalCalls() ? " max-calls " + run.maxTotalCalls() : "");
    }

    /** A label as a file-name part: {@code lambda=1 max-calls 3 seed 2} becomes {@code lambda-1-max-calls-3-seed-2}. */
    public static String fileLabel(String label) {
        return label.replace('=', '-').replace(' ', '-');
    }

    private static String compact(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
