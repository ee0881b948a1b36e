package dev.baton.cli;

import dev.baton.eval.ProgressListener;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Draws a one-line progress bar on the terminal, redrawn in place at most ten times a second. It stays
 * silent when standard error is not a terminal, so pipes and log files get no control characters.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private long lastDraw;
    private String lastLabel = "";
    private int lastDone;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Returns a bar on {@code err} when the process runs on a terminal, otherwise a silent listener. */
    static ProgressListener forTerminal(PrintWriter err, boolean quiet) {
        return !quiet && interactive() ? new ProgressBar(err) : ProgressListener.SILENT;
    }

    @Override
    public synchronized void advanced(String label, int done, int total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        boolean sameWork = label.equals(lastLabel);
        // Workers report from several threads, so an older count can arrive after a newer one: never draw backwards.
        if (sameWork && (done <= lastDone || (!finished && now - lastDraw < 100_000_000L))) {
            lastDone = Math.max(lastDone, done);
            return;
        }
        lastDraw = now;
        lastLabel = label;
        lastDone = done;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", total == 0 ? 100 : 100L * done / total) + " " + abbreviate(label)
                + " (" + done + "/" + total + ")\u001b[K");
        if (finished) {
            err.print("\r\u001b[K");
        }
        err.flush();
    }

    /**
     * Clears the bar's line on a terminal, where the terminal may also have echoed "^C", so that a message printed next
     * starts on a clean line; does nothing elsewhere.
     */
    static void endLine(PrintWriter err) {
        if (interactive()) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    private static String abbreviate(String label) {
        return label.length() <= 72 ? label : label.substring(0, 69) + "...";
    }

    /**
     * Returns whether standard error is likely a terminal. Since JDK 22 {@code System.console()} is non-null
     * even for pipes and {@code Console.isTerminal()} tells; Baton targets Java 21, so that method is looked
     * up reflectively.
     */
    private static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
