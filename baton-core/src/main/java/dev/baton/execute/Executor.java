package dev.baton.execute;

import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import dev.baton.worker.Worker;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs workflows against a pool and records everything in a {@link Trace}.
 *
 * <p>A step starts as soon as the steps it sees have finished, so independent steps run concurrently;
 * the result is the same as the paper's one-after-another run, only sooner. Each step's call passes
 * through a chain of {@link Interceptor}s that records it, checks it against the {@link Budget}, retries
 * transient failures and enforces the deadline. A failing worker never throws out of {@link #run}: its step
 * is recorded as failed, steps that see it go on without its reply, and the run's answer is the last
 * successful reply. Workers are told which task they serve, never its gold answer.
 *
 * <p>The chain, outermost first: the trace recorder, the {@linkplain Builder#addInterceptor added} interceptors,
 * the {@linkplain Builder#cache cache}, the budget, {@linkplain Builder#retry(Interceptor) retry}, the
 * {@linkplain Builder#perAttempt per-attempt} links, the deadline, and the worker.
 *
 * <pre>{@code
 * Executor executor = Executor.builder().retry(RetryPolicy.standard()).build();
 * Trace trace = executor.run(workflow, task, pool, Budget.unlimited());
 * trace.finalText().ifPresent(System.out::println);
 * }</pre>
 */
public final class Executor {

    /** The role id of planning calls in a trace. */
    public static final String CONDUCTOR_ROLE = "conductor";

    private final ExecutorService threads;
    private final CallOptions options;
    private final WorkerCalls calls;

    private Executor(Builder builder) {
        this.threads = builder.threads;
        this.options = builder.options;
        this.calls = new WorkerCalls(builder.interceptors, builder.cache, builder.retry, builder.perAttempt, builder.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs a workflow as the whole of a question's answer: one round, under a budget of its own. */
    public Trace run(Workflow workflow, Task task, Pool pool, Budget budget) {
        return run(workflow, task, pool, BudgetMeter.start(budget), Trace.empty());
    }

    /**
     * Runs a workflow as the next round after {@code previous}: its {@code All} steps also see every answered step
     * of earlier rounds. Its calls are charged to {@code meter}, the question's one account, which has counted every
     * earlier round and planning call, so the call limit, the money and the deadline hold for the question as a whole.
     *
     * @return {@code previous} followed by this round's records
     */
    public Trace run(Workflow workflow, Task task, Pool pool, BudgetMeter meter, Trace previous) {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(meter, "meter");
        for (Step step : workflow.steps()) {
            pool.get(step.workerId()); // fail fast on an unknown worker: a planning bug, not a worker failure
        }
        return previous.plus(new RoundRun(workflow, task, pool, previous, meter).run());
    }

    /**
     * Makes one call outside any workflow — a conductor asking its model for the next round's plan — through the
     * same chain as every step (recording, budget, retry, deadline and whatever was added), charged to the same
     * account as the question's steps. Never throws for a failed call: the record says how it ended.
     *
     * @param worker   the model the conductor asks
     * @param purpose  what the call is for, kept as the record's subtask (for example "write the workflow")
     * @param messages the conversation, ending with a user turn
     * @param meter    the question's account
     * @param previous everything the question has run so far, earlier planning calls included
     * @return the call's record, a planning call of the round after {@code previous}'s steps
     */
    public CallRecord plan(Worker worker, String purpose, List<ChatMessage> messages, Task task, BudgetMeter meter,
                           Trace previous) {
        int round = previous.rounds();
        int index = (int) previous.planning().stream().filter(c -> c.round() == round).count();
        CallRequest request = new CallRequest(TaskRef.of(task), messages, options);
        return calls.call(worker, new CallSite(round, index, purpose, Optional.of(CONDUCTOR_ROLE)), request,
                Objects.requireNonNull(meter, "meter"));
    }

    /**
     * Makes one step's call as a workflow makes it when the steps it sees have already answered as {@code seen}: the
     * step gets exactly the messages a round would send it (see the class doc), through the same chain as every step,
     * recorded as step {@code seen.size()} of the first round. So a call made here (recording how a worker answers
     * when it sees others) is the call a workflow with that step would make. Never throws for a failed call.
     *
     * @param seen the records of the steps it sees, in step order; those without a reply are left out, as in a round
     */
    public CallRecord step(Step step, List<CallRecord> seen, Task task, Pool pool, Budget budget) {
        CallRequest request = new CallRequest(TaskRef.of(task), StepMessages.build(task, step.subtask(), seen), options);
        return calls.call(pool.get(step.workerId()), new CallSite(0, seen.size(), step.subtask(), step.role()), request,
                BudgetMeter.start(budget));
    }

    /**
     * Makes one call with a conversation given as is — a gateway handing a client's messages to one worker — through
     * the same chain as every step, recorded as step 0 of the first round. Never throws for a failed call.
     *
     * @param purpose  kept as the record's subtask (for example "gateway")
     * @param messages the conversation, ending with a user turn, sent unchanged
     * @return a trace of that one call
     */
    public Trace call(Worker worker, String purpose, List<ChatMessage> messages, Task task, Budget budget) {
        CallRequest request = new CallRequest(TaskRef.of(task), messages, options);
        return Trace.empty().plus(List.of(calls.call(worker, new CallSite(0, 0, purpose), request,
                BudgetMeter.start(budget))));
    }

    /** State of one round while it runs. */
    private final class RoundRun {
        private final Workflow workflow;
        private final Task task;
        private final TaskRef taskRef;
        private final Pool pool;
        private final Trace previous;
        private final BudgetMeter meter;
        private final int roundIndex;

        RoundRun(Workflow workflow, Task task, Pool pool, Trace previous, BudgetMeter meter) {
            this.workflow = workflow;
            this.task = task;
            this.taskRef = TaskRef.of(task);
            this.pool = pool;
            this.previous = previous;
            this.meter = meter;
            this.roundIndex = previous.rounds();
        }

        List<CallRecord> run() {
            List<CompletableFuture<CallRecord>> futures = new ArrayList<>();
            int last = workflow.size() - 1;
            for (int i = 0; i < last; i++) {
                int index = i;
                List<CompletableFuture<CallRecord>> seen = seenBy(i, futures);
                CompletableFuture<CallRecord> future = seen.isEmpty()
                        ? CompletableFuture.supplyAsync(() -> runStep(index, List.of()), threads)
                        : CompletableFuture.allOf(seen.toArray(CompletableFuture[]::new))
                                .thenApplyAsync(ignored -> runStep(index, joined(seen)), threads);
                futures.add(future);
            }
            // This thread would only wait for the last step, so it runs it: a one-step workflow, the most common one,
            // then costs no thread hand-off, each of which adds a wake-up to the call's latency.
            CallRecord lastRecord = runStep(last, joined(seenBy(last, futures)));
            List<CallRecord> records = new ArrayList<>(joined(futures));
            records.add(lastRecord);
            return List.copyOf(records);
        }

        private List<CompletableFuture<CallRecord>> seenBy(int index, List<CompletableFuture<CallRecord>> started) {
            return workflow.step(index).access().visibleFrom(index).stream().map(started::get).toList();
        }

        private static List<CallRecord> joined(List<CompletableFuture<CallRecord>> futures) {
            return futures.stream().map(CompletableFuture::join).toList();
        }

        private CallRecord runStep(int index, List<CallRecord> seenThisRound) {
            Step step = workflow.step(index);
            List<CallRecord> visible = new ArrayList<>();
            if (step.access() instanceof Access.All) {
                previous.calls().stream().filter(c -> c.reply().isPresent()).forEach(visible::add);
            }
            visible.addAll(seenThisRound);
            CallRequest request = new CallRequest(taskRef, StepMessages.build(task, step.subtask(), visible), options);
            return calls.call(pool.get(step.workerId()), new CallSite(roundIndex, index, step.subtask(), step.role()), request, meter);
        }
    }

    /** Configures an {@link Executor}; every setting has a default. */
    public static final class Builder {
        private ExecutorService threads = SharedThreads.VIRTUAL;
        private Interceptor retry = new RetryInterceptor(RetryPolicy.standard());
        private CallOptions options = CallOptions.defaults();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private Optional<Interceptor> cache = Optional.empty();
        private List<Interceptor> perAttempt = List.of();

        private Builder() {
        }

        /** Threads that run steps and calls; virtual threads by default. */
        public Builder threads(ExecutorService value) {
            this.threads = Objects.requireNonNull(value, "threads");
            return this;
        }

        /**
         * How transient failures are retried by the built-in retry link; {@link RetryPolicy#standard()} by default.
         * Replaces an interceptor set with {@link #retry(Interceptor)}.
         */
        public Builder retry(RetryPolicy value) {
            this.retry = new RetryInterceptor(Objects.requireNonNull(value, "retry"));
            return this;
        }

        /**
         * Replaces the built-in retry link with {@code value}, which sits inside the budget and outside the
         * {@linkplain #perAttempt per-attempt} links and the deadline: each {@link Interceptor.Chain#proceed} it
         * makes is one attempt, which gets at most the time left in the run. It should count the attempts it
         * made in its result and never wait past {@link BudgetState#timeLeft()}. Replaces a {@link RetryPolicy}
         * set before; {@code retry(RetryPolicy.none())} restores a link that tries once.
         */
        public Builder retry(Interceptor value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /**
         * Sets the response cache link: it sits before the budget, so a call it answers without proceeding
         * spends neither a call nor money, and after the added interceptors, which see cached answers too.
         * None by default.
         */
        public Builder cache(Interceptor value) {
            this.cache = Optional.of(Objects.requireNonNull(value, "cache"));
            return this;
        }

        /**
         * Sets the links every attempt passes through, outermost first, replacing any set before: inside retry
         * (a step retried three times passes them three times) and outside the deadline, so a circuit breaker,
         * a concurrency limit or metrics here see each attempt and its timeout. None by default.
         */
        public Builder perAttempt(Interceptor... values) {
            List<Interceptor> links = new ArrayList<>();
            for (Interceptor value : values) {
                links.add(Objects.requireNonNull(value, "perAttempt interceptor"));
            }
            this.perAttempt = List.copyOf(links);
            return this;
        }

        /**
         * Generation settings sent with every call. {@link CallOptions#maxOutputTokens()} also bounds the
         * worst-case cost a limited budget reserves per call; unset, each worker's own limit applies
         * ({@link dev.baton.worker.WorkerCard#maxOutputTokens}).
         */
        public Builder options(CallOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Adds an interceptor that every call passes through, after those added before it. Added interceptors
         * run outside the executor's budget, retry and deadline, so they see each step's call once; only the
         * trace recorder is outside them, so a call they answer themselves is still recorded.
         */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
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
