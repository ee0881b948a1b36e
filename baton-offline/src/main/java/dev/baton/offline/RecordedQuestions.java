package dev.baton.offline;

import dev.baton.task.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The questions a replay pool has recordings for, looked up by text in constant time (a request used to scan every
 * task). A worker's first user turn is the question alone, or the question, a blank line and a subtask (as the
 * executor writes it), so a text also matches when a question is its prefix up to a blank line.
 */
public final class RecordedQuestions {

    private static final String BLANK_LINE = "\n\n";

    private final String benchmark;
    private final Map<String, Task> byQuestion;
    private final Map<String, Task> byId;

    private RecordedQuestions(String benchmark, Map<String, Task> byQuestion, Map<String, Task> byId) {
        this.benchmark = benchmark;
        this.byQuestion = byQuestion;
        this.byId = byId;
    }

    /** Indexes a replayed benchmark's questions. */
    public static RecordedQuestions of(ReplayedBenchmark replayed) {
        return of(replayed.name(), replayed.benchmark().tasks());
    }

    /** Indexes tasks; of two with the same question text the first is kept, as the scan it replaces did. */
    public static RecordedQuestions of(String benchmark, List<Task> tasks) {
        Map<String, Task> byQuestion = new HashMap<>();
        Map<String, Task> byId = new HashMap<>();
        for (Task task : tasks) {
            byQuestion.putIfAbsent(task.question().strip(), task);
            byId.putIfAbsent(task.id(), task);
        }
        return new RecordedQuestions(Objects.requireNonNull(benchmark, "benchmark"), byQuestion, byId);
    }

    /** Returns the benchmark's name. */
    public String benchmark() {
        return benchmark;
    }

    /** Returns the task whose question is exactly {@code text} (surrounding white space aside). */
    public Optional<Task> question(String text) {
        return Optional.ofNullable(byQuestion.get(text.strip()));
    }

    /** Returns the task whose question {@code text} is, or starts with up to a blank line (a step's first turn). */
    public Optional<Task> turn(String text) {
        Optional<Task> exact = question(text);
        if (exact.isPresent()) {
            return exact;
        }
        // The question may itself hold blank lines, so every blank line is a place the subtask may start.
        for (int at = text.indexOf(BLANK_LINE); at >= 0; at = text.indexOf(BLANK_LINE, at + 1)) {
            Task task = byQuestion.get(text.substring(0, at).strip());
            if (task != null) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /** Returns the task with this id. */
    public Optional<Task> id(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Returns the task a pool is asked {@code question} with: for a replay pool ({@code recorded} present) its recorded
     * task with that text, which alone it can answer; for any other pool {@code asked}, a new task.
     *
     * @param unrecorded the failure, given the benchmark's name, when a replay pool has no recording of the question;
     *                   each caller words it for its user (a command line, an HTTP client)
     */
    public static Task replayedOrAsked(Optional<RecordedQuestions> recorded, String question, Supplier<Task> asked,
                                       Function<String, ? extends RuntimeException> unrecorded) {
        if (recorded.isEmpty()) {
            return asked.get();
        }
        return recorded.get().question(question).orElseThrow(() -> unrecorded.apply(recorded.get().benchmark()));
    }
}
