package dev.baton.cli;

import dev.baton.eval.EvalReport;
import dev.baton.eval.LineWrap;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.ReportJson;
import dev.baton.eval.ReportTable;
import dev.baton.input.InvalidSettingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by the commands that print evaluation tables: where the JSON goes, whether to show progress, and how
 * wide the tables may be.
 */
final class ReportOptions {

    /** The width used when neither {@code --width} nor {@code $COLUMNS} says: what most terminals open with or exceed. */
    static final int DEFAULT_WIDTH = 120;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the table(s) as JSON to FILE (one object; an array when there are several benchmarks).")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (it is drawn only on a terminal anyway).")
    boolean quiet;

    @Option(names = "--width", paramLabel = "N",
            description = "Most columns a table may take: narrower, it shortens headers, wraps long conductor names and leaves "
                    + "out the least important columns. 0: no limit (Markdown). Default: $COLUMNS, else " + DEFAULT_WIDTH + ".")
    Integer width;

    /** Returns a progress bar on {@code err} unless quiet or not on a terminal. */
    ProgressListener progress(PrintWriter err) {
        return ProgressBar.forTerminal(err, quiet);
    }

    /**
     * Returns the width tables and notes are fitted to: {@code --width}, else {@code $COLUMNS} when it is a usable
     * number, else {@value #DEFAULT_WIDTH}.
     *
     * @throws InvalidSettingException when {@code --width} is neither 0 nor at least {@link ReportTable#MIN_WIDTH}
     */
    int width() {
        if (width != null) {
            if (width == 0) {
                return ReportTable.NO_LIMIT;
            }
            if (width < ReportTable.MIN_WIDTH) {
                throw new InvalidSettingException("--width must be 0 (no limit) or at least " + ReportTable.MIN_WIDTH + ", got " + width);
            }
            return width;
        }
        String columns = BatonCommand.of(command).env.getOrDefault("COLUMNS", "");
        try {
            // A terminal narrower than a table can be still gets the narrowest table, wrapped by the terminal.
            return columns.isBlank() ? DEFAULT_WIDTH : Math.max(ReportTable.MIN_WIDTH, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Prints one table as soon as it is ready. */
    void print(EvalReport report, PrintWriter out) {
        out.println(ReportTable.render(report, width()));
        out.flush();
    }

    /** Prints a finding as a bullet wrapped to the table width. */
    void printBullet(String text, PrintWriter out) {
        out.print(LineWrap.bullet(text, width()));
    }

    /** Writes the JSON file when one was asked for. */
    void writeJson(List<EvalReport> reports) throws IOException {
        if (json != null) {
            ReportJson.write(reports, json);
        }
    }
}
