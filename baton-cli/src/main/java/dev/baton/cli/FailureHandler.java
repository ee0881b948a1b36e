package dev.baton.cli;

import dev.baton.input.BadInputException;
import dev.baton.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on standard error and an exit code:
 *
 * <ul>
 *   <li>{@link BadInputException}, the family of every "malformed file / unknown name / setting out of range"
 *       error: its message, exit code 2;</li>
 *   <li>a failure to read or write a file or the store: its message, exit code 1;</li>
 *   <li>an {@link OutOfMemoryError}: said so, exit code 1; any other {@link Error} (such as a
 *       {@code StackOverflowError}), wrapped or not, is a bug: said so in one line, exit code 1;</li>
 *   <li>anything else is a bug in Baton (an {@code IllegalStateException}, a plain
 *       {@code IllegalArgumentException}, a {@code NullPointerException}, ...): said so, exit code 1.</li>
 * </ul>
 *
 * Picocli's own usage errors (unknown option, missing or malformed flag value) never get here: picocli prints
 * them with the usage help and exits with code 2 itself. The stack trace is shown only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    private final BooleanSupplier verbose;

    /** Creates the handler; {@code verbose} says whether {@code --verbose} was given. */
    FailureHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable cause = explainingCause(failure);
        int code;
        String line;
        if (cause instanceof OutOfMemoryError) {
            code = FAILURE;
            line = "error: out of memory (" + firstLine(cause) + "); give Java more with JAVA_OPTS=-Xmx..., or use smaller inputs";
        } else if (cause instanceof Error) {
            code = FAILURE;
            line = "internal error: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause))
                    + " — this is a bug; please report it with --verbose output";
        } else if (cause instanceof BadInputException) {
            code = BAD_INPUT;
            line = "error: " + firstLine(cause);
        } else if (isInputOutput(cause)) {
            code = FAILURE;
            line = "error: " + firstLine(cause);
        } else {
            code = FAILURE;
            line = "internal error: " + cause.getClass().getSimpleName() + ": " + firstLine(cause)
                    + " — this is a bug; please report it with --verbose output";
        }
        err.println(command.getColorScheme().errorText(line));
        if (verbose.getAsBoolean()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Returns the failure that says what went wrong. Worker pools wrap a task's failure (in an
     * {@code ExecutionException}, then an {@code IllegalStateException}); a bad input or I/O failure inside is
     * still that, so the cause chain is searched for one. Otherwise the outermost failure is the bug to report.
     */
    private static Throwable explainingCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error) {
                return t; // whatever wraps it, the Error is what went wrong
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadInputException || isInputOutput(t)) {
                return t;
            }
        }
        return failure;
    }

    private static boolean isInputOutput(Throwable failure) {
        return failure instanceof IOException || failure instanceof UncheckedIOException || failure instanceof StoreException;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure instanceof BadInputException ? failure.getClass().getSimpleName() : "(no message)";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
