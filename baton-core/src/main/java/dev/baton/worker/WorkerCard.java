package dev.baton.worker;

import java.util.Objects;

/**
 * What a conductor and a report may know about a worker.
 *
 * @param id               unique within a pool, for example {@code gpt-4o-2024-08-06}
 * @param description      one line for people; conductors see workers only as ordinal numbers
 * @param price            list price used for cost accounting
 * @param maxContextTokens the largest prompt the worker accepts, 0 when unknown
 * @param model            what actually answers, independent of the id a pool gives it: for a live worker the
 *                         provider, endpoint and model name (for example {@code openai|https://api.openai.com/v1|gpt-4o}),
 *                         for a replay worker {@code replay|<benchmark>|<model>}. Two workers with the same model and
 *                         the same call options give interchangeable answers, which is what a response cache keys on.
 * @param defaultMaxOutputTokens the most tokens the worker lets a call generate when the call's options set no limit
 *                         (a pool file's {@code max_output_tokens}, else {@link #DEFAULT_MAX_OUTPUT_TOKENS})
 */
public record WorkerCard(String id, String description, Price price, int maxContextTokens, String model,
                         int defaultMaxOutputTokens) {

    /** The limit on output tokens of a worker that names none. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

    public WorkerCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(model, "model");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id must not be blank");
        }
        if (maxContextTokens < 0) {
            throw new IllegalArgumentException("maxContextTokens must not be negative");
        }
        if (defaultMaxOutputTokens < 1) {
            throw new IllegalArgumentException("defaultMaxOutputTokens must be positive: " + defaultMaxOutputTokens);
        }
    }

    /** Creates a card whose worker lets a call that sets no limit generate {@link #DEFAULT_MAX_OUTPUT_TOKENS}. */
    public WorkerCard(String id, String description, Price price, int maxContextTokens, String model) {
        this(id, description, price, maxContextTokens, model, DEFAULT_MAX_OUTPUT_TOKENS);
    }

    /** Creates a card whose model is known only by the worker's id ({@code worker|<id>}). */
    public WorkerCard(String id, String description, Price price, int maxContextTokens) {
        this(id, description, price, maxContextTokens, "worker|" + id);
    }

    public static WorkerCard of(String id, Price price) {
        return new WorkerCard(id, id, price, 0);
    }

    /** Returns this card with {@code tokens} as the limit of a call that sets none. */
    public WorkerCard withDefaultMaxOutputTokens(int tokens) {
        return new WorkerCard(id, description, price, maxContextTokens, model, tokens);
    }

    /**
     * Returns the most output tokens a call with {@code options} may generate: the call's own limit, else this
     * worker's default. The one place that decides it: a live worker sends this limit with every call, and budgets
     * reserve its cost before the call starts, so what is reserved is what the provider may bill.
     */
    public int maxOutputTokens(CallOptions options) {
        return options.maxOutputTokens().orElse(defaultMaxOutputTokens);
    }
}
