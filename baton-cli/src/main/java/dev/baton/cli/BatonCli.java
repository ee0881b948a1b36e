package dev.baton.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of the {@code baton} command. */
public final class BatonCli {

    private BatonCli() {
    }

    public static void main(String[] args) {
        System.exit(run(System.in, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and an empty standard input, and returns the exit code; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /** Runs the CLI with the given streams, {@code in} as its standard input, and returns the exit code. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(in, System.getenv(), out, err, args);
    }

    /**
     * Runs the CLI with {@code in} as its standard input and {@code env} as the environment API keys are read from,
     * and returns the exit code.
     */
    public static int run(InputStream in, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err);
        BatonCommand root = (BatonCommand) cli.getCommand();
        root.in = in;
        root.env = Map.copyOf(env);
        return cli.execute(args);
    }

    /** Returns the {@code baton} command line, writing to the given streams and mapping failures to exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        BatonCommand root = new BatonCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler(root::verbose));
        cli.setParameterExceptionHandler(BatonCli::usageError);
        everyCommand(cli, command -> command.getCommandSpec().versionProvider(new VersionProvider()));
        ConductorSpecHelp.addTo(cli);
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

    /** Applies {@code action} to a command and, recursively, to all its subcommands. */
    private static void everyCommand(CommandLine command, java.util.function.Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /**
     * Reports a usage error (a missing, unknown or malformed option) as the error, any "did you mean" suggestion and one
     * line pointing at the help, instead of the whole usage text burying the error: exit code 2.
     */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("error: " + error.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
