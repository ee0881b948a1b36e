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
        CommandLine cli = new CommandLine(new BatonCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli.execute(args);
    }
}
