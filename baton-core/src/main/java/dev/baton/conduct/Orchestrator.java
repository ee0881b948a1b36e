package dev.baton.conduct;

import dev.baton.execute.Budget;
import dev.baton.execute.BudgetMeter;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The one round loop: a conductor run plans a round, the executor runs it, the run sees the trace and plans the
 * next round or accepts, until it accepts or the round limit is reached. Every use drives this loop: evaluation
 * (one task at a time), training rollouts (a batch of runs in lock-step, planned together by the policy), and
 * answering a user's question. What differs between them is a parameter here, never a second loop: the budget,
 * the round limit, the {@link RoundPlanner}, and the threads a batch's rounds run on.
 *
 * <p>It is the one owner of each question's budget: {@link #attempt} opens the question's {@link BudgetMeter}, and
 * every call of the question — the conductor's planning calls (through the {@link PlanningCalls} its run is given) and
 * the steps of every round — is charged to that one meter. So {@code budget}'s calls, money and deadline bound the
 * question as a whole, from its first planning call to its last step.
 *
 * <pre>{@code
 * Orchestrator orchestrator = new Orchestrator(executor, pool, Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS);
 * Orchestrator.Result result = orchestrator.answer(conductor, task, pool.view());
 * }</pre>
 *
 * @param executor  runs each round's workflow
 * @param pool      the workers
 * @param budget    limits for one task's answer, all rounds and planning calls together
 * @param maxRounds most rounds, at least 1
 */
public record Orchestrator(Executor executor, Pool pool, Budget budget, int maxRounds) {

    /**
     * The round limit evaluations use: a safety cap, not a policy. Conductors decide when to accept; the learned
     * conductor's own cap (at most this) is part of its checkpoint.
     */
    public static final int DEFAULT_MAX_ROUNDS = 5;

    public Orchestrator {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(budget, "budget");
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1: " + maxRounds);
        }
    }

    /**
     * The outcome of answering one task.
     *
     * @param trace  every call of every round
     * @param answer the reply text that answers the task, empty when no worker answered
     */
    public record Result(Trace trace, Optional<String> answer) {
        public Result {
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * One task, the conductor run answering it, and the account its calls are charged to. Made by {@link #attempt}.
     *
     * @param task  the question
     * @param run   the run that plans its rounds
     * @param meter the question's one account: every round and planning call of it is charged here
     */
    public record Attempt(Task task, ConductorRun run, BudgetMeter meter) {
        public Attempt {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(meter, "meter");
        }
    }

    /**
     * Starts answering one task: opens its account under {@link #budget()} (its deadline counts from now) and starts
     * the conductor's run, whose planning calls go through {@link #executor()} and are charged to that account.
     */
    public Attempt attempt(Conductor conductor, Task task, PoolView view) {
        BudgetMeter meter = BudgetMeter.start(budget);
        PlanningCalls planning = (model, purpose, messages, previous) ->
                executor.plan(model, purpose, messages, task, meter, previous);
        return new Attempt(task, conductor.start(task, view, planning), meter);
    }

    /**
     * Starts answering one task with a run started elsewhere that makes no calls of its own (a policy rollout, planned
     * in a batch): opens its account under {@link #budget()}.
     */
    public Attempt attempt(Task task, ConductorRun run) {
        return new Attempt(task, run, BudgetMeter.start(budget));
    }

    /** Answers one task with the workers of {@code view}: starts the conductor's run and drives it. */
    public Result answer(Conductor conductor, Task task, PoolView view) {
        return answer(attempt(conductor, task, view));
    }

    /** Drives one run to its answer on the calling thread (its steps still run concurrently in the executor). */
    public Result answer(Attempt attempt) {
        return answerAll(List.of(attempt), RoundPlanner.oneByOne(), null).getFirst();
    }

    /**
     * Drives many runs in lock-step: each round, {@code planner} plans every run still going at once, then their
     * workflows run concurrently on {@code threads}. The results equal those of driving each run alone whenever
     * the planner's plans do not depend on batching.
     *
     * @param threads runs the rounds of different attempts concurrently; {@code null} runs them one after another
     *                on the calling thread
     * @return one result per attempt, in order
     * @throws IllegalStateException when a run accepts before anything ran: a bug in its conductor
     */
    public List<Result> answerAll(List<Attempt> attempts, RoundPlanner planner, ExecutorService threads) {
        List<Trace> traces = new ArrayList<>(Collections.nCopies(attempts.size(), Trace.empty()));
        List<Integer> going = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            going.add(i);
        }
        for (int round = 0; round < maxRounds && !going.isEmpty(); round++) {
            List<Plan> plans = planner.next(going.stream().map(i -> attempts.get(i).run()).toList(),
                    going.stream().map(traces::get).toList());
            if (plans.size() != going.size()) {
                throw new IllegalStateException("the planner returned " + plans.size() + " plans for " + going.size() + " runs");
            }
            List<Integer> running = new ArrayList<>();
            List<Plan.Run> workflows = new ArrayList<>();
            for (int k = 0; k < going.size(); k++) {
                int i = going.get(k);
                traces.set(i, traces.get(i).plusPlanning(plans.get(k).planning()));
                if (plans.get(k) instanceof Plan.Run run) {
                    running.add(going.get(k));
                    workflows.add(run);
                } else if (round == 0) {
                    throw new IllegalStateException("a conductor accepted task " + attempts.get(going.get(k)).task().id()
                            + " before anything ran");
                }
            }
            runRound(attempts, running, workflows, traces, threads);
            going = running;
        }
        List<Result> results = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            results.add(new Result(traces.get(i), attempts.get(i).run().finalAnswer(traces.get(i))));
        }
        return results;
    }

    /** Runs one round's workflows, appending to each attempt's trace. */
    private void runRound(List<Attempt> attempts, List<Integer> running, List<Plan.Run> workflows, List<Trace> traces,
                          ExecutorService threads) {
        if (threads == null || running.size() == 1) {
            for (int k = 0; k < running.size(); k++) {
                int i = running.get(k);
                Attempt attempt = attempts.get(i);
                traces.set(i, executor.run(workflows.get(k).workflow(), attempt.task(), pool, attempt.meter(), traces.get(i)));
            }
            return;
        }
        List<Future<Trace>> futures = new ArrayList<>(running.size());
        for (int k = 0; k < running.size(); k++) {
            int i = running.get(k);
            Plan.Run plan = workflows.get(k);
            Trace before = traces.get(i);
            Attempt attempt = attempts.get(i);
            futures.add(threads.submit(() -> executor.run(plan.workflow(), attempt.task(), pool, attempt.meter(), before)));
        }
        try {
            for (int k = 0; k < running.size(); k++) {
                traces.set(running.get(k), futures.get(k).get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a round", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a round failed: " + e.getCause(), e.getCause());
        }
    }
}
