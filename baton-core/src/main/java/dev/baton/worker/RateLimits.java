package dev.baton.worker;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much one worker's provider account takes per minute, as a pool file's {@code rpm} and {@code tpm} say. An absent
 * limit is no limit. The call chain keeps to them (a live pool's rate limiter link), not the worker.
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.NONE.withRequestsPerMinute(500).withTokensPerMinute(200_000);
 * }</pre>
 *
 * @param requestsPerMinute calls that may start in one minute, at least 1 when present
 * @param tokensPerMinute   prompt and reply tokens calls may use in one minute, at least 1 when present; a call counts
 *                          its worst case before it starts: its prompt's estimated tokens plus its output limit
 */
public record RateLimits(OptionalInt requestsPerMinute, OptionalInt tokensPerMinute) {

    /** No limit on either. */
    public static final RateLimits NONE = new RateLimits(OptionalInt.empty(), OptionalInt.empty());

    public RateLimits {
        Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
        Objects.requireNonNull(tokensPerMinute, "tokensPerMinute");
        if (requestsPerMinute.orElse(1) < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1: " + requestsPerMinute.getAsInt());
        }
        if (tokensPerMinute.orElse(1) < 1) {
            throw new IllegalArgumentException("tokensPerMinute must be at least 1: " + tokensPerMinute.getAsInt());
        }
    }

    public RateLimits withRequestsPerMinute(int limit) {
        return new RateLimits(OptionalInt.of(limit), tokensPerMinute);
    }

    public RateLimits withTokensPerMinute(int limit) {
        return new RateLimits(requestsPerMinute, OptionalInt.of(limit));
    }

    /** Returns whether neither limit is set. */
    public boolean isNone() {
        return requestsPerMinute.isEmpty() && tokensPerMinute.isEmpty();
    }
}
