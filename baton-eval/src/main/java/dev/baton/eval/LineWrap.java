package dev.baton.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of at most a given width at spaces, for terminal output: table cells, notes and findings.
 * A word longer than the width is cut, so no line ever exceeds it.
 */
public final class LineWrap {

    private LineWrap() {
    }

    /**
     * Returns {@code text} broken into lines of at most {@code width} characters; continuation lines start with
     * {@code indent}, which counts toward their width.
     *
     * @throws IllegalArgumentException when the indent leaves no room for text
     */
    public static List<String> lines(String text, int width, String indent) {
        if (width <= indent.length()) {
            throw new IllegalArgumentException("width " + width + " leaves no room after an indent of " + indent.length());
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String prefix = lines.isEmpty() ? "" : indent;
            int room = width - (line.isEmpty() ? prefix.length() : line.length() + 1);
            if (!line.isEmpty() && word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
                prefix = indent;
            }
            if (line.isEmpty()) {
                line.append(prefix);
            } else {
                line.append(' ');
            }
            // A word wider than a whole line (a path, a model id) is cut after a separator where it can be, else where
            // the line ends.
            while (line.length() + word.length() > width) {
                int fits = cut(word, width - line.length());
                line.append(word, 0, fits);
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
                word = word.substring(fits);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Returns how much of a too-long word to put on a line with {@code room} left: up to its last separator that fits. */
    private static int cut(String word, int room) {
        for (int i = room; i > room / 2; i--) {
            if (SEPARATORS.indexOf(word.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return room;
    }

    private static final String SEPARATORS = "/-@:_.,=";

    /** Returns {@code text} as a bullet ({@code "- "}) with continuation lines under its first word, ending in a newline. */
    public static String bullet(String text, int width) {
        return String.join("\n", lines("- " + text, width, "  ")) + "\n";
    }
}
