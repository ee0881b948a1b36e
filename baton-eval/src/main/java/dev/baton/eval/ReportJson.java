package dev.baton.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes evaluation reports as JSON for machines:
 * {@code {"benchmark","pool","split","rows":[{"conductor","accuracy","ci_low","ci_high","mean_calls",
 * "mean_cost_usd","mean_tokens","n","worker_calls"[,"failed"]}],"notes"}}, accuracy in percent; {@code failed} (tasks
 * with a call of a live pool that failed, or that a spending cap left out) is on every row when a row has one.
 */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** Returns the report as a JSON tree. */
    public static ObjectNode toTree(EvalReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", report.benchmark());
        root.put("pool", report.pool());
        root.put("split", report.split());
        ArrayNode rows = root.putArray("rows");
        boolean failures = ReportTable.anyFailed(report.rows());
        for (EvalRow row : report.rows()) {
            ObjectNode node = rows.addObject();
            node.put("conductor", row.conductor());
            node.put("accuracy", row.accuracy());
            node.put("ci_low", row.ciLow());
            node.put("ci_high", row.ciHigh());
            node.put("mean_calls", row.meanCalls());
            node.put("mean_cost_usd", row.meanCostUsd());
            node.put("mean_tokens", row.meanTokens());
            node.put("n", row.n());
            ObjectNode usage = node.putObject("worker_calls");
            row.workerCalls().forEach(usage::put);
            if (failures) {
                node.put("failed", row.failed());
            }
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    /** Writes one report, or several (one per benchmark) as a JSON array, atomically. */
    public static void write(List<EvalReport> reports, Path file) throws IOException {
        Object value = reports.size() == 1 ? toTree(reports.getFirst())
                : JSON.createArrayNode().addAll(reports.stream().map(ReportJson::toTree).toList());
        AtomicFiles.write(file, JSON.writeValueAsBytes(value));
    }
}
