package dev.baton.grade;

import dev.baton.task.AnswerType;

/**
 * Provides the grader for each answer type. Graders are stateless singletons, safe to share across threads.
 */
public final class Graders {

    private Graders() {}

    /** Returns the grader that judges answers of the given type. */
    public static Grader forType(AnswerType type) {
        return switch (type) {
            case NUMBER -> NumberGrader.INSTANCE;
            case MATH -> MathGrader.INSTANCE;
            case CHOICE -> ChoiceGrader.INSTANCE;
            case TEXT -> TextGrader.INSTANCE;
        };
    }
}
