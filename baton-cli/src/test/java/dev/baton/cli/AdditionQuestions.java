package dev.baton.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark file of {@code count} number questions "What is i + i?" (gold {@code 2i}), for live-pool tests. */
final class AdditionQuestions {

    private AdditionQuestions() {
    }

    /** Writes the questions as {@code questions.jsonl} in {@code dir} and returns the file. */
    static Path write(Path dir, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append("{\"id\": \"q").append(i).append("\", \"question\": \"What is ").append(i).append(" + ").append(i)
                    .append("?\", \"gold\": \"").append(2 * i).append("\", \"answer_type\": \"number\"}\n");
        }
        return Files.writeString(dir.resolve("questions.jsonl"), lines);
    }
}
