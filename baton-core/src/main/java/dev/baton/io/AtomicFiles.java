package dev.baton.io;

import dev.baton.input.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so a reader (or a run that crashed mid-write) sees the old file or the whole new one, never
 * half of it: reports, checkpoints and JSON outputs all go through here.
 *
 * <p>A symbolic link is written through: its target gets the new content and the link stays a link (moving a
 * file over the link itself would leave the real target stale). An existing target that is not a regular file
 * (a directory, a device, a pipe) is refused rather than replaced.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the text as UTF-8 to a temporary file beside the target, then moves it over the target. */
    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the bytes to a temporary file beside the target, then moves it over the target.
     *
     * @throws BadInputException when the target (after following links) exists and is not a regular file
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path absolute = target(file);
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // Beside the target, so the move stays within one file system and can be atomic.
        // A named file rather than createTempFile, whose owner-only permissions would carry over to the report.
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Returns the file a write to {@code file} should replace: the file itself, or the end of its chain of
     * links (which may not exist yet).
     *
     * @throws BadInputException when that exists and is not a regular file
     */
    public static Path target(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
            if (hops == 40) {
                throw new BadInputException(file + " is a loop of symbolic links");
            }
            target = target.resolveSibling(Files.readSymbolicLink(target)).toAbsolutePath().normalize();
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new BadInputException(file + (target.equals(file.toAbsolutePath()) ? "" : " (" + target + ")")
                    + " exists and is not a regular file: refusing to replace it");
        }
        return target;
    }
}
