package dev.baton.cli;

import dev.baton.learn.train.CurvePoint;
import dev.baton.learn.train.TrainingListener;
import dev.baton.worker.Price;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress: a bar naming the run, with the latest iteration's accuracy, cost, calls and reward, on
 * terminals only.
 */
final class TrainingProgress implements TrainingListener {

    private final dev.baton.eval.ProgressListener bar;
    private final String label;

    TrainingProgress(dev.baton.eval.ProgressListener bar, String label) {
        this.bar = bar;
        this.label = label;
    }

    static TrainingListener forTerminal(PrintWriter err, boolean quiet, String label) {
        dev.baton.eval.ProgressListener bar = ProgressBar.forTerminal(err, quiet);
        return bar == dev.baton.eval.ProgressListener.SILENT ? TrainingListener.SILENT : new TrainingProgress(bar, label);
    }

    /**
     * Returns how the bar names run {@code index} (from 0) of {@code count}: its setting, and its place when there are
     * several, {@code lambda=1 max-calls 3 (2/4)}.
     */
    static String label(String setting, int index, int count) {
        return count == 1 ? setting : String.format(Locale.ROOT, "%s (%d/%d)", setting, index + 1, count);
    }

    @Override
    public void iterationDone(CurvePoint point, int totalIterations) {
        // Most telling first: on a narrow terminal the bar drops parts from the end, and reward (what the trainer
        // maximizes, accuracy less the cost penalty) is the first to go.
        bar.advanced(String.format(Locale.ROOT, "%s: acc %.1f%%, %s, %.1f calls, reward %.3f", label, point.accuracy(),
                Price.usd(point.meanCostUsd()), point.meanCalls(), point.reward()), point.iteration(), totalIterations);
    }
}
