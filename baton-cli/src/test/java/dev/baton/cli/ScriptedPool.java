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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 whose models behave by script on {@link ScriptedQuestions},
 * so what a context fit measures can be checked against the truth. A request with one user turn is a solo call; one with
 * assistant turns is a step that sees those replies (the executor's step format), and each model answers it as
 * {@link ScriptedWorker} says. Replies are "The answer is N."; usage is reported as prompt characters / 4 and 20
 * completion tokens.
 */
final class ScriptedPool implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private final HttpServer server;
    private final ExecutorService threads;
    private final ScriptedQuestions questions;
    private final Map<String, ScriptedWorker> workers;
    private final AtomicLong calls = new AtomicLong();

    private ScriptedPool(HttpServer server, ExecutorService threads, ScriptedQuestions questions, Map<String, ScriptedWorker> workers) {
        this.server = server;
        this.threads = threads;
        this.questions = questions;
        this.workers = workers;
    }

    /** Starts a server whose models are {@code workers}, in pool order, answering {@code questions}. */
    static ScriptedPool start(ScriptedQuestions questions, List<ScriptedWorker> workers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Map<String, ScriptedWorker> byId = new LinkedHashMap<>();
        workers.forEach(worker -> byId.put(worker.id(), worker));
        ScriptedPool pool = new ScriptedPool(server, threads, questions, byId);
        server.createContext("/v1/chat/completions", pool::answer);
        server.setExecutor(threads);
        server.start();
        return pool;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            calls.incrementAndGet();
            String model = request.path("model").asText();
            List<JsonNode> messages = new ArrayList<>();
            request.path("messages").forEach(messages::add);
            ScriptedWorker worker = workers.get(model);
            Optional<ScriptedQuestions.Question> question = messages.isEmpty() ? Optional.empty()
                    : questions.asked(messages.getFirst().path("content").asText());
            if (worker == null || question.isEmpty()) {
                send(exchange, 404, "{\"error\":{\"message\":\"no script for model " + model + " or this question\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
                return;
            }
            List<Optional<Long>> seen = messages.stream().filter(m -> m.path("role").asText().equals("assistant"))
                    .map(m -> lastNumber(m.path("content").asText())).toList();
            long answer = seen.isEmpty() ? worker.alone(question.get()) : worker.seeing(question.get(), seen);
            long promptChars = messages.stream().mapToLong(m -> m.path("content").asText().length()).sum();
            String content = "The answer is " + answer + ".";
            send(exchange, 200, """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":%d,"completion_tokens":20,"total_tokens":%d}}
                    """.formatted(model, JSON.writeValueAsString(content), (promptChars + 3) / 4, (promptChars + 3) / 4 + 20));
        }
    }

    /** The last number a reply states, as the number grader reads it. */
    static Optional<Long> lastNumber(String text) {
        Matcher matcher = NUMBER.matcher(text);
        Long last = null;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group());
        }
        return Optional.ofNullable(last);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Returns how many requests it answered. */
    long calls() {
        return calls.get();
    }

    /** Writes a pool file of the scripted models served here, each at its scripted prices, as {@code pool.yaml} in {@code dir}. */
    Path poolFile(Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("workers:\n");
        for (ScriptedWorker worker : workers.values()) {
            yaml.append("  - id: ").append(worker.id()).append('\n')
                    .append("    provider: openai\n")
                    .append("    model: ").append(worker.id()).append('\n')
                    .append("    base_url: http://127.0.0.1:").append(server.getAddress().getPort()).append("/v1\n")
                    .append("    api_key_env: ").append(LoopbackPoolFile.KEY_VARIABLE).append('\n')
                    .append("    price: {input: ").append(worker.usdPerMillionTokens()).append(", output: ")
                    .append(worker.usdPerMillionTokens()).append("}\n")
                    .append("    max_output_tokens: 64\n")
                    .append("    timeout: 30s\n");
        }
        return Files.writeString(dir.resolve("pool.yaml"), yaml);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
