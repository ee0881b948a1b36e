package dev.baton.learn.train;

/** Hears about training progress; the CLI draws a progress bar from it. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener SILENT = (point, total) -> { };

    /**
     * Called once before training, with the iteration it starts from (above 0 when it resumes a checkpoint; equal to the
     * total when that checkpoint is already finished and nothing will run) and the run's total number of iterations.
     */
    default void started(int fromIteration, int totalIterations) {
    }

    /** Called after each iteration with its figures and the run's total number of iterations. */
    void iterationDone(CurvePoint point, int totalIterations);
}
