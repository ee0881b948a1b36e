package dev.baton.eval;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.CascadeConductor;
import dev.baton.conduct.baseline.MoaConductor;
import dev.baton.conduct.baseline.RandomConductor;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.conduct.baseline.VoteConductor;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The most calls an evaluation on a live pool can make and the most they can cost, said before the first one: for
 * each conductor, the most calls it makes on one question times the questions, each call priced with its reply at its
 * worker's output limit and its prompt at the question, {@value #INSTRUCTION_TOKENS} tokens of instructions and every
 * earlier reply of the question at its limit. A reply already in the response cache costs nothing, so the real spend
 * is at most this.
 *
 * @param calls        the most calls, every conductor and question together
 * @param worstCaseUsd what they cost at most
 */
public record CallEstimate(long calls, double worstCaseUsd) {

    /** Tokens allowed per prompt for what a step adds around the question (role, subtask, a planner's instructions). */
    static final int INSTRUCTION_TOKENS = 1_024;

    /** The most calls of one question a conductor of unknown shape makes: every round full, each planned in two calls. */
    static final int UNKNOWN_SHAPE_CALLS = Orchestrator.DEFAULT_MAX_ROUNDS * Workflow.MAX_STEPS
            + (Orchestrator.DEFAULT_MAX_ROUNDS + 1) * 2;

    /**
     * Bounds the calls of {@code conductors} on {@code tasks}.
     *
     * @param workers     the workers the conductors may ask (the evaluation's view)
     * @param pool        where each worker's price is read
     * @param outputLimit a worker's most output tokens per call
     */
    public static CallEstimate of(List<Conductor> conductors, List<Task> tasks, List<String> workers, Pool pool,
                                  ToIntFunction<String> outputLimit) {
        long calls = 0;
        double usd = 0;
        int longestReply = pool.ids().stream().mapToInt(outputLimit).max().orElse(0);
        for (Conductor conductor : conductors) {
            Reach reach = Reach.of(conductor, workers, pool.ids());
            calls += (long) reach.callsPerTask() * tasks.size();
            for (Task task : tasks) {
                long prompt = (task.question().length() + 3) / 4 + INSTRUCTION_TOKENS
                        + (long) (reach.callsPerTask() - 1) * longestReply;
                usd += reach.worstCaseUsd(prompt, pool, outputLimit);
            }
        }
        return new CallEstimate(calls, usd);
    }

    /**
     * Bounds the reviews of a recording ({@code baton record --reviews}): every worker reviews every task once, its prompt
     * holding the question, the instructions and {@code peers} peers' replies at their limit, its reply at its own.
     */
    public static CallEstimate reviews(List<Task> tasks, Pool pool, int peers, ToIntFunction<String> outputLimit) {
        if (peers <= 0) {
            return new CallEstimate(0, 0);
        }
        int longestReply = pool.ids().stream().mapToInt(outputLimit).max().orElse(0);
        double usd = 0;
        for (Task task : tasks) {
            long prompt = (task.question().length() + 3) / 4 + INSTRUCTION_TOKENS + (long) Math.min(peers, pool.size() - 1) * longestReply;
            for (String worker : pool.ids()) {
                usd += pool.get(worker).card().price().cost(prompt, outputLimit.applyAsInt(worker));
            }
        }
        return new CallEstimate((long) tasks.size() * pool.size(), usd);
    }

    /** Returns the bound of both estimates' calls together. */
    public CallEstimate plus(CallEstimate other) {
        return new CallEstimate(calls + other.calls, worstCaseUsd + other.worstCaseUsd);
    }

    /** Returns a one-line account: {@code at most 40 calls, at most $0.0123 (...)}. */
    public String describe() {
        return String.format(Locale.ROOT, "at most %,d calls, at most $%.4f (each reply at its worker's output limit; "
                + "replies already in the cache cost nothing)", calls, worstCaseUsd);
    }

    /**
     * Which workers a conductor may ask on one question and how many calls it makes at most.
     *
     * @param callsPerTask the most calls on one question
     * @param listed       the workers it asks, each once, when it names them; empty when any worker may be asked any
     *                     number of times (then every call is priced as the dearest of {@code anyOf})
     * @param anyOf        the workers it may ask when it does not name them
     */
    private record Reach(int callsPerTask, List<String> listed, List<String> anyOf) {

        static Reach of(Conductor conductor, List<String> view, List<String> pool) {
            return switch (conductor) {
                case SoloConductor solo -> named(List.of(solo.workerId()));
                case VoteConductor vote -> named(vote.voters());
                case CascadeConductor cascade -> named(cascade.workers());
                case MoaConductor moa -> {
                    List<String> asked = new ArrayList<>(moa.proposers());
                    asked.add(moa.aggregator());
                    yield named(asked);
                }
                case RandomConductor random -> new Reach(1, List.of(), view);
                case LearnedConductor learned -> new Reach(learned.policy().maxTotalCalls(), List.of(), view);
                // An LM conductor's own model may be any worker of the pool, not only of the view.
                default -> new Reach(UNKNOWN_SHAPE_CALLS, List.of(), pool);
            };
        }

        private static Reach named(List<String> workers) {
            return new Reach(workers.size(), workers, List.of());
        }

        double worstCaseUsd(long promptTokens, Pool pool, ToIntFunction<String> outputLimit) {
            if (!listed.isEmpty()) {
                return listed.stream().mapToDouble(id -> call(id, promptTokens, pool, outputLimit)).sum();
            }
            return callsPerTask * anyOf.stream().mapToDouble(id -> call(id, promptTokens, pool, outputLimit)).max().orElse(0);
        }

        private static double call(String worker, long promptTokens, Pool pool, ToIntFunction<String> outputLimit) {
            return pool.get(worker).card().price().cost(promptTokens, outputLimit.applyAsInt(worker));
        }
    }
}
