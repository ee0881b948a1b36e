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
     * @param sameWrong  per pair of workers (both orders), the shrunk share of the tasks both answered wrong on which
     *                   they gave the same answer
     */
    record Measured(Map<String, Double> overall, Map<String, Map<String, Double>> byCategory, Map<WorkerPair, Double> sameWrong) {

        /** The shared wrong answers of two workers ({@link dev.baton.learn.conductor.Trust#UNMEASURED_SAME_WRONG} if unmeasured). */
        double sameWrong(String first, String second) {
            return sameWrong.getOrDefault(new WorkerPair(first, second), dev.baton.learn.conductor.Trust.UNMEASURED_SAME_WRONG);
        }
    }

    /** Two worker ids, in order. */
    record WorkerPair(String first, String second) {
    }

    /** Asks every worker of the pool every task alone. */
    static Measured measure(Pool pool, List<Task> tasks, ExecutorService threads) {
        Orchestrator loop = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool,
                Budget.unlimited().withMaxCalls(1), 1);
        GradingMemo graders = new GradingMemo();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byCategory = new java.util.TreeMap<>();
        // Per worker, per task: the answer it gave when it gave a wrong one (null when right or unreadable).
        Map<String, String[]> wrongAnswers = new LinkedHashMap<>();
        for (String worker : pool.view().workerIds()) {
            SoloConductor solo = new SoloConductor(worker);
            List<Orchestrator.Attempt> attempts = new ArrayList<>();
            for (Task task : tasks) {
                attempts.add(loop.attempt(solo, task, pool.view()));
            }
            List<Orchestrator.Result> results = loop.answerAll(attempts, RoundPlanner.oneByOne(), threads);
            int right = 0;
            Map<String, int[]> counts = new java.util.TreeMap<>();
            String[] wrong = new String[tasks.size()];
            wrongAnswers.put(worker, wrong);
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                dev.baton.grade.Outcome outcome = results.get(i).answer()
                        .map(text -> graders.forType(task.answerType()).grade(text, task)).orElse(null);
                boolean correct = outcome != null && outcome.correct();
                if (outcome != null && !correct) {
                    wrong[i] = outcome.answer().orElse(null);
                }
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
        return new Measured(accuracy, byCategory, sameWrong(wrongAnswers, tasks, graders));
    }

    /**
     * For every pair of workers, of the tasks both answered wrong, the share on which their answers were the same, shrunk
     * toward {@link dev.baton.learn.conductor.Trust#UNMEASURED_SAME_WRONG} as if {@value #PRIOR_QUESTIONS} more such
     * tasks had been seen: two workers rarely wrong together should not be judged on three questions.
     */
    private static Map<WorkerPair, Double> sameWrong(Map<String, String[]> wrongAnswers, List<Task> tasks, GradingMemo graders) {
        List<String> workers = new ArrayList<>(wrongAnswers.keySet());
        Map<WorkerPair, Double> shared = new LinkedHashMap<>();
        for (int a = 0; a < workers.size(); a++) {
            for (int b = a + 1; b < workers.size(); b++) {
                String[] first = wrongAnswers.get(workers.get(a));
                String[] second = wrongAnswers.get(workers.get(b));
                int both = 0;
                int same = 0;
                for (int i = 0; i < tasks.size(); i++) {
                    if (first[i] != null && second[i] != null) {
                        both++;
                        same += graders.forType(tasks.get(i).answerType()).equivalent(first[i], second[i]) ? 1 : 0;
                    }
                }
                double share = (same + PRIOR_QUESTIONS * dev.baton.learn.conductor.Trust.UNMEASURED_SAME_WRONG) / (both + PRIOR_QUESTIONS);
                shared.put(new WorkerPair(workers.get(a), workers.get(b)), share);
                shared.put(new WorkerPair(workers.get(b), workers.get(a)), share);
            }
        }
        return shared;
    }
}
