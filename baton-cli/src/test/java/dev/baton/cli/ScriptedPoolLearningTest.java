package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.ContextModel;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayPool;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop on a scripted pool where the truth is known: record with reviews, {@code context fit}, then replay and train.
 * Checking pays on carry questions only (the checker fixes 70% of wrong answers there), and only a context model that
 * measured the checker can show it: the assumed model never gives an answer no step gave. The checker is priced like the
 * strong solver: at a twentieth of its price a check cost a twentieth of a question's bill, too little for any cost
 * penalty of the default sweep to tell checking a times question (no gain) from not, and within the 10% by which the
 * accuracy-first rule counts costs as the same.
 */
class ScriptedPoolLearningTest {

    private static final Map<String, String> ENV = Map.of(LoopbackPoolFile.KEY_VARIABLE, "sk-scripted");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static ScriptedPool pool;
    private static Path poolFile;
    private static Path questions;
    private static Path recording;
    private static Path fitted;
    /** What each {@link #train} run printed, by name: the settings it trained and the one it chose. */
    private static final Map<String, String> trained = new LinkedHashMap<>();

    @BeforeAll
    static void recordAndFit() throws Exception {
        ScriptedQuestions scripted = ScriptedQuestions.generate(600, 7);
        pool = ScriptedPool.start(scripted, List.of(new ScriptedWorker.Solver("strong", 0.8, 20),
                new ScriptedWorker.Solver("cheap", 0.6, 0.5),
                new ScriptedWorker.Checker("checker", 0.3, 20, ScriptedQuestions.CARRY, new ScriptedWorker.Quota(0.7)),
                new ScriptedWorker.Follower("follower", 0.55, 0.5, new ScriptedWorker.Quota(0.9), new ScriptedWorker.Quota(0.8))));
        poolFile = pool.poolFile(dir);
        // The same file name as the recording's: the same benchmark name, so the same train/test split.
        questions = scripted.write(dir.resolve("questions"), "scripted");
        recording = dir.resolve("scripted.jsonl");
        CliRun record = CliRun.withEnv(ENV, "record", "--pool", poolFile.toString(), "--bench", questions.toString(), "--out",
                recording.toString(), "--reviews", "2", "--store", store(), "--quiet");
        assertThat(record.exitCode()).as(record.err()).isZero();
        fitted = dir.resolve("fitted.yaml");
        CliRun fit = CliRun.of("context", "fit", recording.toString(), "--out", fitted.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void onTheFittedModelSolvingThenCheckingPaysOnCarryQuestionsOnlyOfflineAndOnTheAssumedOneItNeverDoes() throws Exception {
        RecordedBenchmark bench = Benchmarks.load(recording.toString(), Optional.empty());
        ContextModel measured = OfflineConfig.contextModel(fitted);
        ContextModel assumed = OfflineConfig.contextModel(null);
        Workflow alone = Workflow.of(Step.independent("strong", "Solve."));
        Workflow checked = Workflow.of(Step.independent("strong", "Solve."), Step.seeingAll("checker", "Check."));

        double carryAlone = replayedAccuracy(bench, measured, alone, ScriptedQuestions.CARRY);
        double carryChecked = replayedAccuracy(bench, measured, checked, ScriptedQuestions.CARRY);
        double carryCheckedAssumed = replayedAccuracy(bench, assumed, checked, ScriptedQuestions.CARRY);
        double timesAlone = replayedAccuracy(bench, measured, alone, ScriptedQuestions.TIMES);
        double timesChecked = replayedAccuracy(bench, measured, checked, ScriptedQuestions.TIMES);

        System.out.printf("replayed, carry questions: strong %.3f, strong then checker %.3f (fitted), %.3f (assumed)%n", carryAlone,
                carryChecked, carryCheckedAssumed);
        assertThat(carryChecked).as("the fitted checker corrects 70%% of wrong carry answers").isGreaterThanOrEqualTo(carryAlone + 0.05);
        assertThat(carryCheckedAssumed).as("the assumed model never gives an answer no step gave").isLessThan(carryAlone);
        System.out.printf("replayed, times questions: strong %.3f, strong then checker %.3f (fitted)%n", timesAlone, timesChecked);
        assertThat(timesChecked).as("on times questions the checker only defers, as measured there: checking gains nothing")
                .isLessThanOrEqualTo(timesAlone);
    }

    /**
     * The default {@code train} chooses on validation (no cost knob given), trained on the fitted context model, checks the
     * strong solver's answer on carry questions, where that pays, and answers times questions with one call, and beats
     * best-solo, {@code vote:top3} and {@code best-cascade} by 3 points or more live. Trained on the assumed model it cannot
     * learn that checking pays (its replay never gives an answer no step gave): no 3-point gain, and, with a follower that
     * adopts wrong majorities in the pool, no loss to best-solo either.
     */
    @Test
    void learnedByDefaultOnTheFittedModelItChecksWhereThatPaysAndBeatsTheBaselinesLiveAndOnTheAssumedModelItDoesNot() throws Exception {
        Path measured = train("measured", "--context-model", fitted.toString());
        Path assumed = train("assumed");

        Map<String, Double> accuracy = evalLive("learned:" + measured, "learned:" + assumed, "best-solo", "vote:top3", "best-cascade");
        double carryChecked = checkedShare(measured, ScriptedQuestions.CARRY);
        double timesChecked = checkedShare(measured, ScriptedQuestions.TIMES);
        System.out.printf("share of test questions the checker saw: carry %.3f, times %.3f%n", carryChecked, timesChecked);

        assertThat(accuracy.get("learned:" + measured)).as(accuracy.toString())
                .isGreaterThanOrEqualTo(accuracy.get("best-solo") + 3)
                .isGreaterThanOrEqualTo(accuracy.get("vote:top3") + 3)
                .isGreaterThanOrEqualTo(accuracy.get("best-cascade") + 3);
        assertThat(accuracy.get("learned:" + assumed)).as(accuracy.toString())
                .isGreaterThanOrEqualTo(accuracy.get("best-solo"))
                .isLessThan(accuracy.get("best-solo") + 3);

        assertThat(carryChecked).as("checking pays on carry questions").isGreaterThanOrEqualTo(0.8);
        assertThat(timesChecked).as("and on times questions it does not").isLessThanOrEqualTo(0.2);

        // The measured sweep adds lambda 1 and 10 under last-step; the assumed one is today's four settings, labels unchanged.
        assertThat(trained.get("measured")).contains("over 6 settings", "lambda=1 last-step", "lambda=10 last-step")
                .containsPattern("chosen: lambda=[0-9.]+ last-step");
        assertThat(trained.get("assumed")).contains("over 4 settings", "lambda=1 max-calls 3", "lambda=100")
                .doesNotContain("last-step");
    }

    /**
     * Returns the share of the test questions of {@code category} on which the learned conductor, live, asked the checker:
     * the questions of that category alone, under the same benchmark name (so the same split), evaluated on their own.
     */
    private static double checkedShare(Path checkpoint, String category) throws Exception {
        String name = recording.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path only = Files.createDirectories(dir.resolve("only-" + category)).resolve(name + ".jsonl");
        Files.write(only, Files.readAllLines(questions).stream().filter(line -> line.contains("\"category\": \"" + category + "\""))
                .toList());
        JsonNode row = evalLiveRows(only, "learned:" + checkpoint).getFirst();
        assertThat(row.path("n").asInt()).as(category + " test questions").isGreaterThanOrEqualTo(50);
        return row.path("worker_calls").path("checker").asInt() / (double) row.path("n").asInt();
    }

    private static double replayedAccuracy(RecordedBenchmark bench, ContextModel model, Workflow workflow, String category)
            throws java.io.IOException {
        PriceTable prices;
        try (var reader = Files.newBufferedReader(recording.resolveSibling("scripted.prices.tsv"))) {
            prices = PriceTable.read("scripted.prices.tsv", reader);
        }
        Pool replay = ReplayPool.create(bench, prices, model);
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        Grader grader = Graders.forType(AnswerType.NUMBER);
        List<Task> tasks = bench.tasks().stream().filter(task -> category.equals(task.metadata().get("category"))).toList();
        long right = tasks.stream().filter(task -> grader.grade(executor.run(workflow, task, replay, Budget.unlimited()).finalText()
                .orElse(""), task).correct()).count();
        return right / (double) tasks.size();
    }

    /**
     * Trains as {@code train} does by default: no cost knob and no answer rule (its accuracy-first choice on the train
     * split's validation part), the default scale and workflow limits. On the fitted model the sweep also offers the
     * {@code last-step} rule: the default vote weighs each step by how often its worker is right alone, so a checker right
     * 30% of the time alone never overturns the strong solver under it, whatever the context model says.
     */
    private static Path train(String name, String... more) {
        Path out = dir.resolve(name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("train", "--bench", recording.toString(), "--out", out.toString(),
                "--store", store(), "--quiet"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println(name + ": " + run.out());
        trained.put(name, run.out());
        return out;
    }

    private static Map<String, Double> evalLive(String... conductors) throws Exception {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (JsonNode row : evalLiveRows(questions, conductors)) {
            // "best-solo (strong)": the row names the worker it chose; keyed by the spec
            accuracy.put(row.path("conductor").asText().split(" \\(")[0], row.path("accuracy").asDouble());
        }
        return accuracy;
    }

    /** Evaluates {@code conductors} live on the test split of {@code bench}, returning the JSON rows in order. */
    private static List<JsonNode> evalLiveRows(Path bench, String... conductors) throws Exception {
        Path json = dir.resolve("eval.json");
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--pool", poolFile.toString(), "--bench", bench.toString(),
                "--recording", recording.toString(), "--store", store(), "--json", json.toString(), "--quiet"));
        for (String conductor : conductors) {
            args.addAll(List.of("--conductor", conductor));
        }
        CliRun run = CliRun.withEnv(ENV, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println(run.out());
        return rows(JSON.readTree(Files.readString(json)));
    }

    private static List<JsonNode> rows(JsonNode node) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        if (node.has("conductor") && node.has("accuracy")) {
            rows.add(node);
        }
        node.forEach(child -> rows.addAll(rows(child)));
        return rows;
    }

    private static String store() {
        return dir.resolve("baton.db").toString();
    }
}
