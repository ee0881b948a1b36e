package dev.baton.learn.train;

import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.grade.Graders;
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
 * Samples workflows for a batch of questions and runs them through the real executor: round one for all,
 * then the policy's second-round decision for all, then round two where it asked for more.
 */
final class RolloutRunner {

    private final Pool pool;
    private final WorkerIndex workers;
    private final RoleSet roles;
    private final TrainingConfig config;
    private final ExecutorService threads;
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

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
        Decoder.Chooser sample = Decoder.sampling(streams);
        Decoder.decode(network, plans, sample);
        List<Trace> traces = execute(plans, groups, questions, null);

        List<PlanState> continuing = new ArrayList<>();
        List<SplittableRandom> continuingStreams = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Task task = questions.get(groups.get(i));
            if (plans.get(i).startSecondRound(RoundSummary.of(traces.get(i), task, network.shape().maxSteps()))) {
                continuing.add(plans.get(i));
                continuingStreams.add(streams.get(i));
            }
        }
        Decoder.decode(network, continuing, Decoder.sampling(continuingStreams));
        traces = execute(plans, groups, questions, traces);

        List<Rollout> rollouts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Task task = questions.get(groups.get(i));
            Trace trace = traces.get(i);
            boolean correct = trace.finalText().map(text -> Graders.forType(task.answerType()).grade(text, task).correct()).orElse(false);
            double reward = (correct ? 1.0 : 0.0) - config.lambda() * trace.costUsd();
            rollouts.add(new Rollout(groups.get(i), plans.get(i), trace, correct, reward));
        }
        return rollouts;
    }

    /** Runs round one (when {@code previous} is null) or round two of every plan, in parallel. */
    private List<Trace> execute(List<PlanState> plans, List<Integer> groups, List<Task> questions, List<Trace> previous) {
        Budget budget = Budget.unlimited().withMaxCalls(config.maxTotalCalls());
        List<Future<Trace>> futures = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PlanState plan = plans.get(i);
            Task task = questions.get(groups.get(i));
            Trace before = previous == null ? Trace.empty() : previous.get(i);
            boolean secondRound = previous != null;
            futures.add(threads.submit(() -> {
                if (!secondRound) {
                    return executor.run(PlanWorkflows.of(plan.firstRound(), workers, roles), task, pool, budget);
                }
                if (plan.accepted() || plan.secondRound().isEmpty()) {
                    return before;
                }
                return executor.run(PlanWorkflows.of(plan.secondRound(), workers, roles), task, pool,
                        budget, before);
            }));
        }
        List<Trace> traces = new ArrayList<>();
        try {
            for (Future<Trace> future : futures) {
                traces.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rollout failed: " + e.getCause(), e.getCause());
        }
        return traces;
    }
}
