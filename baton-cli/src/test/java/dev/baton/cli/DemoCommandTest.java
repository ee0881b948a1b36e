package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.eval.study.BenchmarkStudy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline demo end to end on the real recordings: no key, no network. */
class DemoCommandTest {

    @Test
    void baselinesOnlyDemoComparesEveryBaselineOnEveryBuiltInBenchmark(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("demo.json");

        CliRun run = CliRun.of("demo", "--baselines-only", "--quiet", "--json", json.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("gsm8k, test split", "math-l5, test split", "mmlu-pro, test split", "best-solo (",
                "vote:top3", "moa:top3", "best-cascade (", "random", "oracle", "solo:o1-mini-2024-09-12", "solo:gemini-1.5-pro-002");
        JsonNode reports = new ObjectMapper().readTree(json.toFile());
        assertThat(reports).hasSize(3);
        int[] workers = {28, 28, 13};
        for (int b = 0; b < 3; b++) {
            JsonNode report = reports.get(b);
            assertThat(report.get("rows")).hasSize(workers[b] + BenchmarkStudy.BASELINES.size() - 1);
            JsonNode oracle = report.get("rows").get(report.get("rows").size() - 1);
            JsonNode best = report.get("rows").get(workers[b]);
            // The oracle is the ceiling of every single-worker row.
            assertThat(oracle.get("accuracy").asDouble()).isGreaterThanOrEqualTo(best.get("accuracy").asDouble());
        }
    }

    @Test
    void fullDemoTrainsEvaluatesAndWritesTheReport(@TempDir Path dir) throws IOException {
        // Tiny training so the test stays quick. A fresh store each run: a store left by an earlier run (or an older
        // build) would let this test pass on cached embeddings that the code under test no longer computes. MMLU-Pro,
        // the largest, is left to .ci/run's full demo.
        CliRun run = CliRun.of("demo", "--quiet", "--out", dir.toString(), "--store", dir.resolve("store.db").toString(),
                "--bench", "gsm8k,math-l5", "--iterations", "2", "--questions", "2", "--rollouts", "4",
                "--width", "0"); // unwrapped: names and findings whole

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("learned (default: lambda=", "chosen on validation)", "learned (lambda=10)",
                "learned: untrained policy", "learned: shuffled-reward control", "learned: routing alone", "learned (lambda=1)",
                "learned (lambda=100)", "without o1-mini-2024-09-12", "trained without it) without o1-mini-2024-09-12",
                "any pool: Over 20 random 4-worker pools", "The training objective (accuracy - lambda x cost",
                "gsm8k, choice of the default: Chosen on", "validation questions of the train split", "gsm8k, default on test:",
                "gsm8k, context model:", "seeds of the chosen setting", " vs best single worker: ", "report: ");
        // The context model's caveat is said once for the run, not once per benchmark.
        assertThat(run.out().split("never invents a new answer", -1)).hasSize(2);
        for (String file : new String[] {"report.html", "report.md", "report.json"}) {
            assertThat(dir.resolve(file)).isNotEmptyFile();
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains("<div class=\"chart\" data-chart=", "model_id = [",
                "<h3>Findings</h3>", "<td>learning rate</td><td>0.001</td>").doesNotContain("TrainingConfig[");
        assertThat(dir.resolve("gsm8k/default.json")).isNotEmptyFile();
        assertThat(java.nio.file.Files.readString(dir.resolve("gsm8k/default.json"))).contains("\"selection\":\"chosen on");
    }

    @Test
    void aBenchmarkTheDemoDoesNotHaveIsRefusedBeforeAnyWork() {
        CliRun run = CliRun.of("demo", "--baselines-only", "--quiet", "--bench", "gsm8k,mine.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'mine.jsonl' is not one of gsm8k, math-l5, mmlu-pro").doesNotContain("| conductor");
        assertThat(run.out()).doesNotContain("gsm8k, test split");
    }
}
