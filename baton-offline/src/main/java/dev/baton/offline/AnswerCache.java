package dev.baton.offline;

import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.task.AnswerType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the answer extracted from each reply text. Replay runs extract from the same recorded
 * replies again and again (every workflow that includes a step sees them), and extraction dominates
 * the cost of an offline call.
 */
final class AnswerCache {

    private final Map<AnswerType, Map<String, Optional<String>>> byType = new ConcurrentHashMap<>();

    Optional<String> answerOf(String replyText, AnswerType type) {
        Grader grader = Graders.forType(type);
        return byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(replyText, grader::extract);
    }
}
