package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.baton.offline.Benchmarks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

    private static final String QUESTION = Benchmarks.load("gsm8k", Optional.empty()).tasks().getFirst().question();

    @Test
    void printsTheAnswerThenOneLinePerCallOnAWideTerminal() {
        CliRun run = CliRun.withEnv(Map.of("COLUMNS", "160"), "ask", QUESTION, "--conductor", "vote:top3");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"answer\": \"18\"", "trace: vote:top3, 1 round, 3 calls");
        String trace = run.out().substring(run.out().indexOf("trace: "));
        assertThat(trace.lines()).hasSize(5).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(160));
        assertThat(trace.lines().skip(2)).allSatisfy(line -> assertThat(line).contains("$0.00")
                .endsWith("Solve the problem. Think step by step, then give the final answer."));
    }

    @Test
    void inEightyColumnsEverySubtaskIsShownWholeAndCostsReadAsDollars() {
        CliRun run = CliRun.withEnv(Map.of(), "ask", QUESTION, "--conductor", "moa:top3");

        assertThat(run.exitCode()).isZero();
        String trace = run.out().substring(run.out().indexOf("trace: "));
        assertThat(trace.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(trace).doesNotContain("...");
        assertThat(trace.replaceAll("\\s+", " ")).contains("Solve the problem. Think step by step, then give the final answer.",
                "Several attempts at this problem are above. Check them, resolve any disagreement, and give the single correct "
                        + "final answer.");
        // Three significant digits, never a float's noise: the total is 0.004847499999999999 USD, the calls 0.0007735 and so on.
        assertThat(trace).contains("4 calls, 1,207 tokens, $0.00485,", " $0.000774 ", " $0.00109 ")
                .doesNotContainPattern("\\$0\\.0*[1-9][0-9]{3}");
    }

    @Test
    void jsonTraceHoldsEveryCallAndTheirCostsAddUp() throws IOException {
        CliRun run = CliRun.of("ask", QUESTION, "--conductor", "moa:top3", "--trace", "json");

        JsonNode trace = new ObjectMapper().readTree(run.out());
        assertThat(trace.get("steps")).hasSize(4);
        double sum = 0;
        for (JsonNode step : trace.get("steps")) {
            assertThat(step.get("status").asText()).isEqualTo("answered");
            sum += step.get("cost_usd").asDouble();
        }
        assertThat(trace.get("cost_usd").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(trace.get("steps").get(3).get("role").asText()).isEqualTo("aggregate");
        assertThat(trace.get("steps").get(3).get("messages").size()).isEqualTo(7); // three attempts as turns, then its own
    }

    @Test
    void readsTheQuestionFromStandardInput() {
        CliRun run = CliRun.withInput(QUESTION, "ask", "-", "--trace", "none");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"answer\": \"18\"").doesNotContain("trace:");
    }

    @Test
    void aQuestionTheReplayPoolHasNoRecordingOfSaysWhatToDoInstead() {
        CliRun run = CliRun.of("ask", "What is the airspeed of an unladen swallow?");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("this one is not in gsm8k (copy a question from it, or use a pool file)");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {
            {"ask", "What is the airspeed of an unladen swallow?"},
            {"ask", " "},
            {"ask", QUESTION, "--max-calls", "0"},
            {"ask", QUESTION, "--max-usd", "-1"},
            {"ask", QUESTION, "--trace", "xml"},
            {"ask", QUESTION, "--conductor", "solo:all"},
            {"ask", QUESTION, "--conductor", "solo:gpt-9"},
        }) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().lines()).as(String.join(" ", args)).hasSize(1)
                    .allSatisfy(line -> assertThat(line).startsWith("error: ").doesNotContain("Exception"));
        }
    }

    @Test
    void whenNoWorkerAnswersItExitsOneWithEachWorkersReasonOnStandardError(@TempDir Path dir) throws IOException {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            server.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/chat/completions")).willReturn(WireMock.aResponse()
                    .withStatus(401).withBody("{\"error\":{\"message\":\"Incorrect API key provided\"}}")));
            Path pool = dir.resolve("pool.yaml");
            Files.writeString(pool, "workers:\n" + worker("refused", server.port()) + worker("closed", closedPort()));

            CliRun run = CliRun.withEnv(Map.of("KEY", "sk-test"), "ask", "What is 6 * 7?", "--pool", pool.toString(),
                    "--conductor", "vote:refused,closed", "--store", dir.resolve("baton.db").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(3);
            assertThat(run.err().lines().toList().get(0)).isEqualTo("error: no worker answered");
            assertThat(run.err()).containsPattern("(?m)^  refused: authentication: .*Incorrect API key provided")
                    .containsPattern("(?m)^  closed: network: \\S").doesNotContain("closed: network: closed:");
            assertThat(run.out()).contains("trace: vote:refused,closed");
        } finally {
            server.stop();
        }
    }

    private static String worker(String id, int port) {
        return """
                  - id: %s
                    provider: openai
                    model: %s
                    base_url: http://127.0.0.1:%d/v1
                    api_key_env: KEY
                    price: {input: 1, output: 2}
                    timeout: 10s
                """.formatted(id, id, port);
    }

    /** Returns a loopback port nothing listens on: one just given back by the system. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
