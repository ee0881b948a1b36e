package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.ConductorSpecForm;
import dev.baton.offline.Benchmarks;
import dev.baton.server.ServerLimits;
import dev.baton.worker.Price;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a new user meets first: versions, help texts, usage errors and spec errors. */
class CliHelpTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "train", "eval", "ask", "record", "serve", "pool", "pool check", "workflow", "workflow parse"})
    void everyCommandPrintsTheVersion(String command) {
        String[] args = (command + " --version").strip().split(" ");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("baton ");
    }

    @Test
    void theSynopsisShowsNoRegexAndTheSpecListIsOneFormALineWithinTheHelpWidth() {
        String help = CliRun.of("eval", "--help").out();

        assertThat(help).doesNotContain("\\s+");
        // The synopsis may wrap between the two, so compare with line breaks folded into spaces.
        assertThat(help.replaceAll("\\s+", " ")).contains("--conductor=SPEC [--conductor=SPEC]...");
        String section = help.substring(help.indexOf("Conductor specs (--conductor):"));
        section = section.substring(0, section.indexOf("\n\n"));
        assertThat(section.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        for (ConductorSpecForm form : ConductorSpecForm.ALL) {
            // Each form starts its own line, its meaning beside it.
            assertThat(section).as(form.form()).containsPattern("\n  " + java.util.regex.Pattern.quote(form.form()) + " +\\w");
        }
        for (String command : new String[] {"ask", "serve"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).contains("Conductor specs (--conductor):", "learned:<FILE>");
        }
    }

    @Test
    void theTopLevelHelpPromisesOnlyWhatTheDemoMeasures() {
        String help = CliRun.of("--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("as good or better answers at lower cost", "shows you when it does not")
                .doesNotContainPattern("better answers[^.]* than any");
    }

    @Test
    void aMissingRequiredOptionIsTheErrorAndOneLinePointingAtTheHelp() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: Missing required option: '--conductor=SPEC'",
                "Try 'baton eval --help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "random", "--splt", "test");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unknown options: '--splt', 'test'", "--split", "Try 'baton eval --help'")
                .doesNotContain("Usage:");
    }

    @Test
    void anUnknownConductorListsEverySpecFormLearnedIncluded() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "best-sol", "--quiet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown conductor 'best-sol': use one of", "learned:<FILE>", "lm:<worker>", "moa:top<k>");
    }

    @Test
    void aFolderGivenAsCheckpointIsSaidToBeAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("run"));

        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "learned:" + folder, "--quiet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(folder + " is a folder; a checkpoint file is expected").doesNotContain("not found");
    }

    @Test
    void theReadmeAndDemoHelpGiveTheSameDemoTime() throws IOException {
        java.util.regex.Pattern time = java.util.regex.Pattern.compile("A few minutes on a 2-core laptop \\([^)]*\\)");
        String help = CliRun.of("demo", "--help").out().replaceAll("\\s+", " ");
        String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");

        java.util.regex.Matcher inHelp = time.matcher(help);
        java.util.regex.Matcher inReadme = time.matcher(readme);
        assertThat(inHelp.find()).as(help).isTrue();
        assertThat(inReadme.find()).isTrue();
        assertThat(inHelp.group()).isEqualTo(inReadme.group());
    }

    @Test
    void theTopLevelHelpGivesTheReplayPoolsModelCountOnEachBenchmark() {
        String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
        int zeroEval = Benchmarks.load("gsm8k", Optional.empty()).models().size();
        int mmluPro = Benchmarks.load("mmlu-pro", Optional.empty()).models().size();

        assertThat(zeroEval).isNotEqualTo(mmluPro);
        assertThat(help).contains(zeroEval + " real models' recorded replies on GSM8K and MATH level 5, " + mmluPro + " on MMLU-Pro");
    }

    @Test
    void theDemoHelpGivesItsMeasuredTimeWithAUnit() {
        String help = CliRun.of("demo", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).containsPattern("A few minutes on a 2-core laptop \\([0-9.]+ min measured");
    }

    @Test
    void everyBenchOptionThatListsTheShippedBenchmarksListsThemAll() {
        List<String> checked = new ArrayList<>();
        everyCommand(BatonCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), command -> {
            CommandLine.Model.OptionSpec bench = command.getCommandSpec().findOption("--bench");
            String description = bench == null ? "" : String.join(" ", bench.description());
            if (description.contains("gsm8k,")) {
                checked.add(command.getCommandSpec().qualifiedName());
                assertThat(description).as(command.getCommandSpec().qualifiedName()).contains(Benchmarks.builtIn());
            }
        });
        assertThat(checked).contains("baton rollouts export", "baton eval");
    }

    @Test
    void everySubcommandsSummaryInItsParentsHelpIsAWholeSentence() {
        everyCommand(BatonCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), command -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            if (command.getParent() != null && description.length > 0) {
                String summary = description[0];
                assertThat(summary).as(command.getCommandSpec().qualifiedName()).endsWith(".");
                assertThat(summary.chars().filter(c -> c == '(').count()).as(summary)
                        .isEqualTo(summary.chars().filter(c -> c == ')').count());
            }
        });
        assertThat(CliRun.of("pool", "--help").out().replaceAll("\\s+", " "))
                .contains("check Validate a pool file and print its workers");
    }

    @Test
    void serveHelpShowsTheServersDefaultLimitsAndAskHelpShowsNone() {
        dev.baton.execute.Budget limits = ServerLimits.defaults().budget();
        String serve = CliRun.of("serve", "--help").out().replaceAll("\\s+", " ");
        String ask = CliRun.of("ask", "--help").out().replaceAll("\\s+", " ");

        assertThat(serve).contains("all rounds together. Default: " + limits.maxCalls() + ".",
                "worst case fits. Default: " + Price.listed(limits.maxCostUsd()) + ".",
                "planning calls together. Default: " + limits.deadline().toSeconds() + ".",
                "holds only a virtual thread). Default: " + ServerLimits.defaults().maxConcurrent() + ".");
        assertThat(ask).contains("all rounds together.", "worst case fits.", "planning calls together.")
                .doesNotContainPattern("(together|fits)\\. Default").doesNotContain("null");
    }

    private static void everyCommand(CommandLine command, java.util.function.Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }
}
