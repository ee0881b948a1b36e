package dev.baton.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for an accuracy: resample the per-task outcomes with
 * replacement many times and read the interval off the resampled accuracies.
 */
final class Bootstrap {

    private static final int RESAMPLES = 2_000;

    private Bootstrap() {
    }

    /**
     * Returns the 95% interval {low, high} of the mean of {@code correct}, in percent. The seed makes the
     * interval reproducible; an empty input gives {0, 0}.
     */
    static double[] interval95(boolean[] correct, long seed) {
        int n = correct.length;
        if (n == 0) {
            return new double[] {0, 0};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (correct[random.nextInt(n)]) {
                    hits++;
                }
            }
            means[r] = 100.0 * hits / n;
        }
        Arrays.sort(means);
        return new double[] {means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }
}
