package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.store.Store;
import dev.baton.store.StoreFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record}'s money and its store, through the CLI, against a loopback provider that bills every call it
 * receives ({@link BillingStub}): the cap holds over runs killed and started again, a store that cannot be written stops
 * the recording before it pays for more, and two runs never record into one output at once.
 */
class RecordCommandTest {

    private static final String KEY_VARIABLE = "BATON_TEST_KEY";
    private static final Map<String, String> ENV = Map.of(KEY_VARIABLE, "sk-record-test");

    @TempDir
    Path dir;

    private BillingStub stub;
    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void stop() {
        launched.forEach(Process::destroyForcibly);
        if (stub != null) {
            stub.close();
        }
    }

    /** The cap's promise, measured by what the provider billed: it holds however often the recording is killed. */
    @Test
    void aRecordingKilledAndStartedAgainAnyNumberOfTimesNeverSpendsMoreThanItsCap() throws Exception {
        stub = BillingStub.start(Duration.ofMillis(150));
        double cap = 11.5 * BillingStub.USD_PER_CALL; // 24 calls wanted; room for fewer than half
        List<String> args = args(stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-b"), AdditionQuestions.write(dir, 12), "--parallel", "2",
                "--max-total-usd", Double.toString(cap));

        for (int kill = 0; kill < 3; kill++) {
            Process run = launch(args);
            stub.awaitCalls(stub.calls() + 3, run);
            run.destroyForcibly(); // as a power cut or kill -9 ends it: no shutdown hook, calls in flight lost
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        CliRun last = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(stub.calls()).as("calls billed").isPositive();
        assertThat(stub.billedUsd()).as("billed over four runs").isLessThanOrEqualTo(cap);
        assertThat(last.out()).containsPattern("recording " + Pattern.quote(dir.resolve("rec.jsonl").toString())
                + ": \\$0\\.\\d+ spent of \\$" + Pattern.quote(RecordCommand.usd(cap).substring(1)) + " earlier");
        // What earlier runs paid for is recorded from the cache, free, however little of the cap is left.
        Matcher cached = Pattern.compile("(\\d+) answered \\((\\d+) from cache\\)").matcher(last.out());
        assertThat(cached.find()).as(last.out()).isTrue();
        assertThat(Integer.parseInt(cached.group(2))).isPositive();
    }

    @Test
    void aRunSaysWhatTheRecordingSpentEarlierAndWhatIsLeft() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path pool = stub.pool(dir, KEY_VARIABLE, "solver-a");
        Path questions = AdditionQuestions.write(dir, 4);
        double cap = 10 * BillingStub.USD_PER_CALL;

        CliRun first = CliRun.withEnv(ENV, args(pool, questions, "--limit", "2", "--max-total-usd", Double.toString(cap))
                .toArray(String[]::new));
        CliRun second = CliRun.withEnv(ENV, args(pool, questions, "--max-total-usd", Double.toString(cap)).toArray(String[]::new));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("recording " + dir.resolve("rec.jsonl") + ": $0.00 spent of " + RecordCommand.usd(cap)
                + " earlier; " + RecordCommand.usd(cap) + " left\n");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("recording " + dir.resolve("rec.jsonl") + ": " + RecordCommand.usd(2 * BillingStub.USD_PER_CALL)
                + " spent of " + RecordCommand.usd(cap) + " earlier; " + RecordCommand.usd(8 * BillingStub.USD_PER_CALL) + " left\n");
        assertThat(stub.calls()).isEqualTo(4);
    }

