package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** baton train and baton eval --conductor learned: end to end on a small recorded benchmark file. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path bench;
    private Path prices;
    private Path store;

    @BeforeEach
    void files() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append(String.format(
                    "{\"id\": \"q%d\", \"question\": \"How many apples are %d plus nothing?\", \"gold\": \"# %d\", \"answer_type\": \"number\", "
                            + "\"responses\": {\"good\": {\"tail\": \"The answer is %d.\", \"chars\": 40}, "
                            + "\"bad\": {\"tail\": \"The answer is %d.\", \"chars\": 40}}}%n",
                    i, i, i, i % 10 < 9 ? i : i + 1, i % 10 < 2 ? i : i + 7));
        }
        bench = dir.resolve("apples.jsonl");
        Files.writeString(bench, lines);
        prices = dir.resolve("prices.tsv");
        Files.writeString(prices, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\ngood\t1\t1\t\nbad\t1\t1\t\n");
        store = dir.resolve("store.db");
    }

    private CliRun train(String... extra) {
        return trainFor(12, extra);
    }

    private CliRun trainFor(int iterations, String... extra) {
        String[] base = {"train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
            "--out", dir.resolve("ck.json").toString(), "--iterations", Integer.toString(iterations), "--questions", "2", "--rollouts", "8",
            "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void onAMeasuredContextModelTheDefaultAlsoWeighsTheLastStepRuleUnlessARuleIsNamed() throws IOException {
        Path measured = Files.writeString(dir.resolve("fitted.yaml"), "workers:\n  good: {p_follow: 0.5, p_keep: 0.6, reviews: 10}\n");
        CliRun both = trainFor(4, "--context-model", measured.toString());
        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.out()).contains("over 6 settings", "lambda=1 last-step ", "lambda=10 last-step ", "lambda=1 max-calls 3 ")
                .containsPattern("chosen: lambda=[0-9]+");
        assertThat(dir.resolve("ck.json.lambda-1-last-step.json")).isNotEmptyFile();
        assertThat(dir.resolve("ck.json.lambda-10-last-step.json")).isNotEmptyFile();

        Files.delete(dir.resolve("ck.json"));
        CliRun named = trainFor(4, "--context-model", measured.toString(), "--answer-rule", "vote");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("over 4 settings").doesNotContain("last-step");
    }

    @Test
    void trainsWritesACheckpointAndACurveThenEvaluatesIt() throws IOException {
        CliRun run = train("--lambda", "10");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("12 iterations");
        assertThat(Files.readAllLines(dir.resolve("ck.json.curve.csv"))).hasSize(13).first().asString().startsWith("iteration,reward");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left behind").noneMatch(n -> n.endsWith(".tmp"));
        }

        CliRun again = train("--lambda", "10");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("ck.json is already complete (12 of 12 iterations): nothing was trained")
                .doesNotContain("trained " + dir.resolve("ck.json"));

        CliRun eval = CliRun.of("eval", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--split", "all", "--conductor", "learned:" + dir.resolve("ck.json"), "--conductor", "solo:good", "--quiet");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("learned:" + dir.resolve("ck.json"), "solo:good");
    }

    @Test
    void withoutACostKnobTheSettingIsChosenOnValidationAndTheKnobTrainsOneSetting() throws IOException {
        CliRun chosen = train();
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("validation questions of the train split", "lambda=1 ", "lambda=100 ",
                        "lambda=1 max-calls 3 ", "over 4 settings", "pool's best does not apply")
                .containsIgnoringCase("chosen: lambda=")
                .doesNotContain("on average"); // two workers: no random 4-worker pools to average over
        assertThat(dir.resolve("ck.json.lambda-100.json")).isNotEmptyFile();
        assertThat(dir.resolve("ck.json.lambda-1-max-calls-3.json")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("ck.json"))).contains("\"selection\":\"chosen on");

        Path cheap = dir.resolve("cheap.json");
        CliRun knob = CliRun.of("train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--out", cheap.toString(), "--iterations", "3", "--questions", "2", "--rollouts", "4", "--quiet",
                "--usd-per-correct", "0.25");
        assertThat(knob.exitCode()).as(knob.err()).isZero();
        assertThat(knob.out()).contains("(lambda=4)").doesNotContain("validation");
        assertThat(Files.readString(cheap)).doesNotContain("\"selection\"");

        CliRun both = train("--usd-per-correct", "0.1", "--lambda", "10");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give --usd-per-correct or --lambda, not both");
        CliRun zero = train("--usd-per-correct", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--usd-per-correct must be a positive, finite number of USD, got 0.0");
    }

    @Test
    void trainingInItsOwnProcessPrintsNothingButItsReport() throws IOException, InterruptedException {
        // In-process runs share this JVM's file descriptor 2, where native code (PyTorch, ONNX Runtime) writes
        // its warnings past System.err: only a separate process shows what a user's terminal would get.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, BatonCli.class.getName(),
                "train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--out", dir.resolve("alone.json").toString(), "--iterations", "2", "--questions", "2", "--rollouts", "4", "--quiet",
                "--lambda", "10")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the training process finished").isTrue();

        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        assertThat(Files.readString(stdout)).contains("2 iterations", "learning curve: ");
        assertThat(Files.readString(stderr)).isEmpty();
    }

    @Test
    void badTrainingInputIsAOneLineErrorWithExitCodeTwo() throws IOException {
        CliRun negative = train("--lambda", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("lambda must be a number from 0 to 1000000");

        CliRun tooManyRounds = train("--rounds", "9");
        assertThat(tooManyRounds.exitCode()).isEqualTo(2);
        assertThat(tooManyRounds.err()).contains("rounds 1..5");

        CliRun badRule = train("--answer-rule", "majority");
        assertThat(badRule.exitCode()).isEqualTo(2);
        assertThat(badRule.err()).contains("--answer-rule must be vote or last-step, got 'majority'");

        CliRun noDraws = train("--draws", "0");
        assertThat(noDraws.exitCode()).isEqualTo(2);
        assertThat(noDraws.err()).contains("draws must be from 1 to 100, got 0");

        CliRun tooManyQuestions = CliRun.of("train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--out", dir.resolve("big.json").toString(), "--questions", "500", "--quiet");
        assertThat(tooManyQuestions.exitCode()).isEqualTo(2);
        assertThat(tooManyQuestions.err().strip().lines()).singleElement().asString().contains("training needs at least 500 questions");

        CliRun missingRoles = train("--roles", dir.resolve("nope.yaml").toString());
        assertThat(missingRoles.exitCode()).isEqualTo(2);
        assertThat(missingRoles.err()).contains("roles file not found");

        Path roles = dir.resolve("roles.yaml");
        Files.writeString(roles, "roles: []\n");
        CliRun noRoles = train("--roles", roles.toString());
        assertThat(noRoles.exitCode()).isEqualTo(2);
        assertThat(noRoles.err()).contains("has no role templates");

        Files.writeString(dir.resolve("ck.json"), "{ not json");
        CliRun corrupt = train();
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.err()).contains("is corrupt");
    }

    @Test
    void evaluatingWithAWorkerTheCheckpointDoesNotKnowPlansWithoutItAndSaysSoOnce() throws IOException {
        assertThat(train("--workers", "good").exitCode()).isZero();

        CliRun eval = CliRun.of("eval", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--conductor", "learned:" + dir.resolve("ck.json"), "--quiet");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.err()).containsOnlyOnce("note: learned:" + dir.resolve("ck.json")
                + " plans over 1 of its 1 workers; new to it and left out of its plans: bad");

        CliRun missing = CliRun.of("eval", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--conductor", "learned:" + dir.resolve("nope.json"), "--quiet");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("checkpoint not found");
    }

    @Test
    void aResumedRunSaysSoAndCountsOnlyTheIterationsItRan() {
        assertThat(trainFor(6, "--lambda", "10").exitCode()).isZero();

        CliRun resumed = trainFor(12, "--lambda", "10"); // a longer target resumes the same run

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from iteration 6 of 12 (" + dir.resolve("ck.json") + ")",
                ": 6 iterations (7 to 12 of 12) in ").doesNotContain("12 iterations");
    }

    @Test
    void theAnswerRuleIsRecordedInTheCheckpointAndARunUnderTheOtherRuleIsAnotherRun() throws IOException {
        assertThat(trainFor(2, "--lambda", "10", "--answer-rule", "last-step").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("ck.json"))).contains("\"answerRule\":\"LAST_STEP\"");

        CliRun vote = train("--lambda", "10");

        assertThat(vote.exitCode()).isEqualTo(2);
        assertThat(vote.err()).contains("answer-rule last-step there, vote here");
    }

    @Test
    void anotherRunsCheckpointNamesTheSettingsThatDiffer() {
        assertThat(trainFor(2, "--lambda", "10").exitCode()).isZero();

        CliRun other = train("--lambda", "1", "--seed", "3");

        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("holds another run (different training settings: lambda 10 there, 1 here; seed 0 there, 3 here)");
    }

    @Test
    void anInterruptedRunKeepsItsCheckpointSaysWhereAndResumesThere() throws IOException, InterruptedException {
        // A real process, stopped the way Ctrl-C stops it: the JVM's shutdown, which runs the hooks (destroy() sends SIGTERM,
        // which the JVM handles as it does SIGINT).
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path checkpoint = dir.resolve("long.json");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        String[] args = {"train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
            "--out", checkpoint.toString(), "--iterations", "1000000", "--checkpoint-every", "50", "--questions", "2",
            "--rollouts", "4", "--quiet", "--lambda", "10"};
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                BatonCli.class.getName()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // Wait until training runs (the curve file does not exist before), by watching the iterations go by in the
        // periodic checkpoint written every 50.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!Files.exists(checkpoint) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(checkpoint).as(Files.readString(stderr)).exists();
        process.destroy();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the process stopped").isTrue();

        String err = Files.readString(stderr);
        java.util.regex.Matcher kept = java.util.regex.Pattern
                .compile("interrupted: checkpoint kept at iteration (\\d+) of 1000000; rerun the same command to resume").matcher(err);
        assertThat(kept.find()).as(err).isTrue();
        int iteration = Integer.parseInt(kept.group(1));
        assertThat(iteration).isGreaterThanOrEqualTo(50);
        assertThat(dev.baton.learn.train.CheckpointFile.read(checkpoint).iteration()).as("what the message says was saved").isEqualTo(iteration);

        String[] resume = java.util.Arrays.copyOf(args, args.length);
        resume[java.util.Arrays.asList(args).indexOf("1000000")] = Integer.toString(iteration + 2);
        CliRun resumed = CliRun.of(resume);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from iteration " + iteration + " of " + (iteration + 2),
                ": 2 iterations (" + (iteration + 1) + " to " + (iteration + 2) + " of " + (iteration + 2) + ")");
    }
}
