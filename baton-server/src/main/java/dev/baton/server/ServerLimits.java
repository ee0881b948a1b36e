package dev.baton.server;

import dev.baton.execute.Budget;
import java.time.Duration;
import java.util.Objects;

/**
 * What one request may ask of the server, and how many it serves at once. A request's own budget headers
 * ({@code x-baton-max-calls}, {@code x-baton-max-usd}, {@code x-baton-timeout-ms}) may lower the budget, never raise
 * it.
 *
 * @param maxBodyBytes  largest request body; a larger one is answered 413
 * @param maxMessages   most messages in one chat request; more is answered 400
 * @param maxConcurrent most chat requests answered at once; one more is answered 429 with {@code Retry-After}
 * @param budget        most calls (planning calls included), USD and wall time for one request, all rounds together;
 *                      its money limit must be finite
 * @param bodyTimeout   most wall time to receive a request's whole body, read before the request takes one of the
 *                      {@code maxConcurrent} slots; a slower body is answered 408, so slow senders cannot hold slots
 */
public record ServerLimits(long maxBodyBytes, int maxMessages, int maxConcurrent, Budget budget, Duration bodyTimeout) {

    /**
     * Requests answered at once by default. A live call takes seconds, and a request waiting on one holds a virtual
     * thread and its few kilobytes, not a core: the bound is there for memory and real overload, not for the CPU, so
     * modest traffic (dozens of clients in front of slow models) is answered rather than refused with 429.
     */
    public static final int DEFAULT_MAX_CONCURRENT = 1024;

    private static final ServerLimits DEFAULTS = new ServerLimits(1_000_000, 256, DEFAULT_MAX_CONCURRENT,
            new Budget(32, 1.0, Duration.ofMinutes(5)), Duration.ofSeconds(10));

    public ServerLimits {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1: " + maxBodyBytes);
        }
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1: " + maxMessages);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        // A server open to clients never runs a request without a money limit.
        Budget.requireUsd(budget.maxCostUsd(), "the server's most USD per request");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive: " + bodyTimeout);
        }
    }

    /**
     * Returns 1 MB bodies received within 10 s, 256 messages, {@value #DEFAULT_MAX_CONCURRENT} requests at once, and
     * 32 calls, $1 and 5 minutes per request.
     */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    public ServerLimits withMaxBodyBytes(long bytes) {
        return new ServerLimits(bytes, maxMessages, maxConcurrent, budget, bodyTimeout);
    }

    public ServerLimits withMaxMessages(int messages) {
        return new ServerLimits(maxBodyBytes, messages, maxConcurrent, budget, bodyTimeout);
    }

    public ServerLimits withMaxConcurrent(int requests) {
        return new ServerLimits(maxBodyBytes, maxMessages, requests, budget, bodyTimeout);
    }

    public ServerLimits withBudget(Budget value) {
        return new ServerLimits(maxBodyBytes, maxMessages, maxConcurrent, value, bodyTimeout);
    }

    public ServerLimits withBodyTimeout(Duration limit) {
        return new ServerLimits(maxBodyBytes, maxMessages, maxConcurrent, budget, limit);
    }
}
