package dev.baton.providers;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx reply, as LangChain4j's {@link HttpException} (so its mapper still sees the status) plus what
 * that exception drops: how long the provider asked us to wait.
 */
final class ProviderHttpException extends HttpException {

    private final String body;
    private final transient Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.body = body;
        this.retryAfter = retryAfter.orElse(null);
    }

    /** Returns the response body, usually the provider's error JSON. */
    String body() {
        return body;
    }

    /** Returns the wait a {@code Retry-After} header asked for, if there was a readable one. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
