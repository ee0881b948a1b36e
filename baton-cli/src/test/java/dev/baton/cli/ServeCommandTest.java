package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.offline.Benchmarks;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    private static final String QUESTION = Benchmarks.load("gsm8k", Optional.empty()).tasks().getFirst().question();
    private static final Pattern LISTENING = Pattern.compile("serves on (http://\\S+/v1)");
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
        String baseUrl = awaitListening(out, serving);
        assertThat(out.toString()).contains("models: vote:top3, best-solo, ");

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
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

    private static String awaitListening(StringWriter out, Thread serving) throws InterruptedException {
        while (serving.isAlive()) {
            Matcher listening = LISTENING.matcher(out.toString());
            // The models line is printed just after the address: wait for both, or a busy machine fails the check below.
            if (listening.find() && out.toString().contains("\nmodels: ")) {
                return listening.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve ended before listening: " + out);
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
}
