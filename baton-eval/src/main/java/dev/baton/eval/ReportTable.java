package dev.baton.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an evaluation report as an aligned plain-text table, with a one-line verdict and the report's notes under
 * it. Without a width limit the table is valid Markdown; with one (a terminal's columns) it is made to fit:
 *
 * <ol>
 *   <li>headers are shortened ({@code accuracy %} to {@code acc %}, ...);</li>
 *   <li>conductor names longer than the room left are wrapped inside their cell, continuation lines indented,
 *       once that room is at least {@value #MIN_NAME_WIDTH} characters;</li>
 *   <li>until it is, the least important columns are left out (mean tokens, then n, the 95% interval, mean calls),
 *       and a note says which.</li>
 * </ol>
 *
 * Conductor, accuracy and cost are always shown. Besides, when a row of a live pool has a task with a failed call, a
 * {@code failed} column counts such tasks on every row, never left out, and a note under the table says what it means.
 * Nothing else depends on which rows a table has.
 */
public final class ReportTable {

    /** The width that means "no limit": the table as Markdown. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;
    /** The narrowest width accepted: conductor, accuracy and cost with a readable name. */
    public static final int MIN_WIDTH = 50;
    /** Narrower than this the conductor names become too chopped to read, so columns are left out first. */
    static final int MIN_NAME_WIDTH = 32;

    /**
     * A column: its header, a shorter header for narrow terminals, the cell of a row, and when it is left out
     * (0: never; otherwise columns go in increasing order).
     */
    private record Column(String header, String shortHeader, Function<EvalRow, String> cell, int leaveOutOrder) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("accuracy %", "acc %", row -> format("%.1f", row.accuracy()), 0),
            new Column("95% CI", "95% CI", row -> format("%.1f-%.1f", row.ciLow(), row.ciHigh()), 3),
            new Column("mean calls", "calls", row -> format("%.2f", row.meanCalls()), 4),
            new Column("mean cost USD", "cost USD", row -> format("%.6f", row.meanCostUsd()), 0),
            new Column("mean tokens", "tokens", row -> format("%.0f", row.meanTokens()), 1),
            new Column("n", "n", row -> Integer.toString(row.n()), 2));
    /** Shown only when a row has a failed task: a figure that may be low for want of an answer, not a wrong one. */
    private static final Column FAILED = new Column("failed", "failed", row -> Integer.toString(row.failed()), 0);
    private static final String CONDUCTOR = "conductor";

    private ReportTable() {
    }

    /** Returns the table with no width limit (valid Markdown), a title line, the verdict and the notes. */
    public static String render(EvalReport report) {
        return render(report, NO_LIMIT);
    }

    /**
     * Returns the table fitted to {@code width} columns where it can be (see the class comment), with a title line, the
     * verdict and the notes, each wrapped to the width.
     *
     * @throws IllegalArgumentException when the width is below {@link #MIN_WIDTH}
     */
    public static String render(EvalReport report, int width) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("a table needs at least " + MIN_WIDTH + " columns, got " + width);
        }
        Layout layout = Layout.fit(report.rows(), width);
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.benchmark()).append(", ").append(report.split()).append(" split, ")
                .append(report.pool()).append(" pool\n\n");
        layout.append(out, report.rows());
        List<String> notes = new ArrayList<>();
        layout.leftOutNote(report.rows()).ifPresent(notes::add);
        if (anyFailed(report.rows())) {
            notes.add("failed: questions with a call that still failed after its retries, or that a spending cap left out, "
                    + "each scored as it came out (wrong without an answer); run the same command again to retry just those: "
                    + "answered calls come from the response cache at no cost");
        }
        notes.addAll(report.notes());
        Verdict.of(report).ifPresent(verdict -> out.append('\n').append(String.join("\n", LineWrap.lines(verdict, width, "  "))).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append(LineWrap.bullet(note, width)));
        }
        return out.toString();
    }

    /** Returns whether a row has a task with a failed call. */
    static boolean anyFailed(List<EvalRow> rows) {
        return rows.stream().anyMatch(row -> row.failed() > 0);
    }

    /** Returns every column a table of these rows may show, in order. */
    private static List<Column> allColumns(List<EvalRow> rows) {
        List<Column> columns = new ArrayList<>(COLUMNS);
        if (anyFailed(rows)) {
            columns.add(1, FAILED); // beside the accuracy it qualifies
        }
        return columns;
    }

    /** The columns shown, their headers and widths, and the room for conductor names. */
    private record Layout(List<Column> columns, boolean shortHeaders, int[] widths, int nameWidth) {

        static Layout fit(List<EvalRow> rows, int width) {
            int longestName = Math.max(CONDUCTOR.length(), rows.stream().mapToInt(row -> row.conductor().length()).max().orElse(0));
            List<Column> columns = allColumns(rows);
            boolean shortHeaders = false;
            while (true) {
                int[] widths = widths(columns, shortHeaders, rows);
                int fixed = 4; // "| " before the name, " |" after it
                for (int w : widths) {
                    fixed += w + 3;
                }
                int room = width == NO_LIMIT ? longestName : width - fixed;
                if (longestName <= room) {
                    return new Layout(columns, shortHeaders, widths, longestName);
                }
                if (!shortHeaders) {
                    shortHeaders = true;
                    continue;
                }
                if (room >= MIN_NAME_WIDTH) {
                    return new Layout(columns, true, widths, room);
                }
                Column next = columns.stream().filter(c -> c.leaveOutOrder() > 0)
                        .min(Comparator.comparingInt(Column::leaveOutOrder)).orElse(null);
                if (next == null) {
                    return new Layout(columns, true, widths, room); // at MIN_WIDTH still room for a name
                }
                columns.remove(next);
            }
        }

        private static int[] widths(List<Column> columns, boolean shortHeaders, List<EvalRow> rows) {
            int[] widths = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                widths[i] = (shortHeaders ? column.shortHeader() : column.header()).length();
                for (EvalRow row : rows) {
                    widths[i] = Math.max(widths[i], column.cell().apply(row).length());
                }
            }
            return widths;
        }

        void append(StringBuilder out, List<EvalRow> rows) {
            List<String> header = new ArrayList<>(List.of(CONDUCTOR));
            columns.forEach(c -> header.add(shortHeaders ? c.shortHeader() : c.header()));
            line(out, header);
            List<String> rule = new ArrayList<>(List.of("-".repeat(nameWidth)));
            for (int w : widths) {
                rule.add("-".repeat(w - 1) + ":");
            }
            line(out, rule);
            for (EvalRow row : rows) {
                List<String> name = LineWrap.lines(row.conductor(), nameWidth, "  ");
                List<String> cells = new ArrayList<>(List.of(name.getFirst()));
                columns.forEach(c -> cells.add(c.cell().apply(row)));
                line(out, cells);
                for (String more : name.subList(1, name.size())) {
                    List<String> continuation = new ArrayList<>(List.of(more));
                    columns.forEach(c -> continuation.add(""));
                    line(out, continuation);
                }
            }
        }

        private void line(StringBuilder out, List<String> cells) {
            out.append("| ").append(cells.getFirst()).append(" ".repeat(nameWidth - cells.getFirst().length())).append(" |");
            for (int i = 1; i < cells.size(); i++) {
                String cell = cells.get(i);
                // Numbers right-aligned.
                out.append(' ').append(" ".repeat(widths[i - 1] - cell.length())).append(cell).append(" |");
            }
            out.append('\n');
        }

        /** Says which columns were left out to fit, if any, and the n they would show when it is the same on every row. */
        Optional<String> leftOutNote(List<EvalRow> rows) {
            List<String> left = allColumns(rows).stream().filter(c -> !columns.contains(c)).map(Column::header).toList();
            if (left.isEmpty()) {
                return Optional.empty();
            }
            String sameN = rows.stream().map(EvalRow::n).distinct().count() == 1 && left.contains("n")
                    ? " (n = " + rows.getFirst().n() + " on every row)" : "";
            return Optional.of("left out to fit the terminal: " + String.join(", ", left) + sameN
                    + "; --width or a wider terminal shows them, --json has everything");
        }
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
