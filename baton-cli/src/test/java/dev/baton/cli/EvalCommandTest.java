package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpExplainsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "eval", "Exit codes");

        CliRun eval = CliRun.of("eval", "--help");
        assertThat(eval.out()).contains("--bench", "--split", "--conductor", "--json", "--prices", "vote:top<k>",
                "95% bootstrap interval");
        // Help texts are format strings: a stray % makes picocli print them raw, "%n" and all.
        for (String command : new String[] {"eval", "train", "demo", "ask", "record", "pool", "workflow"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).doesNotContain("%n").contains("Usage:");
        }
    }

    @Test
    void evaluatesABenchmarkFileAndWritesJson() throws IOException {
        Path bench = toyBenchmark();
        Path json = dir.resolve("out/report.json");

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--prices", prices().toString(),
                "--split", "all", "--conductor", "solo:all", "--conductor", "vote:a,b,c", "--json", json.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("solo:a", "solo:c", "vote:a,b,c", "tokens are estimated as characters / 4");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("benchmark").asText()).isEqualTo("toy");
        assertThat(report.get("pool").asText()).isEqualTo("replay");
        assertThat(report.get("split").asText()).isEqualTo("all");
        assertThat(report.get("rows")).hasSize(4);
        JsonNode soloC = report.get("rows").get(2);
        assertThat(soloC.get("conductor").asText()).isEqualTo("solo:c");
        assertThat(soloC.get("accuracy").asDouble()).isEqualTo(100.0);
        assertThat(soloC.get("n").asInt()).isEqualTo(10);
    }

    @Test
    void evaluatesTheBuiltInBenchmarkOffline() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--split", "test", "--conductor", "best-solo", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("gsm8k, test split, replay pool", "best-solo (");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown benchmark     | eval --bench gsm9k --conductor random                      | unknown benchmark 'gsm9k'",
        "unknown conductor     | eval --bench gsm8k --conductor majority                    | unknown conductor 'majority'",
        "unknown worker        | eval --bench gsm8k --conductor solo:gpt-7                  | unknown worker 'gpt-7'",
        "bad split             | eval --bench gsm8k --split dev --conductor random          | unknown split 'dev'",
        "bad answer type       | eval --bench gsm8k --answer-type float --conductor random  | unknown answer type 'float'",
        "unknown pool          | eval --bench gsm8k --pool cloud --conductor random         | unknown pool 'cloud'",
        "missing price file    | eval --bench gsm8k --prices /nope.tsv --conductor random   | price table not found",
        "missing context model | eval --bench gsm8k --context-model /nope.yaml --conductor random | context model file not found",
        "worker listed twice   | eval --bench gsm8k --workers gpt-4o-2024-05-13,gpt-4o-2024-05-13 --conductor random | is listed twice",
        "top k too large       | eval --bench gsm8k --conductor vote:top9                   | at most 5 steps",
        "top k beyond an int   | eval --bench gsm8k --conductor vote:top99999999999         | k must be between 1 and",
    })
    void badInputGivesOneLineAndExitCodeTwo(String name, String args, String message) {
        CliRun run = CliRun.of(args.strip().split("\\s+"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void malformedBenchmarkFileNamesTheLine() throws IOException {
        Path bench = dir.resolve("broken.jsonl");
        Files.writeString(bench, "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\"}\n{oops\n");

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--conductor", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.jsonl line 2: not valid JSON");
    }

    @Test
    void aNumberGoldThatIsNoFiniteNumberIsBadInputNamingTheLine() throws IOException {
        Path bench = dir.resolve("damaged.jsonl");
        Files.writeString(bench, "{\"id\": \"q1\", \"question\": \"1+1?\", \"gold\": \"2\"}\n"
                + "{\"id\": \"q2\", \"question\": \"2+2?\", \"gold\": \"NaN\"}\n");

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--conductor", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: " + bench + " line 2: field \"gold\" is no number answer");
    }

    @Test
    void priceTableWithoutARecordedWorkerIsAClearError() throws IOException {
        Path prices = dir.resolve("prices.tsv");
        Files.writeString(prices, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\t1\t1\t\n");

        CliRun run = CliRun.of("eval", "--bench", toyBenchmark().toString(), "--answer-type", "number",
                "--prices", prices.toString(), "--conductor", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("worker 'b' has no price in " + prices);
    }

    @Test
    void aRecordingIsPricedByThePriceTableRecordWroteBesideItAndSaysSo() throws IOException {
        Path bench = toyBenchmark();
        Path beside = dir.resolve("toy.prices.tsv");

        CliRun missing = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--conductor", "random",
                "--quiet");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("worker 'a' has no price in data/prices.tsv", beside.toString(), "--prices");

        Files.copy(prices(), beside);
        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--split", "all",
                "--conductor", "solo:c", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("prices from " + beside);
        assertThat(run.out()).contains("solo:c");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = CliRun.of("eval", "--bench", "gsm9k", "--conductor", "random", "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.of("eval", "--conductor", "random");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--bench");
    }

    /** Ten questions; worker a always wrong, b right on even questions, c always right. */
    private Path toyBenchmark() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append(String.format(
                    "{\"id\": \"q%d\", \"question\": \"What is %d?\", \"gold\": \"# %d\", \"responses\": {"
                            + "\"a\": {\"tail\": \"The answer is %d.\", \"chars\": 40}, "
                            + "\"b\": {\"tail\": \"{\\\"answer\\\": %d}\", \"chars\": 80}, "
                            + "\"c\": {\"tail\": \"\\\\boxed{%d}\", \"chars\": 120}}}%n",
                    i, i, i, i + 100, i % 2 == 0 ? i : i + 1, i));
        }
        Path file = dir.resolve("toy.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    private Path prices() throws IOException {
        Path file = dir.resolve("toy-prices.tsv");
        Files.writeString(file, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\t0.1\t0.1\t\nb\t1\t1\t\nc\t5\t15\t\n");
        return file;
    }
}
