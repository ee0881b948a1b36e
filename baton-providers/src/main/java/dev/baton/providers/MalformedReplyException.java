package dev.baton.providers;

/** Thrown inside a call when a provider's 2xx reply cannot be read: empty, truncated, malformed or incomplete. */
final class MalformedReplyException extends RuntimeException {

    MalformedReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
