package dev.baton.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into a one-line message and an exit code: 2 for bad input (an {@link IllegalArgumentException},
 * which every "malformed file / unknown name" error of Baton is), 1 for anything else. The stack trace is shown
 * only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        boolean verbose = parsed.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        command.getErr().println(command.getColorScheme().errorText("error: " + message.lines().findFirst().orElse("")));
        if (verbose) {
            failure.printStackTrace(command.getErr());
        } else if (!(failure instanceof IllegalArgumentException)) {
            command.getErr().println("(run again with --verbose for the stack trace)");
        }
        command.getErr().flush();
        return failure instanceof IllegalArgumentException ? BAD_INPUT : FAILURE;
    }
}
