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
 * Measures each worker's accuracy alone on the training questions: the descriptor feature that tells the policy who
 * is good, so that it need not learn it worker by worker from rewards (and can pick the best of a pool it has seen
 * only in parts). On a live pool this asks every worker every training question once.
 */
final class SoloAccuracy {

    private SoloAccuracy() {
    }

    /** Returns, per worker id of the pool in pool order, the share of {@code tasks} it answers right alone. */
    static Map<String, Double> measure(Pool pool, List<Task> tasks, ExecutorService threads) {
        Orchestrator loop = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool,
                Budget.unlimited().withMaxCalls(1), 1);
        GradingMemo graders = new GradingMemo();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (String worker : pool.view().workerIds()) {
            SoloConductor solo = new SoloConductor(worker);
            List<Orchestrator.Attempt> attempts = new ArrayList<>();
            for (Task task : tasks) {
                attempts.add(new Orchestrator.Attempt(task, solo.start(task, pool.view())));
            }
            List<Orchestrator.Result> results = loop.answerAll(attempts, RoundPlanner.oneByOne(), threads);
            int right = 0;
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                if (results.get(i).answer().map(text -> graders.forType(task.answerType()).grade(text, task).correct()).orElse(false)) {
                    right++;
                }
            }
            accuracy.put(worker, tasks.isEmpty() ? 0.0 : (double) right / tasks.size());
        }
        return accuracy;
    }
}
