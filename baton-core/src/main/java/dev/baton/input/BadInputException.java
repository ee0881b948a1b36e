package dev.baton.input;

/**
 * Thrown when what a user gave Baton cannot be used: a malformed file, an unknown name, a setting out of
 * range. The message is written for that user: it names the file, line, flag or value at fault and, where
 * it can, says what would be accepted. The CLI prints it as one line and exits with code 2.
 *
 * <p>Each kind of input has its subtype beside the code that reads it ({@code PriceTableException},
 * {@code BenchmarkFormatException}, {@code CheckpointException}, ...). A mistake in Baton's own code is not
 * bad input: it stays an {@link IllegalArgumentException} or {@link IllegalStateException}, which the CLI
 * reports as a bug.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
