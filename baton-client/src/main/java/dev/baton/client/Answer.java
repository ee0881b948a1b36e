package dev.baton.client;

import dev.baton.execute.Trace;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What Baton answered to one question, with everything it took: every call of every round in the trace.
 *
 * @param question  the question asked
 * @param text      the reply text that answers it (the last step's, or what a voting conductor picked); empty when
 *                  no worker answered
 * @param conductor the conductor that planned, as its spec names it
 * @param trace     every call, planning calls included: worker, messages, reply, tokens, cost, latency, failures
 * @param elapsed   wall time from question to answer
 */
public record Answer(String question, Optional<String> text, String conductor, Trace trace, Duration elapsed) {

    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(conductor, "conductor");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Returns the worker calls made, planning calls included. */
    public int calls() {
        return trace.callCount();
    }

    /** Returns what every call cost in USD, from the providers' usage fields and the pool's prices. */
    public double costUsd() {
        return trace.costUsd();
    }

    public long inputTokens() {
        return trace.inputTokens();
    }

    public long outputTokens() {
        return trace.outputTokens();
    }
}
