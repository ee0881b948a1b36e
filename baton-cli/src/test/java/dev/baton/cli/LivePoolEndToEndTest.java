package dev.baton.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} and {@code record} end to end through the CLI, against an OpenAI-compatible server on loopback that
 * speaks the real wire format: three workers and an LM conductor ("planner"), all served by it. Every output of every
 * run is searched for the API key at the end: it must appear nowhere.
 */
class LivePoolEndToEndTest {

    private static final String KEY = "sk-baton-test-" + Long.toHexString(System.nanoTime());
    private static final Map<String, String> ENV = Map.of("BATON_TEST_KEY", KEY);
    private static final String QUESTION = "What is 6 * 7?";
    private static final String ACCEPT = "model_id = []\nsubtasks = []\naccess_list = []";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An OpenAI-compatible provider on loopback, reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort().asynchronousResponseEnabled(true)).build();

    @TempDir
    Path dir;

    private final List<String> outputs = new ArrayList<>();

    @AfterEach
    void theKeyAppearsInNoOutput() {
        assertThat(outputs).isNotEmpty().allSatisfy(output -> assertThat(output).doesNotContain(KEY));
    }

    @Test
    void anLmConductorPlansTwoRoundsThenTheSameQuestionIsAnsweredWhollyFromTheCache() throws IOException {
        planner(STARTED, "r2", "Two attempts first.\nmodel_id = [0, 1]\nsubtasks = [\"Solve it.\", \"Solve it another way.\"]\n"
                + "access_list = [[], []]");
        planner("r2", "r3", "They disagree; a third model checks.\nmodel_id = [2]\n"
                + "subtasks = [\"Check both answers above and give the final one.\"]\naccess_list = [[\"all\"]]");
        planner("r3", "r3", ACCEPT);
        solver("solver-a", "The answer is 41.");
        solver("solver-b", "The answer is 42.");
        solver("solver-c", "Both considered: the answer is 42.");
        Path pool = pool("solver-a", "solver-b", "solver-c", "planner"); // Model 0..2 are the solvers

        CliRun first = ask(pool, "--conductor", "lm:planner");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Both considered: the answer is 42.").contains("2 rounds, 6 calls");
        assertThat(first.out().lines().filter(line -> line.matches("p\\d\\.\\d .*"))).hasSize(3);
        assertThat(first.out()).contains("  p1.1 planned 2 steps", "  p3.1 accepted");
        assertThat(server.getAllServeEvents()).hasSize(6);

        CliRun again = ask(pool, "--conductor", "lm:planner", "--trace", "json");

        assertThat(again.exitCode()).isZero();
        assertThat(server.getAllServeEvents()).as("no provider call the second time").hasSize(6);
        JsonNode trace = JSON.readTree(again.out());
        assertThat(trace.get("answer").asText()).isEqualTo("Both considered: the answer is 42.");
        assertThat(trace.get("cost_usd").asDouble()).isZero();
        for (String part : new String[] {"planning", "steps"}) {
            assertThat(trace.get(part)).isNotEmpty().allSatisfy(call -> assertThat(call.get("cached").asBoolean()).isTrue());
        }
    }

    @Test
    void aReplyThatFailsToParseIsRepairedOnceAndOneThatNeverParsesFallsBack() throws IOException {
        planner(STARTED, "repair", "model_id = [1\nsubtasks = [\"Solve it.\"");
        planner("repair", "done", "Sorry.\nmodel_id = [1]\nsubtasks = [\"Solve it.\"]\naccess_list = [[]]");
        planner("done", "done", ACCEPT);
        solver("solver-a", "The answer is 41.");
        solver("solver-b", "The answer is 42.");
        Path pool = pool("solver-a", "solver-b", "planner");

        CliRun repaired = ask(pool, "--conductor", "lm:planner", "--trace", "json");

        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        JsonNode trace = JSON.readTree(repaired.out());
        assertThat(trace.get("answer").asText()).isEqualTo("The answer is 42.");
        assertThat(trace.get("planning").get(0).get("subtask").asText()).contains("unreadable", "repair");

        server.resetAll();
        planner(STARTED, STARTED, "I would rather answer myself: 42.");
        solver("solver-a", "The answer is 41.");
        solver("solver-b", "The answer is 42.");

        CliRun fallback = ask(pool, "--conductor", "lm:planner", "--no-cache", "--trace", "json");

        assertThat(fallback.exitCode()).as(fallback.err()).isZero();
        JsonNode fell = JSON.readTree(fallback.out());
        assertThat(fell.get("answer").asText()).isEqualTo("The answer is 41.");
        assertThat(fell.get("steps").get(0).get("worker").asText()).isEqualTo("solver-a");
        assertThat(fell.get("planning").toString()).contains("fallback");
    }

    @Test
    void aProviderThatEchoesTheKeyBackNeverGetsItIntoAnyOutputEvenVerbose() throws IOException {
        server.stubFor(model("solver-a").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));
        solver("solver-b", "The answer is 42.");
        Path pool = pool("solver-a", "solver-b");

        CliRun json = ask(pool, "--conductor", "vote:solver-a,solver-b", "--no-cache", "--trace", "json", "--verbose");
        CliRun text = ask(pool, "--conductor", "solo:solver-a", "--no-cache", "--verbose");
        CliRun check = run(CliRun.withEnv(ENV, "pool", "check", pool.toString(), "--ping", "--verbose"));

        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"error_kind\" : \"authentication\"");
        assertThat(text.out()).contains("failed (authentication");
        assertThat(check.out() + check.err()).contains("solver-a");
        // theKeyAppearsInNoOutput checks all of them after the test.
    }

    @Test
    void aWorkerThatIsDownIsLeftOutAndItsCircuitOpens() throws IOException {
        solver("solver-a", "The answer is 42.");
        solver("solver-b", "The answer is 42.");
        server.stubFor(model("solver-c").willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));
        Path pool = pool("solver-a", "solver-b", "solver-c");

        CliRun vote = ask(pool, "--conductor", "vote:solver-a,solver-b,solver-c", "--no-cache");

        assertThat(vote.exitCode()).as(vote.err()).isZero();
        assertThat(vote.out()).startsWith("The answer is 42.").contains("failed (server_error, 3 attempts)");

        Path questions = AdditionQuestions.write(dir, 8);
        CliRun record = run(CliRun.withEnv(ENV, "record", "--pool", pool.toString(), "--bench", questions.toString(),
                "--out", dir.resolve("rec.jsonl").toString(), "--store", dir.resolve("baton.db").toString(), "--parallel", "1",
                "--quiet"));

        assertThat(record.exitCode()).as(record.err()).isZero();
        assertThat(record.out()).contains("16 answered", "8 failed");
        int callsToTheDeadOne = server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("solver-c")))).size();
        assertThat(callsToTheDeadOne).as("the open circuit spares the dead provider").isLessThan(3 + 8 * 3);
    }

    @Test
    void aRecordingKilledMidwayResumesWithoutPayingTwiceThenTrainsAConductorForThePool() throws Exception {
        for (int i = 1; i <= 8; i++) {
            int right = 2 * i;
            solver("solver-a", "What is " + i + " + " + i, "The answer is " + right + ".", 150);
            solver("solver-b", "What is " + i + " + " + i, "The answer is " + (i % 2 == 0 ? right : right + 1) + ".", 150);
            solver("solver-c", "What is " + i + " + " + i, "The answer is " + (right + 5) + ".", 150);
        }
        Path pool = pool("solver-a", "solver-b", "solver-c");
        Path questions = AdditionQuestions.write(dir, 8);
        Path recording = dir.resolve("my-pool.jsonl");
        List<String> args = List.of("record", "--pool", pool.toString(), "--bench", questions.toString(), "--out",
                recording.toString(), "--store", dir.resolve("baton.db").toString(), "--parallel", "1", "--quiet");

        Process killed = launch(args);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.getAllServeEvents().size() < 6 && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        killed.destroy(); // by the handle we started it with, as Ctrl-C would end it
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        outputs.add(Files.readString(dir.resolve("killed.log"), StandardCharsets.UTF_8));
        int beforeResume = server.getAllServeEvents().size();
        assertThat(beforeResume).isBetween(6, 23);
        assertThat(recording).doesNotExist();

        CliRun resumed = run(CliRun.withEnv(ENV, args.toArray(String[]::new)));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("24 answered");
        // Every call was paid once; the one in flight when the process died may have been served and lost.
        assertThat(server.getAllServeEvents().size()).isBetween(24, 25);
        assertThat(Files.readAllLines(recording)).hasSize(8);

        Path checkpoint = dir.resolve("ckpt.json");
        CliRun train = run(CliRun.withEnv(ENV, "train", "--bench", recording.toString(), "--prices",
                dir.resolve("my-pool.prices.tsv").toString(), "--out", checkpoint.toString(),
                "--iterations", "3", "--questions", "2", "--rollouts", "4", "--store", dir.resolve("baton.db").toString(),
                "--quiet"));
        assertThat(train.exitCode()).as(train.err()).isZero();

        CliRun learned = run(CliRun.withEnv(ENV, "ask", "What is 3 + 3?", "--pool", pool.toString(), "--conductor",
                "learned:" + checkpoint, "--answer-type", "number", "--store", dir.resolve("baton.db").toString()));
        assertThat(learned.exitCode()).as(learned.err()).isZero();
        assertThat(learned.out()).contains("trace: learned:").containsPattern("The answer is \\d+\\.");

        // The pool changes: a worker joins and solver-c is retired. The checkpoint plans over the two it knows, and
        // says so once; a pool with none of its workers is refused before anything is served.
        solver("solver-d", "What is 3 + 3", "The answer is 6.", 150);
        CliRun changed = run(CliRun.withEnv(ENV, "ask", "What is 3 + 3?", "--pool", pool("solver-a", "solver-b", "solver-d")
                .toString(), "--conductor", "learned:" + checkpoint, "--answer-type", "number", "--store",
                dir.resolve("baton.db").toString()));
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.err()).containsOnlyOnce("note: learned:" + checkpoint + " plans over 2 of its 3 workers; not in "
                + "the pool: solver-c; new to it and left out of its plans: solver-d");
        assertThat(changed.out()).doesNotContain("solver-d").doesNotContain("solver-c");
        CliRun stranger = run(CliRun.withEnv(ENV, "serve", "--port", "0", "--pool", pool("solver-d").toString(),
                "--conductor", "learned:" + checkpoint, "--store", dir.resolve("baton.db").toString()));
        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("none of this checkpoint's workers (solver-a, solver-b, solver-c) is in the pool "
                + "(solver-d)").doesNotContain("\tat ");
    }

    private CliRun ask(Path pool, String... more) {
        List<String> args = new ArrayList<>(List.of("ask", QUESTION, "--pool", pool.toString(), "--answer-type", "number",
                "--store", dir.resolve("baton.db").toString()));
        args.addAll(List.of(more));
        return run(CliRun.withEnv(ENV, args.toArray(String[]::new)));
    }

    private CliRun run(CliRun run) {
        outputs.add(run.out());
        outputs.add(run.err());
        return run;
    }

    /** Runs the CLI in a process of its own, with the key in its environment. */
    private Process launch(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), BatonCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile());
        builder.environment().putAll(ENV);
        return builder.start();
    }

    private Path pool(String... workers) throws IOException {
        return LoopbackPoolFile.write(dir, server.getPort(), workers);
    }

    private static MappingBuilder model(String model) {
        return post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    private static void solver(String model, String reply) {
        server.stubFor(model(model).willReturn(okJson(completion(model, reply))));
    }

    private static void solver(String model, String questionPart, String reply, int delayMillis) {
        server.stubFor(model(model).withRequestBody(containing(questionPart))
                .willReturn(okJson(completion(model, reply)).withFixedDelay(delayMillis)));
    }

    private static void planner(String state, String next, String reply) {
        server.stubFor(model("planner").inScenario("planner").whenScenarioStateIs(state).willSetStateTo(next)
                .willReturn(okJson(completion("planner", reply))));
    }

    private static String completion(String model, String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":10,"total_tokens":40}}
                """.formatted(model, JSON.valueToTree(content).toString());
    }
}
