package dev.baton.eval.report;

import dev.baton.eval.ReportTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a run report as Markdown: the tables, a sampled learning curve, usage counts and example workflows. */
public final class RunReportMarkdown {

    /** Rows of a learning curve shown in Markdown; the HTML page has the whole curve as a chart. */
    private static final int CURVE_ROWS = 11;
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private RunReportMarkdown() {
    }

    /** Returns the whole report as one Markdown document. */
    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(report.title()).append("\n\n");
        out.append("Created ").append(report.created()).append(".\n\n");
        if (report.sections().isEmpty()) {
            out.append("No benchmark was run.\n\n");
        }
        for (BenchmarkSection section : report.sections()) {
            out.append(ReportTable.render(section.table())).append('\n');
            if (!section.findings().isEmpty()) {
                out.append("### Findings\n\n");
                findings(out, section.findings());
            }
            curves(out, section);
            knob(out, section);
            usage(out, "Worker usage of the learned conductor", "worker", section.workerUsage());
            usage(out, "Role usage of the learned conductor", "role", section.roleUsage());
            examples(out, section);
        }
        // As on the page: what holds for every benchmark after the figures.
        if (!report.notes().isEmpty()) {
            out.append("## About this run\n\n");
            findings(out, report.notes());
        }
        return out.toString();
    }

    /** Writes each finding as a paragraph led by its topic, its figures as a table under it. */
    private static void findings(StringBuilder out, List<Finding> findings) {
        for (Finding finding : findings) {
            out.append("**").append(finding.heading()).append(".** ").append(finding.text()).append("\n\n");
            Finding.Table figures = finding.table();
            if (!figures.rows().isEmpty()) {
                out.append(figures.caption()).append(":\n\n");
                MarkdownTable table = new MarkdownTable(figures.columns().toArray(String[]::new));
                figures.rows().forEach(row -> table.row(row.toArray(String[]::new)));
                out.append(table.render()).append('\n');
            }
        }
    }

    private static void curves(StringBuilder out, BenchmarkSection section) {
        out.append("### Learning curves\n\n");
        if (section.curves().isEmpty()) {
            out.append("No learning curve was recorded.\n\n");
            return;
        }
        for (LearningCurve curve : section.curves()) {
            out.append("**").append(curve.name()).append("** (").append(curve.points().size()).append(" points")
                    .append(curve.points().size() > CURVE_ROWS ? ", " + CURVE_ROWS + " shown" : "").append(")\n\n");
            if (curve.points().isEmpty()) {
                continue;
            }
            MarkdownTable table = new MarkdownTable("iteration:", "reward:", "accuracy %:", "mean cost USD:", "mean calls:");
            for (CurvePoint point : sample(curve.points())) {
                table.row(Integer.toString(point.iteration()), Figures.format("%.3f", point.reward()),
                        Figures.percent(point.accuracy()), Figures.usd(point.meanCostUsd()).substring(1),
                        Figures.format("%.2f", point.meanCalls()));
            }
            out.append(table.render()).append('\n');
        }
    }

    /** Returns evenly spaced points, always including the first and the last. */
    static List<CurvePoint> sample(List<CurvePoint> points) {
        if (points.size() <= CURVE_ROWS) {
            return points;
        }
        List<CurvePoint> sample = new ArrayList<>();
        for (int i = 0; i < CURVE_ROWS; i++) {
            sample.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (CURVE_ROWS - 1))));
        }
        return sample;
    }

    private static void knob(StringBuilder out, BenchmarkSection section) {
        out.append("### Cost knob\n\n");
        if (section.knobPoints().isEmpty()) {
            out.append("The cost penalty was not varied.\n\n");
            return;
        }
        MarkdownTable table = new MarkdownTable("setting", "lambda:", "accuracy %:", "mean cost USD:", "mean calls:");
        for (KnobPoint point : section.knobPoints()) {
            table.row(point.label(), Figures.compact(point.lambda()), Figures.percent(point.accuracy()),
                    Figures.usd(point.meanCostUsd()).substring(1), Figures.format("%.2f", point.meanCalls()));
        }
        out.append(table.render()).append('\n');
    }

    private static void usage(StringBuilder out, String title, String what, Map<String, Integer> counts) {
        out.append("### ").append(title).append("\n\n");
        if (counts.isEmpty()) {
            out.append("Not recorded.\n\n");
            return;
        }
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        MarkdownTable table = new MarkdownTable(what, "calls:", "share %:");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> table.row(entry.getKey(), entry.getValue().toString(),
                        total == 0 ? "-" : Figures.percent(100.0 * entry.getValue() / total)));
        out.append(table.render()).append('\n');
    }

    private static void examples(StringBuilder out, BenchmarkSection section) {
        out.append("### Example workflows\n\n");
        if (section.examples().isEmpty()) {
            out.append("None recorded.\n\n");
            return;
        }
        int number = 1;
        for (ExampleWorkflow example : section.examples()) {
            out.append("**Example ").append(number++).append("** (").append(example.correct() ? "correct" : "wrong")
                    .append(")\n\nQuestion:\n\n");
            fenced(out, example.question());
            out.append("Workflow:\n\n");
            fenced(out, example.workflowText());
            out.append("Answer: ");
            String ticks = "`".repeat(longestBackticks(example.answer()) + 1);
            // Inline code needs a space inside the ticks when the text itself starts or ends with a backtick.
            String pad = example.answer().startsWith("`") || example.answer().endsWith("`") ? " " : "";
            out.append(ticks).append(pad).append(example.answer().replace('\n', ' ')).append(pad).append(ticks)
                    .append("\n\n");
        }
    }

    /** Writes a fenced block whose fence is longer than any run of backticks inside, so the text cannot close it. */
    private static void fenced(StringBuilder out, String text) {
        String fence = "`".repeat(Math.max(3, longestBackticks(text) + 1));
        out.append(fence).append("text\n").append(text.stripTrailing()).append('\n').append(fence).append("\n\n");
    }

    private static int longestBackticks(String text) {
        int longest = 0;
        Matcher matcher = BACKTICKS.matcher(text);
        while (matcher.find()) {
            longest = Math.max(longest, matcher.group().length());
        }
        return longest;
    }
}
