package dev.baton.learn.train;

import dev.baton.input.BadInputException;

/**
 * Thrown when an update leaves a parameter NaN or infinite. The settings (a learning rate or lambda too large
 * for the data) caused it, so it is reported as bad input; the checkpoint of the diverged iteration is not written.
 */
public final class TrainingDivergedException extends BadInputException {

    public TrainingDivergedException(int iteration, String parameter) {
        super("training diverged at iteration " + iteration + " (parameter '" + parameter + "' is no longer a finite number): "
                + "try a smaller --learning-rate or --lambda; no checkpoint of this iteration was written");
    }
}
