package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline demo end to end on the real recordings: no key, no network. */
class DemoCommandTest {

    @Test
    void baselinesOnlyDemoComparesEveryBaselineOnBothBenchmarks(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("demo.json");

        CliRun run = CliRun.of("demo", "--baselines-only", "--quiet", "--json", json.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("gsm8k, test split", "math-l5, test split", "best-solo (", "vote:top3", "moa:top3",
                "random", "oracle", "solo:o1-mini-2024-09-12");
        JsonNode reports = new ObjectMapper().readTree(json.toFile());
        assertThat(reports).hasSize(2);
        for (JsonNode report : reports) {
            assertThat(report.get("rows")).hasSize(28 + DemoCommand.BASELINES.size() - 1);
            JsonNode oracle = report.get("rows").get(report.get("rows").size() - 1);
            JsonNode best = report.get("rows").get(28);
            // The oracle is the ceiling of every single-worker row.
            assertThat(oracle.get("accuracy").asDouble()).isGreaterThanOrEqualTo(best.get("accuracy").asDouble());
        }
    }
}
