package dev.baton.eval;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.grade.Graders;
import dev.baton.grade.Outcome;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a conductor over a list of tasks and sums up how it did.
 *
 * <p>Tasks run concurrently on a small fixed set of threads (offline pools are CPU-bound); each task's
 * own steps run concurrently inside the executor.
 *
 * <p>A task's cost is what its calls cost at the workers' prices, whether they were paid now or answered from a
 * response cache (a cached reply is free to this run, not to the conductor that made it), so a rerun prints the same
 * figures.
 */
public final class EvalRunner {

    private final Orchestrator orchestrator;
    private final int parallelism;
    private final ProgressListener progress;
    private final boolean live;

    /**
     * @param orchestrator the round loop, with the executor every call goes through
     * @param parallelism  tasks run at once
     * @param progress     hears after every task
     * @param live         whether the pool calls live models: then a call that failed after every retry, or that a
     *                     spending cap left out, is counted ({@link TaskResult#failedCalls()}); on an offline pool a
     *                     failed call is a question its recording lacks, which the benchmark scores as wrong
     */
    public EvalRunner(Orchestrator orchestrator, int parallelism, ProgressListener progress, boolean live) {
        this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.live = live;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
    }

    /** Evaluates one conductor on {@code tasks} with the workers of {@code view}, in task order. */
    public List<TaskResult> run(Conductor conductor, List<Task> tasks, PoolView view) {
        return run(conductor, tasks, view, TraceListener.NONE);
    }

    /** Evaluates one conductor on {@code tasks}, in task order, handing each answered task's trace to {@code traces}. */
    public List<TaskResult> run(Conductor conductor, List<Task> tasks, PoolView view, TraceListener traces) {
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(parallelism)) {
            List<Future<TaskResult>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(threads.submit(() -> {
                    TaskResult result = runOne(conductor, task, view, traces);
                    progress.advanced(conductor.name(), done.incrementAndGet(), tasks.size());
                    return result;
                }));
            }
            List<TaskResult> results = new ArrayList<>();
            for (Future<TaskResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private TaskResult runOne(Conductor conductor, Task task, PoolView view, TraceListener traces) {
        Orchestrator.Result result = orchestrator.answer(conductor, task, view);
        traces.answered(conductor.name(), task, result);
        Outcome outcome = result.answer()
                .map(text -> Graders.forType(task.answerType()).grade(text, task))
                .orElse(Outcome.none());
        Map<String, Integer> workerCalls = new TreeMap<>();
        for (CallRecord call : result.trace().calls()) {
            if (call.called()) {
                workerCalls.merge(call.workerId(), 1, Integer::sum);
            }
        }
        int failed = live ? (int) everyCall(result.trace()).filter(call -> !(call.result() instanceof CallResult.Answered)).count() : 0;
        return new TaskResult(task.id(), outcome.answer(), outcome.correct(), result.trace().callCount(),
                listCostUsd(result.trace()), result.trace().totalTokens(), workerCalls, failed);
    }

    /**
     * Returns what the trace's calls cost at list price: a cached reply, free to this run, is priced from its tokens as
     * the worker would have charged. Summed in the trace's own order and way, so an uncached trace gives
     * {@link Trace#costUsd()} to the bit.
     */
    private double listCostUsd(Trace trace) {
        return everyCall(trace).flatMap(call -> switch (call.result()) {
            case CallResult.Answered answered when answered.cached() -> Stream.of(orchestrator.pool().find(call.workerId())
                    .map(worker -> worker.card().price().cost(answered.reply().inputTokens(), answered.reply().outputTokens()))
                    .orElse(answered.reply().costUsd()));
            case CallResult.Answered answered -> Stream.of(answered.reply().costUsd());
            case CallResult.Failed failed -> Stream.<Double>empty();
            case CallResult.Skipped skipped -> Stream.<Double>empty();
        }).mapToDouble(Double::doubleValue).sum();
    }

    private static Stream<CallRecord> everyCall(Trace trace) {
        return Stream.concat(trace.calls().stream(), trace.planning().stream());
    }

    /** Sums up per-task results into a table row, with a bootstrap interval seeded by the conductor name. */
    public static EvalRow summarize(String conductor, List<TaskResult> results) {
        int n = results.size();
        boolean[] correct = new boolean[n];
        double calls = 0;
        double cost = 0;
        double tokens = 0;
        Map<String, Integer> workerCalls = new TreeMap<>();
        int failed = 0;
        for (int i = 0; i < n; i++) {
            TaskResult result = results.get(i);
            correct[i] = result.correct();
            calls += result.calls();
            cost += result.costUsd();
            tokens += result.tokens();
            failed += result.failedCalls() > 0 ? 1 : 0;
            result.workerCalls().forEach((worker, count) -> workerCalls.merge(worker, count, Integer::sum));
        }
        long hits = results.stream().filter(TaskResult::correct).count();
        double[] ci = Bootstrap.interval95(correct, conductor.hashCode());
        Map<String, Integer> byUse = new LinkedHashMap<>();
        workerCalls.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> byUse.put(e.getKey(), e.getValue()));
        int divisor = Math.max(1, n);
        return new EvalRow(conductor, n == 0 ? 0 : 100.0 * hits / n, ci[0], ci[1], calls / divisor, cost / divisor,
                tokens / divisor, n, byUse, failed);
    }
}
