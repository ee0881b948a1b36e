package dev.baton.cli;

import dev.baton.eval.ProgressListener;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Draws a one-line progress bar on the terminal, redrawn in place at most ten times a second. It stays
 * silent when standard error is not a terminal, so pipes and log files get no control characters.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 16;
    /** The narrowest bar: a long label (a training run's figures) takes room from the bar before it loses parts. */
    private static final int MIN_WIDTH = 6;
    /**
     * The longest line drawn: it must fit an 80-column terminal, since a line that wraps is no longer redrawn in place by
     * {@code \r} and fills the screen with copies instead.
     */
    private static final int LINE = 79;
    private final PrintWriter err;
    private long lastDraw;
    private String lastLabel = "";
    private int lastDone;

    ProgressBar(PrintWriter err) {
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
        String count = " (" + done + "/" + total + ")";
        String percent = String.format("%3d%% ", total == 0 ? 100 : 100L * done / total);
        // A long label loses parts from its end until it fits beside the narrowest bar; then the bar narrows to make
        // room for it, and the percentage, which the count repeats, goes before the bar is at its narrowest.
        int room = LINE - count.length() - "[] ".length();
        String shown = abbreviate(label, room - MIN_WIDTH);
        int width = Math.clamp(room - percent.length() - shown.length(), MIN_WIDTH, WIDTH);
        if (width + percent.length() + shown.length() > room) {
            percent = "";
            width = Math.clamp(room - shown.length(), MIN_WIDTH, WIDTH);
        }
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + percent;
        err.print("\r" + bar + abbreviate(shown, LINE - bar.length() - count.length()) + count + "\u001b[K");
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

    /** Shortens a label to {@code room}, dropping whole ", "-separated parts from its end where it can. */
    static String abbreviate(String label, int room) {
        int fit = Math.max(room, 12);
        if (label.length() <= fit) {
            return label;
        }
        int part = label.lastIndexOf(", ", fit);
        return part > fit / 2 ? label.substring(0, part) : label.substring(0, fit - 3) + "...";
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
