package dev.baton.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A real store file damaged as a failing disk or a bad copy damages one: a store holding a few hundred traces, then
 * one page in the middle of the file overwritten with garbage. Its first page (the schema) is whole, so it opens;
 * what is damaged shows when its traces are read, or when it is checked. Shared with other modules' tests.
 */
public final class DamagedStoreFile {

    /** The traces written before the damage. */
    public static final int TRACES = 300;

    private DamagedStoreFile() {
    }

    /** Writes a store of {@link #TRACES} traces ({@code trace-0} …) at {@code file}, then damages it. */
    public static Path write(Path file) {
        try (Store store = Store.open(file)) {
            for (int i = 0; i < TRACES; i++) {
                store.traces().put(new StoredTrace("trace-" + i, Instant.ofEpochMilli(1_000L * i), "best-solo",
                        "Question " + i + " " + "x".repeat(1_000), Optional.of("42"), 1, 0.001, Duration.ofMillis(5),
                        "{\"calls\": 1}"));
            }
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long pageSize = 4096;
            long middlePage = raw.length() / pageSize / 2;
            byte[] garbage = new byte[(int) pageSize];
            Arrays.fill(garbage, (byte) 0x5A);
            raw.seek(middlePage * pageSize);
            raw.write(garbage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
