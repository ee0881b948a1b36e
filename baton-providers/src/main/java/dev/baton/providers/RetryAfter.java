package dev.baton.providers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds, or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Reads OpenAI's {@code retry-after-ms} header: milliseconds, more precise than {@code Retry-After}. */
    static Optional<Duration> parseMillis(String value) {
        String text = value.strip();
        return text.matches("\\d{1,12}") ? Optional.of(Duration.ofMillis(Long.parseLong(text))) : Optional.empty();
    }

    /**
     * Returns the wait the header asks for, measured from {@code now}; a date in the past means no wait, and
     * anything unreadable means the header is ignored.
     */
    static Optional<Duration> parse(String value, Instant now) {
        String text = value.strip();
        if (text.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)));
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, until);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
