package dev.baton.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.input.BadInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Writes every failure in OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}, so clients
 * built for OpenAI raise their usual exceptions; under the trace viewer's {@code /ui}, where a person reads the answer
 * in a browser, as a page. The one place a failure becomes an HTTP status, and where a 500 is logged with its cause
 * (the client is not told it).
 */
final class ErrorResponses {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    /** Seconds a client refused for too many requests at once is told to wait. */
    static final String RETRY_AFTER_SECONDS = "1";

    private ErrorResponses() {
    }

    /** Writes a refusal the server decided on. */
    static void write(ApiException error, Context ctx) {
        if (error.status() == 429) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (TraceViewer.serves(ctx.path())) {
            ctx.status(error.status()).html(TracePages.error(error.status(), error.getMessage()));
            return;
        }
        ObjectNode body = Json.object();
        ObjectNode node = body.putObject("error");
        node.put("message", error.getMessage());
        node.put("type", error.type());
        error.param().ifPresentOrElse(p -> node.put("param", p), () -> node.putNull("param"));
        error.code().ifPresentOrElse(c -> node.put("code", c), () -> node.putNull("code"));
        ctx.status(error.status()).contentType("application/json").result(Json.write(body));
    }

    /** Writes bad input found deeper down (a question a replay pool has no recording of, an unknown worker): 400. */
    static void badInput(BadInputException error, Context ctx) {
        write(ApiException.invalidRequest(error.getMessage(), null), ctx);
    }

    /** Writes the framework's own refusals (no such route, a body over Jetty's limit) in the same shape. */
    static void framework(HttpResponseException error, Context ctx) {
        if (error.getStatus() >= 500) {
            log(error, ctx);
        }
        write(ApiException.ofStatus(error.getStatus(), error.getStatus() == 404
                ? "No route " + ctx.method() + " " + ctx.path() : String.valueOf(error.getMessage())), ctx);
    }

    /** Writes anything unexpected as 500, without its message: it may hold what a client should not see. */
    static void unexpected(Exception error, Context ctx) {
        log(error, ctx);
        write(ApiException.ofStatus(500, "Internal error (" + error.getClass().getSimpleName() + "); the server's log "
                + "says why"), ctx);
    }

    /** Logs a failure with its cause; the path without its query, which may carry the viewer's key. */
    private static void log(Exception error, Context ctx) {
        String request = ctx.method().name() + " " + ctx.path();
        LOG.log(System.Logger.Level.ERROR, request.replaceAll("\\p{Cntrl}", "?") + " answered 500: " + error, error);
    }
}
