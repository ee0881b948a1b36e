package dev.baton.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an evaluation report as an aligned plain-text table for terminals (valid Markdown too). */
public final class ReportTable {

    private static final String[] HEADER = {"conductor", "accuracy %", "95% CI", "mean calls", "mean cost USD", "mean tokens", "n"};

    private ReportTable() {
    }

    /** Returns the table with a title line and the report's notes under it. */
    public static String render(EvalReport report) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (EvalRow row : report.rows()) {
            cells.add(new String[] {
                row.conductor(),
                format("%.1f", row.accuracy()),
                format("%.1f-%.1f", row.ciLow(), row.ciHigh()),
                format("%.2f", row.meanCalls()),
                format("%.6f", row.meanCostUsd()),
                format("%.0f", row.meanTokens()),
                Integer.toString(row.n())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.benchmark()).append(", ").append(report.split()).append(" split, ")
                .append(report.pool()).append(" pool\n\n");
        for (int r = 0; r < cells.size(); r++) {
            appendLine(out, cells.get(r), widths);
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i] - 1) + (i == 0 ? "-" : ":");
                }
                appendLine(out, rule, widths);
            }
        }
        if (!report.notes().isEmpty()) {
            out.append('\n');
            report.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            // Text left-aligned, numbers right-aligned.
            out.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
        }
        out.append('\n');
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
