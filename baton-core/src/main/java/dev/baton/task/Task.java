package dev.baton.task;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * One question to answer, with the reference answer it is judged against.
 *
 * @param id         unique within its benchmark
 * @param question   the text every worker sees
 * @param gold       the reference answer as the benchmark gives it (for example {@code # 18} or {@code \frac{1}{2}})
 * @param answerType how the final answer is judged
 * @param metadata   free-form attributes carried through to reports; never null
 */
public record Task(String id, String question, String gold, AnswerType answerType, Map<String, String> metadata) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(answerType, "answerType");
        metadata = Map.copyOf(metadata);
        if (id.isBlank()) {
            throw new IllegalArgumentException("task id must not be blank");
        }
    }

    /** Creates a task without metadata. */
    public static Task of(String id, String question, String gold, AnswerType answerType) {
        return new Task(id, question, gold, answerType, Map.of());
    }

    /**
     * Creates the task a user asks: no gold answer (nothing grades it, and workers never see one anyway), no metadata,
     * its id {@linkplain #idOf derived from its text}.
     */
    public static Task asked(String question, AnswerType answerType) {
        return new Task(idOf(question), question, "", answerType, Map.of());
    }

    /** Returns a stable id for a question's text, so traces and stores recognise a question asked again. */
    public static String idOf(String question) {
        return "q-" + HexFormat.of().formatHex(Sha256.of(question), 0, 8);
    }
}
