package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.store.Store;
import dev.baton.store.StoreFaults;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} and {@code serve} go on when the store stops keeping replies, and say so: one warning each (the call is
 * answered, but a repeated one is paid again), and for a server a metric that counts every failure.
 */
class StoreFailureWarningTest {

    private static final String WARNING = "warning: the response cache cannot be written (";
    private static final Map<String, String> ENV = Map.of("BATON_TEST_KEY", "sk-worker", "SERVE_KEY", "sk-serve");

    @TempDir
    Path dir;

    private BillingStub stub;
    private Path store;

    @BeforeEach
    void breakTheStore() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        store = dir.resolve("baton.db");
        Store.open(store).close();
        StoreFaults.refuseWrites(store, "response_cache");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void askAnswersAndWarnsOnceThatTheReplyWasNotKept() throws Exception {
        Path pool = stub.pool(dir, "BATON_TEST_KEY", "solver-a", "solver-b");

        CliRun run = CliRun.withEnv(ENV, "ask", "What is 6 * 7?", "--pool", pool.toString(), "--conductor", "vote:solver-a,solver-b",
                "--store", store.toString(), "--trace", "none");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("The answer is 42.");
        assertThat(run.err().lines().filter(line -> line.startsWith(WARNING)))
                .singleElement().asString().contains(store.toAbsolutePath().toString(), StoreFaults.READ_ONLY)
                .endsWith("replies are not kept, so a repeated call is paid again; going on without it");
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void serveAnswersWarnsOnceAndCountsEveryFailureInItsMetrics() throws Exception {
        Path pool = stub.pool(dir, "BATON_TEST_KEY", "solver-a");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> BatonCli.run(InputStream.nullInputStream(), ENV, new PrintWriter(out, true),
                new PrintWriter(err, true), "serve", "--pool", pool.toString(), "--conductor", "best-solo", "--port", "0",
                "--api-key-env", "SERVE_KEY", "--store", store.toString()));
        serving.start();
        String metrics;
        int[] statuses = new int[2];
        try (HttpClient http = HttpClient.newHttpClient()) {
            String baseUrl = ServeOutput.awaitListening(out, serving);
            for (int i = 0; i < 2; i++) {
                statuses[i] = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                        .header("Authorization", "Bearer sk-serve").header("Content-Type", "application/json")
                        // two questions: a repeat asked while the first reply is still queued would be answered from the queue
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"solver-a\", \"messages\": "
                                + "[{\"role\": \"user\", \"content\": \"What is 6 * " + (7 + i) + "?\"}]}")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            // The replies are written off the request path (at the writer's next flush): wait for both failures.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            metrics = metrics(http, baseUrl);
            while (!metrics.contains("baton_response_cache_failures_total 2.0") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                metrics = metrics(http, baseUrl);
            }
        } finally {
            serving.interrupt();
            serving.join();
        }

        assertThat(statuses).containsExactly(200, 200);
        assertThat(metrics).as(err + " / calls: " + stub.calls()).contains("baton_response_cache_failures_total 2.0");
        assertThat(err.toString().lines().filter(line -> line.startsWith(WARNING))).hasSize(1);
        assertThat(stub.calls()).isEqualTo(2);
    }

    private static String metrics(HttpClient http, String baseUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl.replace("/v1", "/metrics")))
                .header("Authorization", "Bearer sk-serve").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
