package dev.baton.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One answered request as a {@link TraceStore} keeps it: the summary a listing needs, and the whole trace as JSON.
 *
 * @param id        the id the client was given (the response's {@code id}, header {@code x-baton-trace-id})
 * @param created   when the request arrived
 * @param model     the model the client asked for: a conductor spec or a worker id
 * @param question  the question Baton answered
 * @param answer    the answer, empty when no worker answered
 * @param calls     worker calls made, planning calls included
 * @param costUsd   what every call cost
 * @param latency   wall time from question to answer
 * @param traceJson the answer and every call as {@code dev.baton.client.TraceJson} writes them
 */
public record StoredTrace(String id, Instant created, String model, String question, Optional<String> answer, int calls,
                          double costUsd, Duration latency, String traceJson) {

    public StoredTrace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(traceJson, "traceJson");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
        if (!(costUsd >= 0) || Double.isInfinite(costUsd)) {
            throw new IllegalArgumentException("costUsd must be a finite non-negative number: " + costUsd);
        }
    }
}
