package dev.baton.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code baton} command. */
public final class BatonCli {

    private BatonCli() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** Returns the {@code baton} command line, writing to the given streams and mapping failures to exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        BatonCommand root = new BatonCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler(root::verbose));
        // Picocli hands only Exceptions to the handler and lets an Error escape with its stack trace: wrap it,
        // so a StackOverflowError or OutOfMemoryError is reported as one line too.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            try {
                return runLast.execute(parsed);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(cli, e.toString(), e);
            }
        });
        return cli;
    }
}
