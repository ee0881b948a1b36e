package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that bills like a provider: every request is billed the
 * moment it arrives, for the tokens its reply will report, whether or not the caller lives to read the reply. What it
 * billed is the ground truth a spending cap is measured against.
 */
final class BillingStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each reply reports this many prompt tokens: fewer than any prompt's estimate, so the cap's worst case holds. */
    static final long PROMPT_TOKENS = 1;
    /**
     * Each reply reports this many completion tokens: the pool file's {@code max_output_tokens}, and the budget's worst
     * case when a request names no limit, so a call bills what the cap reserved for it, however the limit reaches it.
     */
    static final long COMPLETION_TOKENS = 4096;
    /** What a call costs at the pool file's prices ($1 and $2 per million tokens). */
    static final double USD_PER_CALL = (PROMPT_TOKENS * 1 + COMPLETION_TOKENS * 2) / 1e6;

    private final HttpServer server;
    private final ExecutorService threads;
    private final Duration delay;
    private final AtomicLong billed = new AtomicLong();
    private final Map<String, Integer> refusing = new ConcurrentHashMap<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private BillingStub(HttpServer server, ExecutorService threads, Duration delay) {
        this.server = server;
        this.threads = threads;
        this.delay = delay;
    }

    /** Starts a server that answers every call after {@code delay}. */
    static BillingStub start(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        BillingStub stub = new BillingStub(server, threads, delay);
        server.createContext("/v1/chat/completions", stub::answer);
        server.setExecutor(threads);
        server.start();
        return stub;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            received.add(request);
            Integer status = refusing.get(request.path("model").asText());
            if (status != null) {
                refuse(exchange, status);
                return;
            }
            billed.incrementAndGet();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the stub is closing
            }
            byte[] body = """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                    """.formatted(request.path("model").asText(),
                            JSON.writeValueAsString(replies.getOrDefault(request.path("model").asText(), "The answer is 42.")), PROMPT_TOKENS, COMPLETION_TOKENS, PROMPT_TOKENS + COMPLETION_TOKENS)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Answers every call to {@code model} with HTTP {@code status} and OpenAI's error body, billing nothing. */
    BillingStub refusing(String model, int status) {
        refusing.put(model, status);
        return this;
    }

    private static void refuse(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("{\"error\":{\"message\":\"refused with " + status + "\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers every call to {@code model} with {@code reply} instead of "The answer is 42.". */
    BillingStub answering(String model, String reply) {
        replies.put(model, reply);
        return this;
    }

    /** Returns the bodies of the requests it received, refused ones included, in order of arrival. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Returns how many calls it billed. */
    long calls() {
        return billed.get();
    }

    /** Returns what it billed, in USD. */
    double billedUsd() {
        return calls() * USD_PER_CALL;
    }

    /** Waits until it has billed {@code calls} calls or {@code process} ended, at most a minute. */
    void awaitCalls(long calls, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (calls() < calls && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Writes a pool file of {@code workers} served here, keyed by {@code keyVariable}, into {@code dir}. */
    Path pool(Path dir, String keyVariable, String... workers) throws IOException {
        StringBuilder yaml = new StringBuilder("workers:\n");
        for (String worker : workers) {
            yaml.append("  - id: ").append(worker).append('\n')
                    .append("    provider: openai\n")
                    .append("    model: ").append(worker).append('\n')
                    .append("    base_url: http://127.0.0.1:").append(server.getAddress().getPort()).append("/v1\n")
                    .append("    api_key_env: ").append(keyVariable).append('\n')
                    .append("    price: {input: 1, output: 2}\n")
                    .append("    max_output_tokens: ").append(COMPLETION_TOKENS).append('\n')
                    .append("    timeout: 300s\n");
        }
        return Files.writeString(dir.resolve("pool.yaml"), yaml);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
