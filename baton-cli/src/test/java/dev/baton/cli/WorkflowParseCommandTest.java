package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowParseCommandTest {

    private static final String GOOD = """
            I'll have Model 2 plan and Model 0 implement.
            ```python
            model_id = [2, 0]
            subtasks = ["Develop an algorithm", "Implement it in Python"]
            access_list = [[], ["all"]]
            ```
            """;

    @Test
    void printsTheWorkflowAsJsonWithDefaultModelNames() {
        CliRun run = CliRun.withInput(GOOD, "workflow", "parse");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"steps\":[{\"worker\":\"model-2\",\"subtask\":\"Develop an algorithm\","
                + "\"access\":\"none\"},{\"worker\":\"model-0\",\"subtask\":\"Implement it in Python\",\"access\":\"all\"}]}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void namesTheModelsAsToldAndReadsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("reply.txt"), GOOD);

        CliRun run = CliRun.of("workflow", "parse", "--models", "gpt-4o,claude,gemini", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"worker\":\"gemini\"", "\"worker\":\"gpt-4o\"");
    }

    @Test
    void printsTheRepairsOnStandardError() {
        String text = "model_id = [1, 0]\nsubtasks = [“Plan it” “Do it”]\naccess_list = [[], [\"all\"]";

        CliRun run = CliRun.withInput(text, "workflow", "parse", "--workers", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"worker\":\"model-1\",\"subtask\":\"Plan it\"", "\"subtask\":\"Do it\"");
        assertThat(run.err().strip().lines()).containsExactly(
                "repaired: replaced typographic quotes with plain ones (2 strings, first at 2:13)",
                "repaired: inserted a missing comma at 2:22",
                "repaired: closed an unclosed bracket at the end (3:27)");
    }

    @Test
    void printsAnAcceptAsNoSteps() {
        CliRun run = CliRun.withInput("model_id = []\nsubtasks = []\naccess_list = []", "workflow", "parse");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"steps\":[]}");
    }

    @Test
    void badTextIsOneLocatedLineWithExitCodeTwo() {
        CliRun run = CliRun.withInput("model_id = [0, 1]\nsubtasks = [\"a\", \"b]\naccess_list = [[], []]", "workflow", "parse");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).containsExactly(
                "error: subtasks[1]: unterminated string: the \" that opens it is never closed (at 2:18)");
    }

    @Test
    void aModelBeyondTheGivenPoolIsBadInput() {
        CliRun run = CliRun.withInput(GOOD, "workflow", "parse", "--workers", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString()
                .contains("model_id[0]: model 2 does not exist; this pool has models 0..1");
    }

    @Test
    void badPoolFlagsAreBadInput() {
        assertThat(CliRun.withInput(GOOD, "workflow", "parse", "--workers", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.withInput(GOOD, "workflow", "parse", "--models", "a,a").err()).contains("listed twice");
        assertThat(CliRun.withInput(GOOD, "workflow", "parse", "--workers", "2", "--models", "a,b").exitCode()).isEqualTo(2);
    }

    @Test
    void helpExplainsInputOutputAndExitCodes() {
        CliRun run = CliRun.of("workflow", "parse", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("standard input", "--workers", "--models", "repaired:", "exit code 2");
    }
}
