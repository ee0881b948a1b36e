package dev.baton.server;

import dev.baton.input.InvalidSettingException;
import dev.baton.store.TraceStore;
import io.javalin.Javalin;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Baton as an OpenAI-compatible model over HTTP: a client names a conductor (or a pool worker) as its
 * {@code model}, and gets the conductor's answer, priced and traced.
 *
 * <pre>{@code
 * try (BatonServer server = BatonServer.start(ServerSettings.loopback(8080), models, store.traces())) {
 *     // POST http://127.0.0.1:8080/v1/chat/completions {"model": "best-solo", "messages": [...]}
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST /v1/chat/completions} (plain or streamed), {@code POST /v1/rewards} (the reward of a
 * workflow a conductor model wrote, for external trainers), {@code GET /v1/models},
 * {@code GET /v1/traces/{id}}, {@code GET /v1/traces}, {@code GET /health}, {@code GET /metrics} (Prometheus). Requests
 * run on virtual threads. Every failure is answered in OpenAI's error JSON.
 */
public final class BatonServer implements AutoCloseable {

    private final Javalin app;
    private final ServerSettings settings;
    private final QueuedTraceStore traces;

    private BatonServer(Javalin app, ServerSettings settings, QueuedTraceStore traces) {
        this.app = app;
        this.settings = settings;
        this.traces = traces;
    }

    /**
     * Starts listening.
     *
     * @throws InvalidSettingException when no API key is configured and the host is not a loopback address
     */
    public static BatonServer start(ServerSettings settings, ServedModels models, TraceStore traces) {
        return start(settings, models, traces, () -> 0);
    }

    /**
     * Starts listening, exporting how often the executor's response cache failed under it
     * ({@code baton_response_cache_failures_total}; see {@link dev.baton.store.ResponseCacheFailures#count}).
     *
     * @throws InvalidSettingException when no API key is configured and the host is not a loopback address
     */
    public static BatonServer start(ServerSettings settings, ServedModels models, TraceStore traces, LongSupplier cacheFailures) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(traces, "traces");
        settings.checkOpenOnlyOnLoopback();
        ServerMetrics metrics = new ServerMetrics();
        QueuedTraceStore queued = new QueuedTraceStore(traces);
        metrics.traceStoreFailures(queued::failures);
        metrics.responseCacheFailures(Objects.requireNonNull(cacheFailures, "cacheFailures"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.limits().maxBodyBytes();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            Routes.register(config.routes, models, queued, settings, metrics);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            queued.close();
            throw e;
        }
        return new BatonServer(app, settings, queued);
    }

    /** Returns the port it listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** Returns the address it listens on. */
    public String host() {
        return settings.host();
    }

    /** Returns the base URL an OpenAI client is given, for example {@code http://127.0.0.1:8080/v1}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/v1";
    }

    /** Returns the address of the trace viewer, for people: {@code http://127.0.0.1:8080/ui}. */
    public String viewerUrl() {
        return baseUrl().substring(0, baseUrl().length() - "/v1".length()) + "/ui";
    }

    /** Stops listening; requests in flight are ended, the traces not yet written are written. Closing twice does nothing. */
    @Override
    public void close() {
        app.stop();
        traces.close();
    }
}
