package dev.baton.cli;

import dev.baton.input.BadInputException;
import dev.baton.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds {@code <out>.lock} while a run writes {@code <out>}, so that two runs on one output refuse each other
 * instead of both reporting success while one's result is silently lost. Acquiring it also proves, before any
 * work, that the output's directory is writable and the output is a file that may be replaced.
 *
 * <p>The lock is the operating system's lock on the open file, not the file's existence, so a {@code .lock} file left
 * behind is harmless and is not deleted: deleting it would let a run that opened the old file and one that creates a new
 * one both believe they hold the lock.
 */
final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code out} for this training run.
     *
     * @throws BadInputException when another run holds it, or it cannot be written
     */
    static OutputLock acquire(Path out) throws IOException {
        return acquire(out, "training run", "train");
    }

    /**
     * Locks {@code out} for this run; {@code run} names what holds it ("training run") and {@code verb} what the user
     * would do into another file ("train"), for the refusal.
     *
     * @throws BadInputException when another run holds it, or it cannot be written
     */
    static OutputLock acquire(Path out, String run, String verb) throws IOException {
        Path target = AtomicFiles.target(out);
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        FileChannel channel;
        try {
            Files.createDirectories(target.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + out + ": " + reason(e));
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new BadInputException(held(out, lockFile, run, verb));
            }
            return new OutputLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new BadInputException(held(out, lockFile, run, verb));
        } catch (RuntimeException | IOException e) {
            channel.close();
            throw e;
        }
    }

    private static String held(Path out, Path lockFile, String run, String verb) {
        return "another " + run + " holds " + out + " (" + lockFile + "): wait for it or " + verb + " into another file";
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileAlreadyExistsException ? e.getMessage() + " exists and is not a directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied on " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
