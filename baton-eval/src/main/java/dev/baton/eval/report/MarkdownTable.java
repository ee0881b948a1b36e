package dev.baton.eval.report;

import java.util.ArrayList;
import java.util.List;

/** Renders an aligned Markdown table: text columns left-aligned, number columns right-aligned. */
final class MarkdownTable {

    private final String[] header;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    /** Starts a table; a column whose header ends with {@code :} is numeric (the colon is dropped). */
    MarkdownTable(String... header) {
        this.header = new String[header.length];
        this.numeric = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            numeric[i] = header[i].endsWith(":");
            this.header[i] = numeric[i] ? header[i].substring(0, header[i].length() - 1) : header[i];
        }
    }

    /** Adds a row with one cell per column. */
    MarkdownTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        String[] escaped = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // A pipe would end the cell and a newline the row.
            escaped[i] = cells[i].replace("|", "\\|").replace('\n', ' ');
        }
        rows.add(escaped);
        return this;
    }

    /** Returns the table's lines, each ending in a newline. */
    String render() {
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] line : all) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(Math.max(widths[i], line[i].length()), 3);
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rule[i] = "-".repeat(widths[i] - 1) + (numeric[i] ? ":" : "-");
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            String padding = " ".repeat(widths[i] - cells[i].length());
            out.append(' ').append(numeric[i] ? padding + cells[i] : cells[i] + padding).append(" |");
        }
        out.append('\n');
    }
}
