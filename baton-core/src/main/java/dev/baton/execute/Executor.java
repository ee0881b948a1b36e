package dev.baton.execute;

import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import dev.baton.worker.Reply;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerException;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs workflows against a pool and records everything in a {@link Trace}.
 *
 * <p>A step starts as soon as the steps it sees have finished, so independent steps run concurrently;
 * the result is the same as the paper's one-after-another run, only sooner. Every call is checked against
 * the {@link Budget} first. A failing worker never throws out of {@link #run}: its step is recorded as
 * failed, steps that see it go on without its reply, and the run's answer is the last successful reply.
 *
 * <pre>{@code
 * Executor executor = Executor.builder().retry(RetryPolicy.standard()).build();
 * Trace trace = executor.run(workflow, task, pool, Budget.unlimited());
 * trace.finalText().ifPresent(System.out::println);
 * }</pre>
 */
public final class Executor {

    private final ExecutorService threads;
    private final RetryPolicy retry;
    private final CallOptions options;

    private Executor(Builder builder) {
        this.threads = builder.threads;
        this.retry = builder.retry;
        this.options = builder.options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs a workflow as the first round. */
    public Trace run(Workflow workflow, Task task, Pool pool, Budget budget) {
        return run(workflow, task, pool, budget, Trace.empty());
    }

    /**
     * Runs a workflow as the next round after {@code previous}: its {@code All} steps also see every
     * answered step of earlier rounds, and the budget counts what earlier rounds spent.
     *
     * @return {@code previous} followed by this round's records
     */
    public Trace run(Workflow workflow, Task task, Pool pool, Budget budget, Trace previous) {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(task, "task");
        for (Step step : workflow.steps()) {
            pool.get(step.workerId()); // fail fast on an unknown worker: a planning bug, not a worker failure
        }
        RoundRun round = new RoundRun(workflow, task, pool, previous,
                new BudgetMeter(budget, previous.callCount(), previous.costUsd()));
        return previous.plus(round.run());
    }

    /** State of one round while it runs. */
    private final class RoundRun {
        private final Workflow workflow;
        private final Task task;
        private final Pool pool;
        private final Trace previous;
        private final BudgetMeter meter;
        private final int roundIndex;

        RoundRun(Workflow workflow, Task task, Pool pool, Trace previous, BudgetMeter meter) {
            this.workflow = workflow;
            this.task = task;
            this.pool = pool;
            this.previous = previous;
            this.meter = meter;
            this.roundIndex = previous.rounds();
        }

        List<CallRecord> run() {
            List<CompletableFuture<CallRecord>> futures = new ArrayList<>();
            for (int i = 0; i < workflow.size(); i++) {
                int index = i;
                List<CompletableFuture<CallRecord>> seen = workflow.step(i).access().visibleFrom(i).stream()
                        .map(futures::get).toList();
                CompletableFuture<CallRecord> future = seen.isEmpty()
                        ? CompletableFuture.supplyAsync(() -> runStep(index, List.of()), threads)
                        : CompletableFuture.allOf(seen.toArray(CompletableFuture[]::new))
                                .thenApplyAsync(ignored -> runStep(index, seen.stream().map(CompletableFuture::join).toList()), threads);
                futures.add(future);
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }

        private CallRecord runStep(int index, List<CallRecord> seenThisRound) {
            Step step = workflow.step(index);
            List<CallRecord> visible = new ArrayList<>();
            if (step.access() instanceof Access.All) {
                previous.calls().stream().filter(c -> c.reply().isPresent()).forEach(visible::add);
            }
            visible.addAll(seenThisRound);
            List<ChatMessage> messages = StepMessages.build(task, step.subtask(), visible);
            Duration startedAt = meter.elapsed();
            CallResult result = meter.reserveCall()
                    .<CallResult>map(CallResult.Skipped::new)
                    .orElseGet(() -> callWithRetry(pool.get(step.workerId()), new CallRequest(TaskRef.of(task), messages, options)));
            if (result instanceof CallResult.Answered answered) {
                meter.spend(answered.reply().costUsd());
            }
            return new CallRecord(roundIndex, index, step.workerId(), step.subtask(), messages, startedAt, result);
        }

        private CallResult callWithRetry(Worker worker, CallRequest request) {
            String error = "";
            boolean retriable = false;
            int attempt = 1;
            for (; attempt <= retry.maxAttempts(); attempt++) {
                if (attempt > 1 && !sleep(retry.backoffBefore(attempt))) {
                    break;
                }
                try {
                    return new CallResult.Answered(callBeforeDeadline(worker, request), attempt);
                } catch (WorkerException e) {
                    error = e.getMessage();
                    retriable = e.retriable();
                    if (!retriable) {
                        return new CallResult.Failed(error, false, attempt);
                    }
                } catch (RuntimeException e) {
                    // A bug in a worker must not take down the run: record it like a permanent failure.
                    return new CallResult.Failed(worker.id() + " threw " + e, false, attempt);
                }
            }
            return new CallResult.Failed(error, retriable, Math.min(attempt, retry.maxAttempts()));
        }

        private Reply callBeforeDeadline(Worker worker, CallRequest request) throws WorkerException {
            Duration left = meter.remaining();
            if (left.isZero()) {
                throw new WorkerException.Transient(worker.id(), "deadline passed before the call");
            }
            Future<Reply> call = threads.submit(() -> worker.call(request));
            try {
                return call.get(left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                call.cancel(true);
                throw new WorkerException.Transient(worker.id(), "no reply before the run's deadline", e);
            } catch (InterruptedException e) {
                call.cancel(true);
                Thread.currentThread().interrupt();
                throw new WorkerException.Transient(worker.id(), "interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WorkerException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof RuntimeException bug) {
                    throw bug;
                }
                throw new WorkerException.Permanent(worker.id(), String.valueOf(e.getCause()), e.getCause());
            }
        }

        /** Waits before a retry unless that would pass the deadline; returns whether it waited. */
        private boolean sleep(Duration wait) {
            if (wait.compareTo(meter.remaining()) >= 0) {
                return false;
            }
            try {
                Thread.sleep(wait);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Configures an {@link Executor}; every setting has a default. */
    public static final class Builder {
        private ExecutorService threads = SharedThreads.VIRTUAL;
        private RetryPolicy retry = RetryPolicy.standard();
        private CallOptions options = CallOptions.defaults();

        private Builder() {
        }

        /** Threads that run steps and calls; virtual threads by default. */
        public Builder threads(ExecutorService value) {
            this.threads = Objects.requireNonNull(value, "threads");
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** Generation settings sent with every call. */
        public Builder options(CallOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        public Executor build() {
            return new Executor(this);
        }
    }

    /** One process-wide virtual-thread executor: cheap, and never needs closing. */
    private static final class SharedThreads {
        static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();
    }

}
