package dev.baton.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Arithmetic questions with known answers in two classes, generated from a seed: {@code carry} (adding two two-digit
 * numbers told as a story, where a dropped carry gives the tempting wrong answer ten off) and {@code times} (a product
 * of two small numbers, asked plainly). The class is the task's {@code category}, so a fitted context model can tell
 * them apart; the wordings differ, so the policy's question embedding can too.
 */
record ScriptedQuestions(List<Question> questions, Map<String, Question> byText) {

    /** One question: its class is {@link #CARRY} or {@link #TIMES}. */
    record Question(String id, String text, long gold, String category) {
    }

    static final String CARRY = "carry";
    static final String TIMES = "times";

    ScriptedQuestions {
        questions = List.copyOf(questions);
        byText = Map.copyOf(byText);
    }

    ScriptedQuestions(List<Question> questions) {
        this(questions, questions.stream().collect(Collectors.toMap(Question::text, Function.identity())));
    }

    /** Generates {@code count} distinct questions, alternating the two classes, from {@code seed}. */
    static ScriptedQuestions generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Question> byText = new LinkedHashMap<>();
        while (byText.size() < count) {
            String id = "s" + byText.size();
            Question question;
            if (byText.size() % 2 == 0) {
                int a = 15 + random.nextInt(80);
                int b = 15 + random.nextInt(80);
                question = new Question(id, "A crate holds " + a + " apples and a basket holds " + b
                        + " more. How many apples are there in all?", a + b, CARRY);
            } else {
                int a = 3 + random.nextInt(30);
                int b = 3 + random.nextInt(30);
                question = new Question(id, "Compute " + a + " x " + b + ".", (long) a * b, TIMES);
            }
            byText.putIfAbsent(question.text(), question);
        }
        return new ScriptedQuestions(List.copyOf(byText.values()));
    }

    /** Returns the question a prompt starts with (the executor puts the question first, then a blank line). */
    Optional<Question> asked(String firstUserMessage) {
        String text = firstUserMessage.split("\n\n", 2)[0].strip();
        return Optional.ofNullable(byText.get(text));
    }

    /** Writes the questions as {@code name}.jsonl in {@code dir}, the benchmark file {@code record --bench} reads. */
    Path write(Path dir, String name) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Question q : questions) {
            lines.append("{\"id\": \"").append(q.id()).append("\", \"question\": \"").append(q.text()).append("\", \"gold\": \"")
                    .append(q.gold()).append("\", \"answer_type\": \"number\", \"category\": \"").append(q.category()).append("\"}\n");
        }
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".jsonl"), lines);
    }
}
