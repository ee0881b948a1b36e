package dev.baton.learn.train;

import dev.baton.conduct.Orchestrator;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.grade.GradingMemo;
import dev.baton.learn.conductor.PolicyPlanner;
import dev.baton.learn.conductor.PolicyRun;
import dev.baton.learn.policy.Decoder;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * Samples workflows for a batch of questions and runs them through the one round loop ({@link Orchestrator}),
 * all rollouts in lock-step so the policy plans each round of all of them with one network call per choice.
 * What differs from answering is only what the loop is given: sampling runs instead of greedy ones, the
 * policy's call cap as the budget, and a thread pool that runs the rollouts' rounds side by side.
 */
final class RolloutRunner {

    private final Orchestrator loop;
    private final TrainingConfig config;
    private final ExecutorService threads;
    private final GradingMemo graders = new GradingMemo();

    RolloutRunner(Pool pool, TrainingConfig config, ExecutorService threads) {
        this.loop = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool,
                Budget.unlimited().withMaxCalls(config.maxTotalCalls()), Orchestrator.DEFAULT_MAX_ROUNDS);
        this.config = config;
        this.threads = threads;
    }

    /**
     * Samples {@code config.rollouts()} workflows per question and runs them.
     *
     * @param planner    plans with the network being trained
     * @param questions  the batch's tasks
     * @param embeddings their question embeddings
     * @param offered    per question, which workers it may use
     * @param streams    one random stream per rollout, in question-major order
     */
    List<Rollout> run(PolicyPlanner planner, List<Task> questions, List<float[]> embeddings, List<boolean[]> offered,
                      List<SplittableRandom> streams) {
        List<PolicyRun> runs = new ArrayList<>();
        List<Orchestrator.Attempt> attempts = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            Task task = questions.get(q);
            for (int g = 0; g < config.rollouts(); g++) {
                PolicyRun run = planner.start(task, embeddings.get(q), offered.get(q),
                        Decoder.sampling(List.of(streams.get(runs.size()))), graders.forType(task.answerType()));
                runs.add(run);
                attempts.add(loop.attempt(task, run));
                groups.add(q);
            }
        }
        List<Orchestrator.Result> results = loop.answerAll(attempts, planner, threads);
        List<Rollout> rollouts = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Task task = attempts.get(i).task();
            Orchestrator.Result result = results.get(i);
            boolean correct = result.answer()
                    .map(text -> graders.forType(task.answerType()).grade(text, task).correct()).orElse(false);
            double reward = Rollout.reward(correct, result.trace().costUsd(), config.lambda());
            rollouts.add(new Rollout(groups.get(i), runs.get(i).state(), result.trace(), correct, reward));
        }
        return rollouts;
    }
}