    @Test
    void aSecondRunIntoTheSameRecordingIsRefusedWhileTheFirstRuns() throws Exception {
        stub = BillingStub.start(Duration.ofMillis(300));
        List<String> args = args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 6), "--parallel", "1");
        Process first = launch(args);
        stub.awaitCalls(1, first);

        CliRun second = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(first.isAlive()).as("the first run is still recording").isTrue();
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err().strip()).isEqualTo("error: another recording holds " + dir.resolve("rec.jsonl") + " ("
                + dir.resolve("rec.jsonl.lock") + "): wait for it or record into another file");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(dir.resolve("launched.log"))).isZero();
        assertThat(stub.calls()).as("every call paid once").isEqualTo(6);
    }

    @Test
    void aStoreThatCannotBeWrittenStopsTheRecordingBeforeItPaysForAnything() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path store = dir.resolve("baton.db");
        Store.open(store).close();
        StoreFaults.refuseAllWrites(store);

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 3)).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: the store cannot be written (" + store.toAbsolutePath() + ": ")
                .contains(StoreFaults.READ_ONLY).endsWith("record keeps its replies and what it spends there, so it paid for "
                        + "nothing; fix the store, or record with --no-cache");
        assertThat(stub.calls()).isZero();
    }

    @Test
    void aCacheThatStopsKeepingRepliesStopsTheRecordingAfterTheCallsInFlight() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path store = dir.resolve("baton.db");
        Store.open(store).close();
        StoreFaults.refuseWrites(store, "response_cache"); // as a disk that fills after the recording started

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 8), "--parallel", "1")
                .toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: the store cannot be written (" + store.toAbsolutePath() + ": ")
                .contains(StoreFaults.READ_ONLY).endsWith("the recording stopped and paid for nothing more (7 calls left out); "
                        + "fix the store, or record with --no-cache");
        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void withNoCacheAStoreThatCannotBeWrittenDoesNotStopTheRecording() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path store = dir.resolve("baton.db");
        Store.open(store).close();
        StoreFaults.refuseAllWrites(store);

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 3), "--no-cache")
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 answered (0 from cache)");
        assertThat(stub.calls()).isEqualTo(3);
    }

    @Test
    @Timeout(120)
    void aCallOutOfTimeFailsAndTheRecordingGoesOn() throws Exception {
        stub = BillingStub.start(Duration.ofMinutes(10));

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 2), "--timeout", "0.5")
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 answered (0 from cache), 2 failed");
    }

    @Test
    void theOldNameOfTheCapStillWorksAndSaysItsNewName() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path pool = stub.pool(dir, KEY_VARIABLE, "solver-a");

        CliRun old = CliRun.withEnv(ENV, args(pool, AdditionQuestions.write(dir, 3), "--max-usd", Double.toString(1.5 * BillingStub.USD_PER_CALL))
                .toArray(String[]::new));
        CliRun both = CliRun.withEnv(ENV, args(pool, AdditionQuestions.write(dir, 3), "--max-usd", "1", "--max-total-usd", "1").toArray(String[]::new));
        CliRun help = CliRun.of("record", "--help");

        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(old.err()).contains("warning: record's --max-usd is now --max-total-usd");
        assertThat(old.out()).contains("1 answered", "2 skipped");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--max-usd is the old name of --max-total-usd: give one of them");
        assertThat(help.out()).contains("--max-total-usd=USD", "--timeout=SECONDS").doesNotContain("--max-usd=");
    }

    @Test
    void failedCallsAreNamedPerWorkerByKindSayingWhichARerunWillNotFix() throws Exception {
        stub = BillingStub.start(Duration.ZERO).refusing("solver-b", 503).refusing("solver-c", 404);

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-b", "solver-c"), AdditionQuestions.write(dir, 2))
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 answered (0 from cache), 4 failed",
                "4 calls failed and are left out of the recording:\n"
                        + "  solver-b: 2 failed: server_error 2 (a rerun retries them)\n"
                        + "  solver-c: 2 failed: not_found 2 (permanent: a rerun will not fix them)\n"
                        + "run the same command again to retry those a rerun retries (answered calls come from the cache at no cost)\n")
                .doesNotContain("run again to retry them");
    }

    @Test
    void callsThatAllFailedPermanentlyAreNotOfferedARerun() throws Exception {
        stub = BillingStub.start(Duration.ZERO).refusing("solver-c", 404);

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-c"), AdditionQuestions.write(dir, 3))
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  solver-c: 3 failed: not_found 3 (permanent: a rerun will not fix them)\n"
                + "running again will not fix them: check the pool file (model names, keys) and the provider\n");
    }

    @Test
    void jsonHoldsWhatTheRecordingDidPerWorkerAndKind() throws Exception {
        stub = BillingStub.start(Duration.ZERO).refusing("solver-c", 404);
        Path json = dir.resolve("out/summary.json");

        CliRun run = CliRun.withEnv(ENV, args(stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-c"), AdditionQuestions.write(dir, 3), "--json",
                json.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.path("questions").asInt()).isEqualTo(3);
        assertThat(summary.path("calls").asInt()).isEqualTo(6);
        assertThat(summary.path("answered").asInt()).isEqualTo(3);
        assertThat(summary.path("cached").asInt()).isZero();
        assertThat(summary.path("failed").asInt()).isEqualTo(3);
        assertThat(summary.path("permanently_failed").asInt()).isEqualTo(3);
        assertThat(summary.path("skipped").asInt()).isZero();
        assertThat(summary.path("cost_usd").asDouble()).isCloseTo(3 * BillingStub.USD_PER_CALL, within(1e-9));
        assertThat(summary.path("recording_spent_usd").asDouble()).isCloseTo(stub.billedUsd(), within(1e-9));
        assertThat(summary.path("interrupted").asBoolean()).isFalse();
        assertThat(summary.path("failures").path("solver-c").path("by_kind").path("not_found").asInt()).isEqualTo(3);
        assertThat(summary.path("failures").path("solver-c").path("permanent").asInt()).isEqualTo(3);
        assertThat(summary.path("failures").has("solver-a")).isFalse();
    }

    @Test
    void recordOffersTheFlagsThatDoSomethingAndNotTheTableWidth() {
        CliRun help = CliRun.of("record", "--help");

        assertThat(help.out()).contains("--json=FILE", "-q, --quiet").doesNotContain("--width");
        assertThat(CliRun.of("record", "--width", "80", "--pool", "p.yaml", "--bench", "gsm8k", "--out", "x.jsonl").err())
                .contains("Unknown options: '--width'");
    }

    @Test
    void aRecordingNamedGzIsGzipAndEvalReadsIt() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        Path recording = dir.resolve("x.jsonl.gz");
        List<String> args = new ArrayList<>(args(stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-b"), AdditionQuestions.write(dir, 4)));
        args.set(args.indexOf("--out") + 1, recording.toString());

        CliRun record = CliRun.withEnv(ENV, args.toArray(String[]::new));
        CliRun eval = CliRun.of("eval", "--bench", recording.toString(), "--split", "all", "--conductor", "solo:solver-a",
                "--store", dir.resolve("baton.db").toString(), "--quiet");

        assertThat(record.exitCode()).as(record.err()).isZero();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(recording))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("\"solver-a\"", "\"solver-b\""));
        }
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("solo:solver-a");
    }

    @Test
    void anInterruptedRecordingSaysHowFarItGotAndResumes() throws Exception {
        stub = BillingStub.start(Duration.ofMillis(300));
        List<String> args = args(stub.pool(dir, KEY_VARIABLE, "solver-a"), AdditionQuestions.write(dir, 8), "--parallel", "1");
        Process run = launch(args);
        stub.awaitCalls(2, run);

        run.destroy(); // SIGTERM, which the JVM handles as Ctrl-C's SIGINT: the shutdown hooks run
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String log = Files.readString(dir.resolve("launched.log"));
        Matcher interrupted = Pattern.compile("interrupted: (\\d+) of 8 answered; run the same command again to resume").matcher(log);
        assertThat(interrupted.find()).as(log).isTrue();
        int answered = Integer.parseInt(interrupted.group(1));
        assertThat(answered).isBetween(1, 7);
        // 128 + the signal's number: 130 for Ctrl-C's SIGINT, 143 for destroy()'s SIGTERM.
        assertThat(run.exitValue()).isEqualTo(143);
        assertThat(dir.resolve("rec.jsonl")).doesNotExist();

        CliRun resumed = CliRun.withEnv(ENV, args.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("8 answered (" + answered + " from cache)");
        assertThat(stub.calls()).as("what was answered before is not paid again").isEqualTo(8);
    }

    private List<String> args(Path pool, Path questions, String... more) {
        List<String> args = new ArrayList<>(List.of("record", "--pool", pool.toString(), "--bench", questions.toString(), "--out",
                dir.resolve("rec.jsonl").toString(), "--store", dir.resolve("baton.db").toString(), "--quiet"));
        args.addAll(List.of(more));
        return args;
    }

    /** Runs the CLI in a process of its own, which the test may kill as a user would. */
    private Process launch(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), BatonCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("launched.log").toFile()));
        builder.environment().putAll(ENV);
        Process process = builder.start();
        launched.add(process);
        return process;
    }

}
