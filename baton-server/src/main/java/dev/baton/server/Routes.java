package dev.baton.server;

import dev.baton.input.BadInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Every route of the server, in one place, in the order a request meets them: timing, then the API key (all but
 * {@code /health}; the trace viewer under {@code /ui} checks it its own way, see {@link UiAccess}), then the limits on chat requests, the endpoints, the mapping of failures to OpenAI's error JSON,
 * and last the metrics of what was answered.
 */
final class Routes {

    private static final String STARTED = "baton.started";
    private static final String CHAT = "/v1/chat/completions";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    private Routes() {
    }

    /** Registers the routes of a server answering as {@code models}, keeping traces in {@code traces}. */
    static void register(RoutesConfig routes, ServedModels models, QueuedTraceStore traces, ServerSettings settings,
                                ServerMetrics metrics) {
        ApiKeyCheck apiKey = new ApiKeyCheck(settings.apiKeys());
        RequestGate gate = new RequestGate(settings.limits());
        ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint(new ChatAnswerer(models, traces, metrics), settings.limits());
        TracesEndpoint traceEndpoint = new TracesEndpoint(traces);

        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.before("/v1/*", apiKey);
        routes.before("/metrics", apiKey);
        routes.before(CHAT, gate::enter);

        routes.post(CHAT, chat);
        RewardRoutes.register(routes, models, traces, settings, metrics, gate);
        routes.get("/v1/models", new ModelsEndpoint(models, Instant.now().getEpochSecond()));
        routes.get("/v1/traces", traceEndpoint::recent);
        routes.get("/v1/traces/{id}", traceEndpoint::one);
        routes.get("/health", ctx -> ctx.contentType("application/json")
                .result("{\"status\":\"ok\",\"models\":" + models.all().size() + "}"));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        TraceViewer.register(routes, traces, apiKey);

        routes.exception(ApiException.class, ErrorResponses::write);
        routes.exception(BadInputException.class, ErrorResponses::badInput);
        routes.exception(HttpResponseException.class, ErrorResponses::framework);
        routes.exception(Exception.class, ErrorResponses::unexpected);

        routes.after(CHAT, gate::release);
        routes.after(ctx -> metrics.request(endpoint(ctx), method(ctx), ctx.statusCode(), elapsed(ctx)));
    }

    /**
     * Returns the request's method as a metric label: one of HTTP's own, or "other". Any token is a method to the
     * server, and every label value a client invents would be a new series kept for the server's life.
     */
    private static String method(Context ctx) {
        String method = ctx.method().name();
        return METHODS.contains(method) ? method : "other";
    }

    /** Returns the route a request matched as a metric label: never the raw path, which would grow without bound. */
    private static String endpoint(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/v1/traces/")) {
            return "/v1/traces/{id}";
        }
        if (path.startsWith("/ui/traces/")) {
            return "/ui/traces/{id}";
        }
        return switch (path) {
            case CHAT, RewardRoutes.REWARDS, "/v1/models", "/v1/traces", "/health", "/metrics", "/ui", "/ui/echarts.min.js" -> path;
            default -> "other";
        };
    }

    private static Duration elapsed(Context ctx) {
        Long started = ctx.attribute(STARTED);
        return started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }
}
