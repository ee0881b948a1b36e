package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.client.Answer;
import dev.baton.client.Baton;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.store.Store;
import dev.baton.store.TraceStore;
import dev.baton.task.Task;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A server on loopback over the replay pool of GSM8K (loaded once per test JVM), and what {@code baton ask} answers
 * on the same pool, for comparison. Close it to stop the server and drop its in-memory store.
 */
final class ServerFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Supplier<QuestionEncoder> NO_ENCODER = () -> {
        throw new IllegalStateException("these tests serve no learned conductor");
    };
    private static LoadedPool gsm8k;

    final Store store = Store.inMemory();
    final ConductorResolver resolver;
    final BatonServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServerFixture(ServerSettings settings, List<String> specs) {
        this(gsm8k(), settings, specs);
    }

    ServerFixture(LoadedPool pool, ServerSettings settings, List<String> specs) {
        this(pool, settings, specs, null);
    }

    /** A server keeping its traces in {@code traces} (the caller's to close), not in the fixture's own store. */
    ServerFixture(LoadedPool pool, ServerSettings settings, List<String> specs, TraceStore traces) {
        resolver = new ConductorResolver(pool, NO_ENCODER);
        ServedModels models = ServedModels.of(pool, pool.executor(Optional.empty()), resolver, specs);
        server = BatonServer.start(settings, models, traces == null ? store.traces() : traces);
    }

    /** Returns the replay pool of GSM8K, loaded on first use. */
    static synchronized LoadedPool gsm8k() {
        if (gsm8k == null) {
            gsm8k = LoadedPool.load(LoadedPool.REPLAY, "gsm8k", Optional.empty(), Map.of());
        }
        return gsm8k;
    }

    /** Returns a recorded GSM8K task. */
    static Task recordedTask() {
        return gsm8k().replay().orElseThrow().benchmark().tasks().get(7);
    }

    /**
     * Returns the trace the server kept under {@code id}, once its background writer has stored it (waiting at most
     * 10 s): the server answers before the trace reaches the store.
     */
    java.util.Optional<dev.baton.store.StoredTrace> kept(String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        java.util.Optional<dev.baton.store.StoredTrace> trace = store.traces().get(id);
        while (trace.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            trace = store.traces().get(id);
        }
        return trace;
    }

    /** Answers a task as {@code baton ask --pool replay --bench gsm8k --conductor SPEC} does. */
    static Answer askedDirectly(String spec, Task task) {
        LoadedPool pool = gsm8k();
        try (ConductorResolver conductors = new ConductorResolver(pool, NO_ENCODER)) {
            Executor executor = pool.executor(Optional.empty());
            Baton baton = Baton.builder().pool(pool.pool()).conductor(conductors.resolve(spec))
                    .budget(Budget.unlimited()).executor(executor).maxRounds(5).build();
            return baton.ask(task);
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    /** Posts a body with no Content-Length (chunked transfer), as a streaming client may. */
    HttpResponse<String> postChunked(String path, String body, String... headers) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json"), headers);
    }

    /** Returns a chat request body asking {@code model} one question. */
    static String chat(String model, String question) {
        return JSON.createObjectNode().put("model", model).set("messages", JSON.createArrayNode()
                .add(JSON.createObjectNode().put("role", "user").put("content", question))).toString();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        resolver.close();
        store.close();
        http.close();
    }
}
