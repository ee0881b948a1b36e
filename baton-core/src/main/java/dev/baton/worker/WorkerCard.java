package dev.baton.worker;

import java.util.Objects;

/**
 * What a conductor and a report may know about a worker.
 *
 * @param id               unique within a pool, for example {@code gpt-4o-2024-08-06}
 * @param description      one line for people; conductors see workers only as ordinal numbers
 * @param price            list price used for cost accounting
 * @param maxContextTokens the largest prompt the worker accepts, 0 when unknown
 */
public record WorkerCard(String id, String description, Price price, int maxContextTokens) {

    public WorkerCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id must not be blank");
        }
        if (maxContextTokens < 0) {
            throw new IllegalArgumentException("maxContextTokens must not be negative");
        }
    }

    public static WorkerCard of(String id, Price price) {
        return new WorkerCard(id, id, price, 0);
    }
}
