package dev.baton.learn.conductor;

import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * What the learned conductor knows of its workers when it weighs their answers against each other: how often each is
 * right alone on training questions like the one at hand, and how often two of them give the same wrong answer (two
 * models that err alike are less than two witnesses).
 */
public interface Trust {

    /**
     * The share of two workers' shared wrong answers assumed when it was not measured: wrong answers spread evenly
     * over nine alternatives (MMLU-Pro's ten options less the right one).
     */
    double UNMEASURED_SAME_WRONG = 1.0 / 9;

    /** The share of training questions like this one the worker answers right alone (0 for a worker not measured). */
    double accuracy(String workerId);

    /**
     * Of the training questions both workers answered wrong, the share on which they gave the same answer (1 for a
     * worker and itself).
     */
    double sameWrongAnswer(String first, String second);

    /** Trust from accuracies alone, wrong answers assumed spread as {@link #UNMEASURED_SAME_WRONG} says. */
    static Trust ofAccuracy(ToDoubleFunction<String> accuracy) {
        return of(accuracy, (first, second) -> UNMEASURED_SAME_WRONG);
    }

    /**
     * Trust from the two measures, given by worker id.
     *
     * @param sameWrong asked only for two different workers (a worker and itself share every wrong answer)
     */
    static Trust of(ToDoubleFunction<String> accuracy, ToDoubleBiFunction<String, String> sameWrong) {
        return new Trust() {
            @Override
            public double accuracy(String workerId) {
                return accuracy.applyAsDouble(workerId);
            }

            @Override
            public double sameWrongAnswer(String first, String second) {
                return first.equals(second) ? 1 : sameWrong.applyAsDouble(first, second);
            }
        };
    }
}
