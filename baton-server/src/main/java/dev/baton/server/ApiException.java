package dev.baton.server;

import java.util.Objects;
import java.util.Optional;

/**
 * A request the server refuses, with what OpenAI's error JSON says about it: the HTTP status, the error {@code type},
 * the request field at fault ({@code param}) and a machine-readable {@code code}. Thrown from before-handlers and
 * endpoints alike; {@link ErrorResponses} writes it once, for all of them.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final Optional<String> param;
    private final Optional<String> code;

    private ApiException(int status, String type, String message, String param, String code) {
        super(Objects.requireNonNull(message, "message"));
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.param = Optional.ofNullable(param);
        this.code = Optional.ofNullable(code);
    }

    /** A malformed or unusable request (400), naming the field at fault. */
    static ApiException invalidRequest(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param, null);
    }

    /** No valid API key (401). */
    static ApiException invalidApiKey(String message) {
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key");
    }

    /** A model this server does not serve (404). */
    static ApiException modelNotFound(String model) {
        return new ApiException(404, "invalid_request_error", "The model '" + model + "' does not exist on this server; "
                + "GET /v1/models lists the models it serves", "model", "model_not_found");
    }

    /** Something else that is not there (404). */
    static ApiException notFound(String message) {
        return new ApiException(404, "invalid_request_error", message, null, "not_found");
    }

    /** A body over the limit (413). */
    static ApiException bodyTooLarge(long limit) {
        return new ApiException(413, "invalid_request_error", "The request body is larger than this server accepts ("
                + limit + " bytes)", null, "request_too_large");
    }

    /** A body that did not all arrive within the deadline (408). */
    static ApiException requestTimeout(java.time.Duration deadline) {
        return new ApiException(408, "invalid_request_error", "The request body did not arrive within "
                + deadline.toMillis() + " ms; send it at once", null, "request_timeout");
    }

    /** Too many requests at once (429); the response carries {@code Retry-After}. */
    static ApiException tooManyRequests(int limit) {
        return new ApiException(429, "rate_limit_error", "This server answers at most " + limit
                + " requests at once; retry shortly", null, "rate_limit_exceeded");
    }

    /** The workflow ran but no worker answered (502). */
    static ApiException noAnswer(String message) {
        return new ApiException(502, "server_error", message, null, "no_answer");
    }

    /** Any status with a type derived from it, for the framework's own refusals (unknown route, wrong method). */
    static ApiException ofStatus(int status, String message) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404, 405 -> "invalid_request_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        return new ApiException(status, type, message, null, null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    Optional<String> param() {
        return param;
    }

    Optional<String> code() {
        return code;
    }
}
