package dev.baton.cli;

import dev.baton.eval.EvalReport;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.ReportJson;
import dev.baton.eval.ReportTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that print evaluation tables: where the JSON goes, whether to show progress. */
final class ReportOptions {

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the table(s) as JSON to FILE (one object; an array when there are several benchmarks).")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (it is drawn only on a terminal anyway).")
    boolean quiet;

    /** Returns a progress bar on {@code err} unless quiet or not on a terminal. */
    ProgressListener progress(PrintWriter err) {
        return ProgressBar.forTerminal(err, quiet);
    }

    /** Prints one table as soon as it is ready. */
    void print(EvalReport report, PrintWriter out) {
        out.println(ReportTable.render(report));
        out.flush();
    }

    /** Writes the JSON file when one was asked for. */
    void writeJson(List<EvalReport> reports) throws IOException {
        if (json != null) {
            ReportJson.write(reports, json);
        }
    }
}
