package dev.baton.providers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.worker.FailureKind;
import dev.baton.worker.WorkerException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns whatever a LangChain4j model threw into a typed {@link WorkerException}.
 *
 * <p>LangChain4j wraps the exception our {@link ProviderHttpClient} threw (its own mapper makes a
 * {@code RateLimitException} of a 429, and so on), so the cause chain is searched for the exception that says
 * what happened, and the status code is mapped here, once, for every provider. Messages name the worker's
 * provider and quote the provider's own error message, with the API key blanked out should a server echo it;
 * HTTP failures carry no cause, so nothing unredacted travels with them.
 */
final class FailureMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    private final String workerId;
    private final String provider;
    private final Optional<String> secret;

    FailureMapper(String workerId, String provider, Optional<String> secret) {
        this.workerId = workerId;
        this.provider = provider;
        this.secret = secret.filter(s -> !s.isEmpty());
    }

    /** Returns the typed failure for a model's exception. */
    WorkerException map(Throwable failure) {
        Optional<ProviderHttpException> http = find(failure, ProviderHttpException.class);
        if (http.isPresent()) {
            return fromStatus(http.get().statusCode(), http.get().body(), http.get().retryAfter());
        }
        Optional<HttpException> other = find(failure, HttpException.class);
        if (other.isPresent()) {
            return fromStatus(other.get().statusCode(), String.valueOf(other.get().getMessage()), Optional.empty());
        }
        Optional<MalformedReplyException> malformed = find(failure, MalformedReplyException.class);
        if (malformed.isPresent()) {
            return transientFailure(FailureKind.MALFORMED_REPLY, malformed.get().getMessage(), malformed.get());
        }
        Optional<Throwable> timeout = find(failure, TimeoutException.class).<Throwable>map(t -> t)
                .or(() -> find(failure, HttpTimeoutException.class));
        if (timeout.isPresent()) {
            return transientFailure(FailureKind.TIMEOUT, "no reply from " + provider + " in time", timeout.get());
        }
        Optional<InterruptedIOException> interrupted = find(failure, InterruptedIOException.class);
        if (interrupted.isPresent()) {
            return transientFailure(FailureKind.TIMEOUT, "the call to " + provider + " was interrupted", interrupted.get());
        }
        // before I/O failures: Jackson's exceptions are IOExceptions
        Optional<JacksonException> json = find(failure, JacksonException.class);
        if (json.isPresent()) {
            return transientFailure(FailureKind.MALFORMED_REPLY,
                    provider + "'s reply does not have the expected shape: " + json.get().getOriginalMessage(), json.get());
        }
        Optional<Throwable> network = find(failure, UnresolvedModelServerException.class).<Throwable>map(t -> t)
                .or(() -> find(failure, IOException.class))
                .or(() -> find(failure, UncheckedIOException.class));
        if (network.isPresent()) {
            return transientFailure(FailureKind.NETWORK, "could not reach " + provider + ": " + network.get(), network.get());
        }
        Throwable root = root(failure);
        if (thrownByLangChain4j(root)) {
            // The HTTP client let the body through as a complete JSON object, so LangChain4j tripping over it
            // (no choices, a missing content array) means the reply lacks what the API promises.
            return transientFailure(FailureKind.MALFORMED_REPLY,
                    provider + "'s reply lacks fields the API promises (" + root + ")", root);
        }
        return new WorkerException.Permanent(workerId, FailureKind.OTHER,
                redact(workerId + ": " + provider + " call failed: " + failure), failure);
    }

    /** Returns the failure for an HTTP status other than 2xx. */
    WorkerException fromStatus(int status, String body, Optional<Duration> retryAfter) {
        String message = redact(workerId + ": " + provider + " answered HTTP " + status + ": " + excerpt(body));
        Duration wait = retryAfter.orElse(null);
        if (status == 429) {
            return new WorkerException.Transient(workerId, FailureKind.RATE_LIMITED, message, wait, null);
        }
        if (status == 408) {
            return new WorkerException.Transient(workerId, FailureKind.TIMEOUT, message, wait, null);
        }
        if (status >= 500 && status < 600) { // Anthropic's 529 "overloaded" included
            return new WorkerException.Transient(workerId, FailureKind.SERVER_ERROR, message, wait, null);
        }
        FailureKind kind = switch (status) {
            case 401, 403 -> FailureKind.AUTHENTICATION;
            case 404 -> FailureKind.NOT_FOUND;
            default -> status >= 400 && status < 500 ? FailureKind.INVALID_REQUEST : FailureKind.OTHER;
        };
        return new WorkerException.Permanent(workerId, kind, message, null);
    }

    private WorkerException transientFailure(FailureKind kind, String message, Throwable cause) {
        return new WorkerException.Transient(workerId, kind, redact(workerId + ": " + message), null, cause);
    }

    /** Returns the provider's own error message ({@code error.message} in all three APIs) or the body's start. */
    private static String excerpt(String body) {
        String text = body;
        try {
            JsonNode message = JSON.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                text = message.asText();
            }
        } catch (JacksonException | RuntimeException e) {
            // not JSON: quote the body as it is
        }
        text = text.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    private String redact(String message) {
        return secret.map(s -> message.replace(s, "***")).orElse(message);
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean thrownByLangChain4j(Throwable root) {
        boolean shapeError = root instanceof LangChain4jException // "no choices returned in response", ...
                || root instanceof NullPointerException || root instanceof ClassCastException
                || root instanceof IndexOutOfBoundsException || root instanceof IllegalArgumentException
                || root instanceof IllegalStateException;
        StackTraceElement[] stack = root.getStackTrace();
        return shapeError && stack.length > 0 && stack[0].getClassName().startsWith("dev.langchain4j.");
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
