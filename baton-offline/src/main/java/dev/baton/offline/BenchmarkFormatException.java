package dev.baton.offline;

/** Thrown when a benchmark file is missing or does not follow the recorded-replies JSONL schema. */
public final class BenchmarkFormatException extends IllegalArgumentException {

    public BenchmarkFormatException(String message) {
        super(message);
    }

    public BenchmarkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
