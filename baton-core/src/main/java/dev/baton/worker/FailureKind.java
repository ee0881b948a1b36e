package dev.baton.worker;

/**
 * What went wrong in a failed worker call, as the trace shows it and as retry and circuit breaking read it.
 * Each kind has a default retriability; a {@link WorkerException} says the final word.
 */
public enum FailureKind {
    /** The provider refused the call for now (HTTP 429); it may say when to come back. */
    RATE_LIMITED(true),
    /** No reply in time. */
    TIMEOUT(true),
    /** The provider failed on its side (HTTP 5xx, overloaded). */
    SERVER_ERROR(true),
    /** The connection failed or broke off. */
    NETWORK(true),
    /** The worker is not answering at the moment: its circuit is open, or it has no recording for the task. */
    UNAVAILABLE(true),
    /** The reply could not be read: truncated or malformed JSON, an empty body. */
    MALFORMED_REPLY(true),
    /** The credentials were missing or refused (HTTP 401/403). */
    AUTHENTICATION(false),
    /** The request was rejected as invalid (HTTP 400, 413, 422). */
    INVALID_REQUEST(false),
    /** The model or endpoint does not exist (HTTP 404). */
    NOT_FOUND(false),
    /** The worker or an interceptor threw something it should not have: a bug. */
    BUG(false),
    /** Anything else. */
    OTHER(false);

    private final boolean retriableByDefault;

    FailureKind(boolean retriableByDefault) {
        this.retriableByDefault = retriableByDefault;
    }

    /** Returns whether a failure of this kind usually passes, so trying again may help. */
    public boolean retriableByDefault() {
        return retriableByDefault;
    }
}
