package dev.baton.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} and {@code train} on a live pool, end to end through the CLI, against an OpenAI-compatible server on
 * loopback that replays fixed answers: four workers, each right on a known set of {@value #QUESTIONS} questions, so
 * every row's true accuracy is known. The figures must be those, whatever the transport does; a rerun must cost nothing.
 */
class LiveEvalEndToEndTest {

    private static final String KEY = "sk-baton-test-" + Long.toHexString(System.nanoTime());
    private static final Map<String, String> ENV = Map.of("BATON_TEST_KEY", KEY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUESTIONS = 20;

    /** Which questions (1..20) each worker answers right; the others it answers 1 too high. */
    private static final Map<String, IntPredicate> RIGHT = new LinkedHashMap<>();

    static {
        RIGHT.put("solver-a", i -> i % 5 != 0);  // 80%
        RIGHT.put("solver-b", i -> i % 2 == 0);  // 50%
        RIGHT.put("solver-c", i -> i % 4 != 0);  // 75%
        RIGHT.put("solver-d", i -> i % 10 < 3);  // 30%
    }

    /** An OpenAI-compatible provider on loopback, reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void evalOnAPoolWhoseCallsFailOnceInTenGivesTheTrueAccuraciesAndARerunCallsNothing() throws IOException {
        int failOnce = 0;
        int w = 0;
        for (String worker : RIGHT.keySet()) {
            for (int i = 1; i <= QUESTIONS; i++) {
                if ((i + w) % 10 == 1) { // one call in ten fails once (503), then answers
                    answerAfterOneFailure(worker, i);
                    failOnce++;
                } else {
                    answer(worker, i);
                }
            }
            w++;
        }
        List<String> args = List.of("eval", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(), "--split", "all",
                "--conductor", "solo:all", "--store", dir.resolve("baton.db").toString(), "--quiet", "--json",
                dir.resolve("first.json").toString());

        CliRun first = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(failOnce).isEqualTo(8);
        assertThat(first.err()).contains("live pool " + pool() + ": 4 conductors on 20 questions: at most 80 calls, at most $");
        JsonNode rows = JSON.readTree(dir.resolve("first.json").toFile()).get("rows");
        assertThat(rows).hasSize(4);
        for (JsonNode row : rows) {
            String worker = row.get("conductor").asText().substring("solo:".length());
            assertThat(row.get("accuracy").asDouble()).as(worker).isEqualTo(trueAccuracy(worker));
            assertThat(row.get("mean_cost_usd").asDouble()).as(worker).isCloseTo((30 * 1 + 10 * 2) / 1e6, within(1e-15));
            assertThat(row.has("failed")).as("no question lost an answer").isFalse();
        }
        assertThat(server.getAllServeEvents()).as("80 calls, 8 of them tried twice").hasSize(88);
        assertThat(first.err()).contains("on 80 calls answered by the workers; 0 answered from the cache");

        List<String> again = new ArrayList<>(args);
        again.set(again.size() - 1, dir.resolve("again.json").toString());
        CliRun rerun = CliRun.withEnv(ENV, again.toArray(String[]::new));

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(server.getAllServeEvents()).as("no request the second time").hasSize(88);
        assertThat(rerun.err()).contains("spent $0.000000 on 0 calls answered by the workers; 80 answered from the cache");
        assertThat(JSON.readTree(dir.resolve("again.json").toFile()).get("rows")).as("the same figures, cost included")
                .isEqualTo(rows);
        assertThat(first.out() + first.err() + rerun.out() + rerun.err()).doesNotContain(KEY);
    }

    @Test
    void aWorkerThatAlwaysFailsShowsItsFailedQuestionsAndARerunRetriesOnlyThose() throws IOException {
        for (String worker : List.of("solver-a", "solver-b", "solver-d")) {
            for (int i = 1; i <= QUESTIONS; i++) {
                answer(worker, i);
            }
        }
        server.stubFor(model("solver-c").willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"message\":\"no such model\"}}")));
        List<String> args = List.of("eval", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(), "--split", "all",
                "--conductor", "solo:all", "--store", dir.resolve("baton.db").toString(), "--quiet", "--width", "0", "--json",
                dir.resolve("out.json").toString());

        CliRun down = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).contains("| conductor     | accuracy % | failed |")
                .containsPattern("\\| solo:solver-c \\| +0\\.0 \\| +20 \\|")
                .containsPattern("\\| solo:solver-a \\| +80\\.0 \\| +0 \\|")
                .contains("failed: questions with a call that still failed", "run the same command again to retry just those");
        JsonNode rows = JSON.readTree(dir.resolve("out.json").toFile()).get("rows");
        assertThat(rows).extracting(row -> row.get("failed").asInt()).containsExactly(0, 0, 20, 0);
        assertThat(down.err()).contains("20 failed after their retries");
        int before = server.getAllServeEvents().size();

        server.resetAll(); // the provider is back, answering as the others
        for (int i = 1; i <= QUESTIONS; i++) {
            answer("solver-c", i);
        }
        CliRun back = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(before).isEqualTo(60 + 20);
        assertThat(server.getAllServeEvents()).as("only the 20 failed calls are made again").hasSize(20);
        JsonNode now = JSON.readTree(dir.resolve("out.json").toFile()).get("rows");
        assertThat(now.get(2).get("accuracy").asDouble()).isEqualTo(trueAccuracy("solver-c"));
        assertThat(now.get(2).has("failed")).isFalse();
        assertThat(back.err()).contains("on 20 calls answered by the workers; 60 answered from the cache");
    }

    @Test
    void baselinesRankALivePoolByItsFileOrderOrByARecordingAndAskNoTrainQuestion() throws IOException {
        for (String worker : RIGHT.keySet()) {
            for (int i = 1; i <= QUESTIONS; i++) {
                answer(worker, i);
            }
        }
        String store = dir.resolve("baton.db").toString();

        CliRun listed = CliRun.withEnv(ENV, "eval", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(),
                "--conductor", "best-solo", "--conductor", "vote:top3", "--store", store, "--quiet", "--width", "0");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        int test = testQuestions();
        assertThat(listed.out()).contains("best-solo (solver-a)");
        assertThat(listed.err()).contains("at most " + 4 * test + " calls");
        assertThat(server.getAllServeEvents()).as("the test questions only, nothing to rank").hasSize(3 * test);

        CliRun cascade = CliRun.withEnv(ENV, "eval", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(),
                "--conductor", "best-cascade", "--store", store, "--quiet");
        assertThat(cascade.exitCode()).isEqualTo(2);
        assertThat(cascade.err()).contains("best-cascade is chosen from every worker's answers", "cascade:<w1,w2,w3>");

        CliRun ranked = CliRun.withEnv(ENV, "eval", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(),
                "--conductor", "best-solo", "--recording", recording("solver-c").toString(), "--store", store, "--quiet",
                "--width", "0");

        assertThat(ranked.exitCode()).as(ranked.err()).isZero();
        assertThat(ranked.out()).contains("best-solo (solver-c)");
    }

    @Test
    void maxUsdBoundsTheWholeEvaluationAndWhatItLeavesOutIsCountedAsFailed() throws IOException {
        for (int i = 1; i <= QUESTIONS; i++) {
            answer("solver-a", i);
        }
        Path pool = pool("solver-a");

        CliRun capped = CliRun.withEnv(ENV, "eval", "--pool", pool.toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(), "--split",
                "all", "--conductor", "solo:solver-a", "--max-usd", "0.0001", "--store", dir.resolve("baton.db").toString(),
                "--quiet", "--width", "0");

        assertThat(capped.exitCode()).as(capped.err()).isZero();
        assertThat(server.getAllServeEvents()).as("no call fits: each may cost up to $0.0005 (256 output tokens at $2 per million)").isEmpty();
        assertThat(capped.out()).containsPattern("\\| solo:solver-a \\| +0\\.0 \\| +20 \\|");
        assertThat(capped.err()).contains("--max-usd stops at $0.0001", "20 left out by the spending cap");

        CliRun replay = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "best-solo", "--max-usd", "1");
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("--max-usd is for a live pool");
    }

    @Test
    void trainOnAPoolFileRecordsWhatTheCacheLacksWithinMaxUsdThenTrains() throws IOException {
        for (String worker : RIGHT.keySet()) {
            for (int i = 1; i <= QUESTIONS; i++) {
                answer(worker, i);
            }
        }
        Path checkpoint = dir.resolve("ck.json");
        List<String> args = new ArrayList<>(List.of("train", "--pool", pool().toString(), "--bench", AdditionQuestions.write(dir, QUESTIONS).toString(),
                "--out", checkpoint.toString(), "--usd-per-correct", "1", "--iterations", "2", "--questions", "2", "--rollouts",
                "2", "--store", dir.resolve("baton.db").toString(), "--quiet"));
        int train = QUESTIONS - testQuestions();
        List<String> capped = new ArrayList<>(args);
        capped.addAll(List.of("--max-usd", "0.0001"));

        CliRun stopped = CliRun.withEnv(ENV, capped.toArray(String[]::new));

        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
        assertThat(stopped.err()).contains("recording 4 workers on the " + train + " train questions of questions: at most "
                + 4 * train + " calls", "the spending cap left " + 4 * train + " calls out, so nothing was trained");
        assertThat(checkpoint).doesNotExist();
        assertThat(server.getAllServeEvents()).isEmpty();

        CliRun trained = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("recorded 4 workers on the " + train + " train questions of questions into "
                + dir.resolve("ck.recording.jsonl"), "trained " + checkpoint + " on questions");
        assertThat(checkpoint).exists();
        assertThat(Files.readAllLines(dir.resolve("ck.recording.jsonl"))).hasSize(train);
        assertThat(server.getAllServeEvents()).hasSize(4 * train);

        CliRun again = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already complete");
        assertThat(server.getAllServeEvents()).as("nothing paid twice").hasSize(4 * train);
    }

    private static double trueAccuracy(String worker) {
        long right = java.util.stream.IntStream.rangeClosed(1, QUESTIONS).filter(RIGHT.get(worker)).count();
        return 100.0 * right / QUESTIONS;
    }

    /** Returns how many of the questions are in the test split of the benchmark "questions". */
    private int testQuestions() {
        return (int) java.util.stream.IntStream.rangeClosed(1, QUESTIONS)
                .filter(i -> dev.baton.task.Split.TEST.contains("questions", "q" + i)).count();
    }

    /** A recording of the four workers on the questions in which {@code best} is right on all of them, the others on none. */
    private Path recording(String best) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= QUESTIONS; i++) {
            StringBuilder responses = new StringBuilder();
            for (String worker : RIGHT.keySet()) {
                int said = worker.equals(best) ? 2 * i : 2 * i + 1;
                responses.append(responses.isEmpty() ? "" : ", ").append('"').append(worker)
                        .append("\": {\"tail\": \"The answer is ").append(said).append(".\", \"chars\": 17}");
            }
            lines.append("{\"id\": \"q").append(i).append("\", \"question\": \"What is ").append(i).append(" + ").append(i)
                    .append("?\", \"gold\": \"").append(2 * i).append("\", \"answer_type\": \"number\", \"responses\": {")
                    .append(responses).append("}}\n");
        }
        Path file = dir.resolve("my-pool.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    private Path pool() throws IOException {
        return pool(RIGHT.keySet().toArray(String[]::new));
    }

    private Path pool(String... workers) throws IOException {
        return LoopbackPoolFile.write(dir, server.getPort(), workers);
    }

    private static MappingBuilder model(String model) {
        return post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    private static MappingBuilder question(String worker, int i) {
        return model(worker).withRequestBody(containing("What is " + i + " + " + i + "?"));
    }

    /** The worker's fixed answer to question {@code i}: right when {@link #RIGHT} says so, else one too high. */
    private static String reply(String worker, int i) {
        return completion(worker, "The answer is " + (RIGHT.get(worker).test(i) ? 2 * i : 2 * i + 1) + ".");
    }

    private static void answer(String worker, int i) {
        server.stubFor(question(worker, i).willReturn(okJson(reply(worker, i))));
    }

    private static void answerAfterOneFailure(String worker, int i) {
        String scenario = worker + "-" + i;
        server.stubFor(question(worker, i).inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")
                        .withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        server.stubFor(question(worker, i).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson(reply(worker, i))));
    }

    private static String completion(String model, String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":10,"total_tokens":40}}
                """.formatted(model, JSON.valueToTree(content).toString());
    }
}
