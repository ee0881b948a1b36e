package dev.baton.cli;

import dev.baton.learn.train.CurvePoint;
import dev.baton.learn.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows training progress: a bar with the latest iteration's reward, accuracy and cost, on terminals only. */
final class TrainingProgress implements TrainingListener {

    private final dev.baton.eval.ProgressListener bar;
    private final String label;

    private TrainingProgress(dev.baton.eval.ProgressListener bar, String label) {
        this.bar = bar;
        this.label = label;
    }

    static TrainingListener forTerminal(PrintWriter err, boolean quiet, String label) {
        dev.baton.eval.ProgressListener bar = ProgressBar.forTerminal(err, quiet);
        return bar == dev.baton.eval.ProgressListener.SILENT ? TrainingListener.SILENT : new TrainingProgress(bar, label);
    }

    @Override
    public void iterationDone(CurvePoint point, int totalIterations) {
        // Most telling first: on a narrow terminal the bar drops parts from the end.
        bar.advanced(String.format(Locale.ROOT, "%s: acc %.1f%%, $%.5f, %.1f calls, reward %.3f", label, point.accuracy(),
                point.meanCostUsd(), point.meanCalls(), point.reward()), point.iteration(), totalIterations);
    }
}
