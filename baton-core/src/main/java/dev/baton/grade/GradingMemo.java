package dev.baton.grade;

import dev.baton.task.AnswerType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graders that remember what they extracted and judged. Offline work grades the same recorded replies and
 * compares the same few answers over and over (every workflow that includes a step sees them, every
 * training rollout is graded), and extraction and comparison dominate the cost of an offline call.
 *
 * <p>Its memory grows with every distinct reply text and answer pair, so it belongs to one bounded body of
 * work (a replay pool, a training run), not to a long-running server.
 */
public final class GradingMemo {

    private final Map<AnswerType, Grader> byType = new ConcurrentHashMap<>();

    /** Returns the remembering grader for an answer type. */
    public Grader forType(AnswerType type) {
        return byType.computeIfAbsent(type, t -> new Remembering(Graders.forType(t)));
    }

    private record Pair(String answer, String reference) {
    }

    private static final class Remembering implements Grader {

        private final Grader grader;
        private final Map<String, Optional<String>> extracted = new ConcurrentHashMap<>();
        private final Map<Pair, Boolean> judged = new ConcurrentHashMap<>();

        Remembering(Grader grader) {
            this.grader = Objects.requireNonNull(grader, "grader");
        }

        @Override
        public Optional<String> extract(String reply) {
            return extracted.computeIfAbsent(reply, grader::extract);
        }

        @Override
        public boolean equivalent(String answer, String reference) {
            return judged.computeIfAbsent(new Pair(answer, reference), p -> grader.equivalent(p.answer(), p.reference()));
        }
    }
}
