package dev.baton.offline;

import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark's tasks together with what each recorded model answered to them.
 *
 * @param name    the benchmark's name, part of the train/test split hash
 * @param tasks   the tasks in file order
 * @param replies recorded replies by task id, then by model id
 * @param models  every model with at least one recorded reply, in order of first appearance
 * @param reviews recorded reviews by task id: how models answered when they saw others' replies ({@code record --reviews})
 */
public record RecordedBenchmark(String name, List<Task> tasks, Map<String, Map<String, RecordedReply>> replies,
                                List<String> models, Map<String, List<RecordedReview>> reviews) {

    public RecordedBenchmark {
        Objects.requireNonNull(name, "name");
        tasks = List.copyOf(tasks);
        replies = Map.copyOf(replies);
        models = List.copyOf(models);
        reviews = Map.copyOf(reviews);
    }

    /** A benchmark without recorded reviews: every step that sees others answers by the context model. */
    public RecordedBenchmark(String name, List<Task> tasks, Map<String, Map<String, RecordedReply>> replies, List<String> models) {
        this(name, tasks, replies, models, Map.of());
    }

    /** Returns the reviews recorded for task {@code taskId}, in file order; empty when none were. */
    public List<RecordedReview> reviews(String taskId) {
        return reviews.getOrDefault(taskId, List.of());
    }

    /** Returns how many reviews the benchmark records, every task's together. */
    public int reviewCount() {
        return reviews.values().stream().mapToInt(List::size).sum();
    }

    /** Returns what {@code model} answered to task {@code taskId}, if it answered. */
    public Optional<RecordedReply> reply(String taskId, String model) {
        return Optional.ofNullable(replies.getOrDefault(taskId, Map.of()).get(model));
    }

    /** Returns how many tasks {@code model} has a recorded reply for. */
    public long answeredBy(String model) {
        return replies.values().stream().filter(byModel -> byModel.containsKey(model)).count();
    }
}
