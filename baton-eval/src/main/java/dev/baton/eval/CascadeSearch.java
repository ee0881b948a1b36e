package dev.baton.eval;

import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses {@code best-cascade}: the most accurate cascade on the train split among every order of two or three of the
 * best {@value #CANDIDATES} workers there (the cheaper on a tie).
 *
 * <p>A cascade's steps are independent, so what it does on a task follows from what each of its workers answers
 * alone: the search replays the workers' solo results on train (the ones the ranking was made from) instead of
 * running 150 cascades. For a replay pool this is exactly what running them would give; the chosen cascade is then
 * run for real on the split being evaluated.
 */
public final class CascadeSearch {

    /** How many of the best workers on train the search orders. */
    static final int CANDIDATES = 6;
    /** The longest cascade searched: a third worker settles most disagreements of two. */
    static final int MAX_LENGTH = 3;

    /** A cascade and its record on train. */
    public record Choice(List<String> workers, double accuracy, double meanCostUsd) {
        public Choice {
            workers = List.copyOf(workers);
        }
    }

    private final List<Task> tasks;
    private final Map<String, List<TaskResult>> soloResults;

    /**
     * @param tasks       the train tasks
     * @param soloResults per worker, its results on {@code tasks} alone, in the same order
     */
    CascadeSearch(List<Task> tasks, Map<String, List<TaskResult>> soloResults) {
        this.tasks = List.copyOf(tasks);
        this.soloResults = Map.copyOf(soloResults);
        soloResults.forEach((worker, results) -> {
            if (results.size() != tasks.size()) {
                throw new IllegalArgumentException(worker + " has " + results.size() + " results for " + tasks.size() + " tasks");
            }
        });
    }

    /** Returns the best cascade over the ranking's leading workers; empty when fewer than two workers rank. */
    Optional<Choice> best(WorkerRanking ranking) {
        List<String> leaders = ranking.top(Math.min(CANDIDATES, ranking.entries().size()));
        List<List<String>> orders = new ArrayList<>();
        orders(leaders, new ArrayList<>(), orders);
        return orders.stream().map(this::score)
                .max(Comparator.comparingDouble(Choice::accuracy)
                        .thenComparing(Comparator.comparingDouble(Choice::meanCostUsd).reversed()));
    }

    /** Every order of two to {@value #MAX_LENGTH} distinct workers, shortest and best-ranked first. */
    private static void orders(List<String> leaders, List<String> prefix, List<List<String>> out) {
        if (prefix.size() >= 2) {
            out.add(List.copyOf(prefix));
        }
        if (prefix.size() == MAX_LENGTH) {
            return;
        }
        for (String worker : leaders) {
            if (!prefix.contains(worker)) {
                prefix.add(worker);
                orders(leaders, prefix, out);
                prefix.removeLast();
            }
        }
    }

    /** What the cascade would have scored on train: its accuracy and mean cost, from the solo results. */
    Choice score(List<String> workers) {
        int correct = 0;
        double cost = 0;
        for (int t = 0; t < tasks.size(); t++) {
            Grader grader = Graders.forType(tasks.get(t).answerType());
            List<TaskResult> asked = new ArrayList<>();
            TaskResult settled = null;
            for (String worker : workers) {
                TaskResult result = Objects.requireNonNull(soloResults.get(worker), worker).get(t);
                asked.add(result);
                cost += result.costUsd();
                settled = agreement(asked, grader);
                // The first two answer together; from then on one worker at a time, until two agree.
                if (asked.size() >= 2 && settled != null) {
                    break;
                }
            }
            TaskResult answer = settled != null ? settled : asked.getLast();
            correct += answer.correct() ? 1 : 0;
        }
        return new Choice(workers, 100.0 * correct / tasks.size(), cost / tasks.size());
    }

    /** The earliest result whose answer a later one agrees with, or null. */
    private static TaskResult agreement(List<TaskResult> asked, Grader grader) {
        for (int i = 0; i < asked.size(); i++) {
            Optional<String> a = asked.get(i).answer();
            for (int j = i + 1; j < asked.size() && a.isPresent(); j++) {
                Optional<String> b = asked.get(j).answer();
                if (b.isPresent() && grader.equivalent(a.get(), b.get())) {
                    return asked.get(i);
                }
            }
        }
        return null;
    }
}
