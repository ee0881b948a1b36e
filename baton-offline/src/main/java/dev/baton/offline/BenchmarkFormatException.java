package dev.baton.offline;

import dev.baton.input.BadInputException;

/** Thrown when a benchmark file is missing or does not follow the recorded-replies JSONL schema. */
public final class BenchmarkFormatException extends BadInputException {

    public BenchmarkFormatException(String message) {
        super(message);
    }

    public BenchmarkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
