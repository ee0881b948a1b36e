package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.offline.Benchmarks;
import dev.baton.store.DamagedStoreFile;
import dev.baton.store.PostgresTestDatabase;
import dev.baton.store.StoreBackend;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    private static final String QUESTION = Benchmarks.load("gsm8k", Optional.empty()).tasks().getFirst().question();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void servesWhatAskAnswersUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> BatonCli.run(InputStream.nullInputStream(), Map.of("SERVE_KEY", "sk-serve"),
                new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--pool", "replay", "--bench", "gsm8k",
                "--conductor", "vote:top3", "--conductor", "best-solo", "--port", "0", "--api-key-env", "SERVE_KEY",
                "--store", dir.resolve("baton.db").toString()));
        CompletableFuture<Void> ended = new CompletableFuture<>();
        serving.setUncaughtExceptionHandler((t, e) -> ended.completeExceptionally(e));
        serving.start();
        String baseUrl = ServeOutput.awaitListening(out, serving);
        assertThat(out.toString()).contains("models: vote:top3, best-solo, ");
        Matcher viewer = Pattern.compile("trace viewer: (http://\\S+/ui)").matcher(out.toString());
        assertThat(viewer.find()).as(out.toString()).isTrue();
        assertThat(viewer.group(1)).isEqualTo(baseUrl.replaceFirst("/v1$", "/ui"));

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(viewer.group(1)))
                    .header("Authorization", "Bearer sk-serve").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            String body = JSON.createObjectNode().put("model", "vote:top3").set("messages", JSON.createArrayNode()
                    .add(JSON.createObjectNode().put("role", "user").put("content", QUESTION))).toString();
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                    .header("Authorization", "Bearer sk-serve").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
        serving.interrupt();
        serving.join();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode asked = JSON.readTree(CliRun.of("ask", QUESTION, "--conductor", "vote:top3", "--trace", "json",
                "--store", dir.resolve("ask.db").toString()).out());
        JsonNode served = JSON.readTree(response.body());
        assertThat(served.at("/choices/0/message/content").asText()).isEqualTo(asked.get("answer").asText());
        assertThat(served.at("/usage/cost").asDouble()).isEqualTo(asked.get("cost_usd").asDouble());
        assertThat(served.at("/baton/calls").asInt()).isEqualTo(asked.get("calls").asInt());
        assertThat(served.at("/usage/prompt_tokens").asLong()).isEqualTo(asked.get("input_tokens").asLong());
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("stopped");
        assertThat(ended).isNotCompletedExceptionally();
    }

    /** Two {@code baton serve} replicas on one PostgreSQL database: what one answered, the other shows as a trace. */
    @Test
    void replicasOnAPostgresStoreServeEachOthersTraces() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            String password = database.password().orElse("");
            Map<String, String> env = Map.of("BATON_DB_PASSWORD", password);
            List<StringWriter> outs = List.of(new StringWriter(), new StringWriter());
            StringWriter err = new StringWriter();
            List<Thread> replicas = List.of(0, 1).stream().map(i -> new Thread(() -> BatonCli.run(InputStream.nullInputStream(),
                    env, new PrintWriter(outs.get(i), true), new PrintWriter(err, true), "serve", "--pool", "replay",
                    "--bench", "gsm8k", "--conductor", "best-solo", "--port", "0", "--store", database.url(),
                    "--store-password-env", "BATON_DB_PASSWORD"))).toList();
            replicas.forEach(Thread::start);
            String first = ServeOutput.awaitListening(outs.get(0), replicas.get(0));
            String second = ServeOutput.awaitListening(outs.get(1), replicas.get(1));

            HttpResponse<String> answered;
            HttpResponse<String> trace;
            try (HttpClient http = HttpClient.newHttpClient()) {
                String body = JSON.createObjectNode().put("model", "best-solo").set("messages", JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("role", "user").put("content", QUESTION))).toString();
                answered = http.send(HttpRequest.newBuilder(URI.create(first + "/chat/completions"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String id = JSON.readTree(answered.body()).get("id").asText();
                // The first replica writes the trace off the request path: the second serves it once it is committed.
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                do {
                    trace = http.send(HttpRequest.newBuilder(URI.create(second + "/traces/" + id)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                } while (trace.statusCode() == 404 && System.nanoTime() < until && sleep(20));
            } finally {
                replicas.forEach(Thread::interrupt);
                for (Thread replica : replicas) {
                    replica.join();
                }
            }

            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(trace.statusCode()).as(trace.body()).isEqualTo(200);
            String answer = JSON.readTree(answered.body()).at("/choices/0/message/content").asText();
            assertThat(JSON.readTree(trace.body()).get("answer").asText()).isEqualTo(answer);
            try (StoreBackend store = database.open()) {
                assertThat(store.traces().recent(5)).hasSize(1);
            }
            assertThat(outs).allSatisfy(out -> assertThat(out.toString())
                    .contains("traces: " + database.url()).contains("stopped"));
            if (!password.isEmpty()) {
                assertThat(outs.get(0).toString() + outs.get(1) + err).doesNotContain(password);
            }
            assertThat(err.toString()).isEmpty();
        }
    }

    @Test
    void aPostgresStoreThatRefusesThePasswordIsAOneLineFailure() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            CliRun run = CliRun.withEnv(Map.of("WRONG", "not-the-password-42"), "serve", "--port", "0", "--store",
                    database.url(), "--store-password-env", "WRONG");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("password authentication failed").doesNotContain("not-the-password-42")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aStorePasswordVariableThatIsNotSetOrGoesWithAFileIsBadInput() {
        CliRun unset = CliRun.withEnv(Map.of(), "serve", "--port", "0", "--store", "jdbc:postgresql://127.0.0.1:1/baton",
                "--store-password-env", "NO_SUCH_PASSWORD");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("NO_SUCH_PASSWORD").doesNotContain("\tat ");

        CliRun file = CliRun.withEnv(Map.of("P", "x"), "serve", "--port", "0", "--store", dir.resolve("b.db").toString(),
                "--store-password-env", "P");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("SQLite file");

        CliRun other = CliRun.withEnv(Map.of(), "serve", "--port", "0", "--store", "jdbc:mysql://127.0.0.1/baton");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("jdbc:postgresql:");
    }

    @Test
    void aDamagedStoreIsRefusedAtStartNamingTheFile() throws Exception {
        Path damaged = DamagedStoreFile.write(dir.resolve("damaged.db"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread serving = new Thread(() -> exit[0] = BatonCli.run(InputStream.nullInputStream(), Map.of(),
                new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--pool", "replay", "--bench", "gsm8k",
                "--port", "0", "--store", damaged.toString()));
        serving.start();
        while (serving.isAlive() && !out.toString().contains("serves on")) {
            Thread.sleep(20);
        }
        serving.interrupt();
        serving.join();

        assertThat(out.toString()).doesNotContain("serves on");
        assertThat(exit[0]).isEqualTo(1);
        assertThat(err.toString()).contains(damaged.toAbsolutePath().toString()).contains("damaged")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aMissingKeyVariableOrAnOpenPublicAddressIsBadInput() {
        CliRun missing = CliRun.withEnv(Map.of(), "serve", "--port", "0", "--api-key-env", "NO_SUCH_KEY");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("NO_SUCH_KEY").doesNotContain("\tat ");

        CliRun open = CliRun.withEnv(Map.of(), "serve", "--port", "0", "--host", "0.0.0.0");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("without an API key");
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }
}
