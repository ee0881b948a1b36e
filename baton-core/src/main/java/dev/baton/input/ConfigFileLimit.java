package dev.baton.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The size limit of the configuration files people write by hand: pool files, context models, roles files.
 *
 * <p>Such a file holds a few KB. One of megabytes is the wrong file or an attack, and costs a YAML parser dearly: one
 * long quoted value of 50 MB kept SnakeYAML busy for minutes and 1.8 GB. So every reader of these files refuses one
 * over the limit by its size, before parsing ({@link #exceededBy}), and gives its parser the same limit
 * ({@link #MAX_CHARS}) for input whose size is not known ahead, such as a pipe. Readers throw their own
 * {@link BadInputException} subtype with the message this class writes, so a user sees one kind of line:
 *
 * <pre>{@code
 * ConfigFileLimit.exceededBy(file, "pool file").ifPresent(why -> { throw new PoolFileException(why); });
 * }</pre>
 */
public final class ConfigFileLimit {

    /** The most bytes a configuration file may hold, and the most characters its parser reads: 1 MB. */
    public static final int MAX_CHARS = 1 << 20;

    private ConfigFileLimit() {
    }

    /**
     * Returns why {@code file} is too large to be a {@code kind} (such as "pool file"), or empty when it is small enough.
     *
     * @throws IOException when the file's size cannot be read ({@link java.nio.file.NoSuchFileException} when it is missing)
     */
    public static Optional<String> exceededBy(Path file, String kind) throws IOException {
        long bytes = Files.size(file);
        if (bytes <= MAX_CHARS) {
            return Optional.empty();
        }
        return Optional.of(file + " is " + String.format(Locale.ROOT, "%.1f", bytes / (double) (1 << 20)) + " MB: "
                + limit(kind));
    }

    /** Returns the message for input found over the limit while it was read: {@code source} and what is allowed. */
    public static String exceededWhileReading(String source, String kind) {
        return source + " holds more than " + MAX_CHARS + " characters: " + limit(kind);
    }

    private static String limit(String kind) {
        return "a " + kind + " is at most 1 MB; is this the right file?";
    }
}
