package dev.baton.providers;

import dev.baton.input.BadInputException;
import java.nio.file.Path;

/**
 * Thrown when a pool file cannot be used: malformed YAML, an unknown or duplicate field, a value of the wrong
 * type or out of range, a repeated worker id, an unknown provider, benchmark or recorded model, or an API key
 * variable that is not set. The message starts {@code file:line: field:}, for example
 * {@code pool.yaml:7: workers[0].price.input: must not be negative, got -1}.
 */
public final class PoolFileException extends BadInputException {

    PoolFileException(String message) {
        super(message);
    }

    static PoolFileException at(Path file, int line, String field, String problem) {
        return new PoolFileException(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
