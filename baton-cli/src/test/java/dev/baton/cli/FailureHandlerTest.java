package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.input.BadInputException;
import dev.baton.learn.train.CheckpointException;
import dev.baton.pricing.PriceTableException;
import dev.baton.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How the CLI reports failures: bad input, I/O failures and bugs each get their exit code and one line. */
class FailureHandlerTest {

    private static final String BUG = "this is a bug; please report it with --verbose output";

    @Test
    void badInputIsOneLineWithExitCodeTwoAndNoStackTrace() {
        CliRun run = failing(new PriceTableException("prices.tsv: line 3 (gpt-4o): prices must be non-negative numbers"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly("error: prices.tsv: line 3 (gpt-4o): prices must be non-negative numbers");
    }

    @Test
    void badInputFromARealCommandIsOneLineWithExitCodeTwo() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--workers", "o1-mini-2024-09-12,o1-mini-2024-09-12", "--conductor", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly("error: worker 'o1-mini-2024-09-12' is listed twice: "
                + "o1-mini-2024-09-12,o1-mini-2024-09-12");
    }

    @Test
    void aPlainIllegalArgumentExceptionIsABugNotBadInput() {
        CliRun run = failing(new IllegalArgumentException("maxCalls must be at least 1: 0"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).containsExactly(
                "internal error: IllegalArgumentException: maxCalls must be at least 1: 0 — " + BUG);
    }

    @Test
    void illegalStateAndNullPointerAreBugs() {
        CliRun state = failing(new IllegalStateException("accepted before anything ran"));
        CliRun npe = failing(new NullPointerException());

        assertThat(state.exitCode()).isEqualTo(1);
        assertThat(state.err()).contains("internal error: IllegalStateException: accepted before anything ran", BUG);
        assertThat(npe.exitCode()).isEqualTo(1);
        assertThat(npe.err().strip().lines()).singleElement().asString().startsWith("internal error: NullPointerException").endsWith(BUG);
    }

    @Test
    void inputOutputFailuresAreReportedPlainlyNotAsBugs() {
        for (Exception failure : new Exception[] {new IOException("runs/report.html: No space left on device"),
            new UncheckedIOException(new IOException("runs/report.html: No space left on device")),
            new StoreException("cannot open the store .baton/baton.db: it is locked")}) {
            CliRun run = failing(failure);

            assertThat(run.exitCode()).as(failure.toString()).isEqualTo(1);
            assertThat(run.err().strip().lines()).as(failure.toString()).singleElement().asString()
                    .startsWith("error: ").doesNotContain("bug");
        }
    }

    @Test
    void badInputInsideAWorkerPoolsWrappingIsStillBadInput() {
        CheckpointException bad = new CheckpointException("checkpoint ck.json is corrupt: missing 'shape'");
        CliRun run = failing(new IllegalStateException(new ExecutionException(bad)));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly("error: checkpoint ck.json is corrupt: missing 'shape'");
    }

    @Test
    void errorsAreOneLineWithExitCodeOneWhetherThrownOrWrapped() {
        for (Throwable failure : new Throwable[] {new StackOverflowError(), new IllegalStateException(new StackOverflowError()),
            new IllegalStateException(new ExecutionException(new StackOverflowError()))}) {
            CliRun run = failing(failure);

            assertThat(run.exitCode()).as(failure.toString()).isEqualTo(1);
            assertThat(run.err().strip().lines()).as(failure.toString()).containsExactly("internal error: StackOverflowError — " + BUG);
        }
        CliRun memory = failing(new OutOfMemoryError("Java heap space"));
        assertThat(memory.exitCode()).isEqualTo(1);
        assertThat(memory.err().strip().lines()).singleElement().asString().startsWith("error: out of memory (Java heap space)");
    }

    @Test
    void verboseShowsTheStackTraceWhetherGivenBeforeOrAfterTheCommand() {
        for (String[] args : new String[][] {{"-v", "fail"}, {"fail", "--verbose"}}) {
            CliRun run = failing(new BadInputException("unknown split 'dev'"), args);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: unknown split 'dev'").contains("\tat ");
        }
        assertThat(failing(new BadInputException("unknown split 'dev'")).err()).doesNotContain("\tat ");
    }

    /** Runs the CLI with an extra command {@code fail} that throws {@code failure}. */
    private static CliRun failing(Throwable failure, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = BatonCli.commandLine(outWriter, errWriter);
        cli.addSubcommand(new Failing(failure));
        // Streams reach only the subcommands present when they are set: set them again for the one just added.
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        int code = cli.execute(args.length == 0 ? new String[] {"fail"} : args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Command(name = "fail")
    private record Failing(Throwable failure) implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }
}
