package dev.baton.learn.train;

/** Hears about training progress; the CLI draws a progress bar from it. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener SILENT = (point, total) -> { };

    /** Called after each iteration with its figures and the run's total number of iterations. */
    void iterationDone(CurvePoint point, int totalIterations);
}
