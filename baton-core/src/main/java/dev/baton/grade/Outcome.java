package dev.baton.grade;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one final reply.
 *
 * @param answer  the answer extracted from the reply, empty when the reply commits to none
 * @param correct whether that answer is equivalent to the gold answer
 */
public record Outcome(Optional<String> answer, boolean correct) {

    public Outcome {
        Objects.requireNonNull(answer, "answer");
        if (correct && answer.isEmpty()) {
            throw new IllegalArgumentException("a correct outcome needs an answer");
        }
    }

    /** The outcome of a run that produced no reply at all. */
    public static Outcome none() {
        return new Outcome(Optional.empty(), false);
    }

    /** Returns 1 for a correct answer, otherwise 0. */
    public double score() {
        return correct ? 1.0 : 0.0;
    }
}
