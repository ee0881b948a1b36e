package dev.baton.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or a plain {@code kill}) into a clean stop: a shutdown hook asks the work to stop, then holds the
 * JVM's exit until the command has saved what it can and said so, and has {@linkplain #close() closed} this.
 *
 * <p>The JVM runs shutdown hooks and then halts, whatever the main thread is doing; without this a run killed while
 * training lost the iterations since the last periodic checkpoint and left "^C" on the progress bar's line.
 */
final class StopOnInterrupt implements AutoCloseable {

    /** How long the hook waits for the work to stop; an iteration normally takes well under a second. */
    private static final long PATIENCE_SECONDS = 120;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable stop;

    private StopOnInterrupt() {
        this.hook = new Thread(this::onShutdown, "baton-stop-on-interrupt");
    }

    /** Installs the hook; until {@link #stopWith} names the work, an interrupt ends the process as usual. */
    static StopOnInterrupt install() {
        StopOnInterrupt handler = new StopOnInterrupt();
        Runtime.getRuntime().addShutdownHook(handler.hook);
        return handler;
    }

    /** Names how to stop the work in hand; called from then on, an interrupt runs it and waits. */
    void stopWith(Runnable action) {
        this.stop = action;
    }

    private void onShutdown() {
        Runnable action = stop;
        if (action == null) {
            return;
        }
        action.run();
        try {
            closed.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a waiting shutdown go on, or removes the hook when none came. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (it waited for this close) and the JVM exits once it returns.
        }
    }
}
