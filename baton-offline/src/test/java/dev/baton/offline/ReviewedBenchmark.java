package dev.baton.offline;

import dev.baton.task.AnswerType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A hand-made recording with reviews whose every behaviour is known: workers a, b and c on four questions whose gold is
 * 10. Solo answers and reviews (worker saw [peers] -> answer):
 * <pre>
 * q1: a 10, b 10, c 20   a saw [b, c] -> 10 (keeps its right answer); c saw [a, b] -> 10 (adopts the agreed right one)
 * q2: a 10, b 30, c 30   a saw [b, c] -> 30 (adopts the agreed wrong one); b saw [c] -> 30 (peer agrees with it)
 * q3: a 40, b 10, c 50   a saw [b, c] -> 40 (keeps its wrong answer); b saw [a, c] -> 60 (new, wrong)
 * q4: a 40, b 50, c 60   a saw [b, c] -> 10 (new, right); c saw [a] -> no answer
 * </pre>
 */
final class ReviewedBenchmark {

    /** What a reviewed when it saw b and c on q1. */
    static final String A_REVIEWS_Q1 = "Both attempts checked: the answer is 10.";

    static final String JSONL = line("q1", 10, 10, 20, review("a", "b\", \"c", A_REVIEWS_Q1) + ", " + review("c", "a\", \"b", "So it is 10."))
            + line("q2", 10, 30, 30, review("a", "b\", \"c", "They agree: 30.") + ", " + review("b", "c", "Still 30."))
            + line("q3", 40, 10, 50, review("a", "b\", \"c", "I stay with 40.") + ", " + review("b", "a\", \"c", "Now I get 60."))
            + line("q4", 40, 50, 60, review("a", "b\", \"c", "None of these: 10.") + ", " + review("c", "a", "I cannot tell."));

    private ReviewedBenchmark() {
    }

    static RecordedBenchmark read() {
        return read(JSONL);
    }

    /** The same recording, its questions in two categories: q1 and q2 in {@code x}, q3 and q4 in {@code y}. */
    static RecordedBenchmark readInCategories() {
        String[] lines = JSONL.split("\n");
        StringBuilder categorised = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            categorised.append(lines[i].replaceFirst("^\\{", "{\"category\": \"" + (i < 2 ? "x" : "y") + "\", ")).append('\n');
        }
        return read(categorised.toString());
    }

    private static RecordedBenchmark read(String jsonl) {
        try {
            return RecordedBenchmarkReader.read("reviewed", "reviewed.jsonl", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                    Optional.of(AnswerType.NUMBER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String id, int a, int b, int c, String reviews) {
        return "{\"id\": \"" + id + "\", \"question\": \"What is " + id + "?\", \"gold\": \"10\", \"responses\": {"
                + "\"a\": {\"tail\": \"The answer is " + a + ".\"}, \"b\": {\"tail\": \"The answer is " + b + ".\"}, "
                + "\"c\": {\"tail\": \"The answer is " + c + ".\"}}, \"reviews\": [" + reviews + "]}\n";
    }

    private static String review(String worker, String saw, String tail) {
        return "{\"worker\": \"" + worker + "\", \"saw\": [\"" + saw + "\"], \"tail\": \"" + tail + "\", \"input_tokens\": 70, "
                + "\"output_tokens\": 9}";
    }
}
