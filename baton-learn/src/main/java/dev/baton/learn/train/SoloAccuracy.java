package dev.baton.learn.train;

import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.RoundPlanner;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.grade.GradingMemo;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Measures each worker's accuracy alone, overall and per task category (subject), on the training questions: the descriptor feature that tells the policy who
 * is good, so that it need not learn it worker by worker from rewards (and can pick the best of a pool it has seen
 * only in parts). On a live pool this asks every worker every training question once.
 */
final class SoloAccuracy {

    private SoloAccuracy() {
    }

    /**
     * Per-category accuracies are shrunk toward the worker's overall accuracy as if {@value #PRIOR_QUESTIONS} more
     * questions had been answered at that rate: a subject with few training questions should not swing the choice.
     */
    static final int PRIOR_QUESTIONS = 10;

    /**
     * What was measured.
     *
     * @param overall    per worker id, the share of the tasks it answers right alone
     * @param byCategory per category, per worker id, the shrunk share of that category's tasks
     */
    record Measured(Map<String, Double> overall, Map<String, Map<String, Double>> byCategory) {
    }

    /** Asks every worker of the pool every task alone. */
    static Measured measure(Pool pool, List<Task> tasks, ExecutorService threads) {
        Orchestrator loop = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool,
                Budget.unlimited().withMaxCalls(1), 1);
        GradingMemo graders = new GradingMemo();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byCategory = new java.util.TreeMap<>();
        for (String worker : pool.view().workerIds()) {
            SoloConductor solo = new SoloConductor(worker);
            List<Orchestrator.Attempt> attempts = new ArrayList<>();
            for (Task task : tasks) {
                attempts.add(new Orchestrator.Attempt(task, solo.start(task, pool.view())));
            }
            List<Orchestrator.Result> results = loop.answerAll(attempts, RoundPlanner.oneByOne(), threads);
            int right = 0;
            Map<String, int[]> counts = new java.util.TreeMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                boolean correct = results.get(i).answer()
                        .map(text -> graders.forType(task.answerType()).grade(text, task).correct()).orElse(false);
                right += correct ? 1 : 0;
                String category = task.metadata().get(dev.baton.learn.conductor.WorkerIndex.CATEGORY);
                if (category != null) {
                    int[] c = counts.computeIfAbsent(category, k -> new int[2]);
                    c[0] += correct ? 1 : 0;
                    c[1]++;
                }
            }
            double overall = tasks.isEmpty() ? 0.0 : (double) right / tasks.size();
            accuracy.put(worker, overall);
            counts.forEach((category, c) -> byCategory.computeIfAbsent(category, k -> new LinkedHashMap<>())
                    .put(worker, (c[0] + PRIOR_QUESTIONS * overall) / (c[1] + PRIOR_QUESTIONS)));
        }
        return new Measured(accuracy, byCategory);
    }
}
