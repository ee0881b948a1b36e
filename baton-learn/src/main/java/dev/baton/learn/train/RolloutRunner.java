package dev.baton.learn.train;

import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.grade.GradingMemo;
import dev.baton.learn.conductor.PlanWorkflows;
import dev.baton.learn.conductor.RoundSummary;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.policy.Decoder;
import dev.baton.learn.policy.PlanState;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.role.RoleSet;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Samples workflows for a batch of questions and runs them through the real executor, round by round: all
 * first rounds, then the policy's "add more?" decision for every plan, then the next round of those that
 * asked for more, until every plan has accepted or reached a cap.
 */
final class RolloutRunner {

    private final Pool pool;
    private final WorkerIndex workers;
    private final RoleSet roles;
    private final TrainingConfig config;
    private final ExecutorService threads;
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
    private final GradingMemo graders = new GradingMemo();

    RolloutRunner(Pool pool, WorkerIndex workers, RoleSet roles, TrainingConfig config, ExecutorService threads) {
        this.pool = pool;
        this.workers = workers;
        this.roles = roles;
        this.config = config;
        this.threads = threads;
    }

    /**
     * Samples {@code config.rollouts()} workflows per question and runs them.
     *
     * @param questions  the batch's tasks
     * @param embeddings their question embeddings
     * @param offered    per question, which workers it may use
     * @param streams    one random stream per rollout, in question-major order
     */
    List<Rollout> run(PolicyNetwork network, List<Task> questions, List<float[]> embeddings, List<boolean[]> offered,
                      List<SplittableRandom> streams) {
        List<PlanState> plans = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            for (int g = 0; g < config.rollouts(); g++) {
                plans.add(new PlanState(network.shape(), embeddings.get(q), offered.get(q), config.maxTotalCalls()));
                groups.add(q);
            }
        }
        Decoder.decode(network, plans, Decoder.sampling(streams));
        List<Trace> traces = new ArrayList<>(java.util.Collections.nCopies(plans.size(), Trace.empty()));
        List<Integer> running = java.util.stream.IntStream.range(0, plans.size()).boxed().toList();
        while (!running.isEmpty()) {
            execute(running, plans, groups, questions, traces);
            List<Integer> continuing = new ArrayList<>();
            List<SplittableRandom> continuingStreams = new ArrayList<>();
            for (int i : running) {
                Task task = questions.get(groups.get(i));
                float[] summary = RoundSummary.of(traces.get(i), task, graders.forType(task.answerType()), config.maxTotalCalls());
                if (plans.get(i).startNextRound(summary)) {
                    continuing.add(i);
                    continuingStreams.add(streams.get(i));
                }
            }
            Decoder.decode(network, continuing.stream().map(plans::get).toList(), Decoder.sampling(continuingStreams));
            running = continuing.stream()
                    .filter(i -> !plans.get(i).accepted() && !plans.get(i).lastRound().isEmpty())
                    .toList();
        }

        List<Rollout> rollouts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Task task = questions.get(groups.get(i));
            Trace trace = traces.get(i);
            boolean correct = trace.finalText().map(text -> graders.forType(task.answerType()).grade(text, task).correct()).orElse(false);
            double reward = (correct ? 1.0 : 0.0) - config.lambda() * trace.costUsd();
            rollouts.add(new Rollout(groups.get(i), plans.get(i), trace, correct, reward));
        }
        return rollouts;
    }

    /** Runs the last planned round of the given plans, in parallel, appending to their traces. */
    private void execute(List<Integer> running, List<PlanState> plans, List<Integer> groups, List<Task> questions,
                         List<Trace> traces) {
        Budget budget = Budget.unlimited().withMaxCalls(config.maxTotalCalls());
        List<Future<Trace>> futures = new ArrayList<>();
        for (int i : running) {
            PlanState plan = plans.get(i);
            Task task = questions.get(groups.get(i));
            Trace before = traces.get(i);
            futures.add(threads.submit(() ->
                    executor.run(PlanWorkflows.of(plan.lastRound(), workers, roles), task, pool, budget, before)));
        }
        try {
            for (int k = 0; k < running.size(); k++) {
                traces.set(running.get(k), futures.get(k).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rollout failed: " + e.getCause(), e.getCause());
        }
    }
}
