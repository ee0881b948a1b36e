package dev.baton.client;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers questions with a pool of workers and a conductor: the library's front door.
 *
 * <pre>{@code
 * try (Baton baton = Baton.builder()
 *         .workers(List.of(gpt, claude, gemini))         // or .pool(pool)
 *         .conductor(pool -> new VoteConductor(pool.ids(), "vote"))
 *         .budget(Budget.unlimited().withMaxCalls(6))
 *         .build()) {
 *     Answer answer = baton.ask("What is 6 * 7?", AnswerType.NUMBER);
 *     System.out.println(answer.text().orElse("(no answer)") + " for $" + answer.costUsd());
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance answers many questions at once. Closing it closes what the builder was told it owns
 * (a learned conductor's network, a store).
 */
public final class Baton implements AutoCloseable {

    private final Pool pool;
    private final Conductor conductor;
    private final Orchestrator loop;
    private final List<AutoCloseable> owned;

    private Baton(Builder builder, Pool pool) {
        this.pool = pool;
        this.conductor = builder.conductor.apply(pool);
        this.loop = new Orchestrator(builder.executor, pool, builder.budget, builder.maxRounds);
        this.owned = List.copyOf(builder.owned);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Answers a question whose answer is free text. */
    public Answer ask(String question) {
        return ask(question, AnswerType.TEXT);
    }

    /**
     * Answers a question.
     *
     * @param answerType how answers are read and compared (a vote compares {@code 0.5} and {@code 1/2} as one number)
     */
    public Answer ask(String question, AnswerType answerType) {
        if (question == null || question.isBlank()) {
            throw new EmptyQuestionException();
        }
        return ask(Task.asked(question, answerType));
    }

    /** Answers a task (its gold answer, if any, is never shown to a worker). */
    public Answer ask(Task task) {
        long start = System.nanoTime();
        Orchestrator.Result result = loop.answer(conductor, task, pool.view());
        return new Answer(task.question(), result.answer(), conductor.name(), result.trace(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Returns the workers. */
    public Pool pool() {
        return pool;
    }

    /** Returns the conductor that plans. */
    public Conductor conductor() {
        return conductor;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable resource : owned.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Configures a {@link Baton}; a pool and a conductor are required, everything else has a default. */
    public static final class Builder {
        private Pool pool;
        private Function<Pool, Conductor> conductor;
        private Budget budget = Budget.unlimited();
        private Executor executor = Executor.builder().retry(RetryPolicy.standard()).build();
        private int maxRounds = Orchestrator.DEFAULT_MAX_ROUNDS;
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder() {
        }

        /** The workers, in the order conductors number them. */
        public Builder pool(Pool value) {
            this.pool = Objects.requireNonNull(value, "pool");
            return this;
        }

        /** The workers made in code, in the order conductors number them. */
        public Builder workers(List<? extends Worker> workers) {
            return pool(Pool.of(workers));
        }

        /** The conductor. */
        public Builder conductor(Conductor value) {
            Objects.requireNonNull(value, "conductor");
            this.conductor = pool -> value;
            return this;
        }

        /** A conductor made for the pool once it is known (most conductors name workers of the pool). */
        public Builder conductor(Function<Pool, Conductor> factory) {
            this.conductor = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Limits for one question, all rounds and planning calls together: calls, USD, wall time. Default: none. */
        public Builder budget(Budget value) {
            this.budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        /**
         * How calls are made: retry, interceptors (cache, circuit breaker, concurrency limits), generation options.
         * Default: three attempts with backoff on transient failures.
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Most rounds per question (a safety cap; conductors decide when to stop). Default 5. */
        public Builder maxRounds(int rounds) {
            if (rounds < 1) {
                throw new IllegalArgumentException("maxRounds must be at least 1: " + rounds);
            }
            this.maxRounds = rounds;
            return this;
        }

        /** Hands over a resource (a learned conductor, a store) for {@link Baton#close()} to close, last first. */
        public Builder owning(AutoCloseable resource) {
            owned.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Builds the facade.
         *
         * @throws IllegalStateException when the pool or the conductor is missing
         */
        public Baton build() {
            if (pool == null) {
                throw new IllegalStateException("a Baton needs a pool: call pool(...) or workers(...)");
            }
            if (conductor == null) {
                throw new IllegalStateException("a Baton needs a conductor: call conductor(...)");
            }
            return new Baton(this, pool);
        }
    }
}
