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
 */
public record WorkerCard(String id, String description, Price price, int maxContextTokens, String model) {

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
    }

    /** Creates a card whose model is known only by the worker's id ({@code worker|<id>}). */
    public WorkerCard(String id, String description, Price price, int maxContextTokens) {
        this(id, description, price, maxContextTokens, "worker|" + id);
    }

    public static WorkerCard of(String id, Price price) {
        return new WorkerCard(id, id, price, 0);
    }
}
