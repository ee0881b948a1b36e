package dev.baton.cli;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.io.AtomicFiles;
import dev.baton.wiring.Recorder;
import dev.baton.wiring.WorkerFailures;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code record --json FILE}: what a recording did, for a script to read instead of parsing the terminal's lines.
 *
 * <pre>{@code
 * {"recording": "runs/mine.jsonl", "questions": 20, "calls": 60, "answered": 40, "cached": 0, "failed": 20,
 *  "permanently_failed": 20, "skipped": 0, "cost_usd": 0.0123, "recording_spent_usd": 0.0123, "interrupted": false,
 *  "failures": {"solver-c": {"failed": 20, "permanent": 20, "by_kind": {"not_found": 20}}}}
 * }</pre>
 */
final class RecordSummaryJson {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private RecordSummaryJson() {
    }

    /**
     * Writes the summary to {@code file}, atomically.
     *
     * @param recording      the recording's file
     * @param recordingSpent what every run of the recording spent, this one's included, when the store keeps it
     */
    static void write(Path file, Path recording, Recorder.Summary summary, Optional<Double> recordingSpent) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("recording", recording.toString());
        root.put("questions", summary.tasks());
        root.put("calls", summary.answered() + summary.failed() + summary.skipped());
        root.put("answered", summary.answered());
        root.put("cached", summary.cached());
        root.put("failed", summary.failed());
        root.put("permanently_failed", summary.permanentlyFailed());
        root.put("skipped", summary.skipped());
        root.put("cost_usd", usd(summary.costUsd()));
        recordingSpent.ifPresent(spent -> root.put("recording_spent_usd", usd(spent)));
        root.put("interrupted", summary.stopped());
        ObjectNode failures = root.putObject("failures");
        for (WorkerFailures worker : summary.failures()) {
            ObjectNode node = failures.putObject(worker.worker());
            node.put("failed", worker.count());
            node.put("permanent", worker.permanent());
            ObjectNode kinds = node.putObject("by_kind");
            worker.byKind().forEach((kind, count) -> kinds.put(kind.name().toLowerCase(Locale.ROOT), count));
        }
        AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Returns an amount to the billionth of a dollar, written as 0.000042 rather than 4.2E-5 or 4.1999999999999998E-5. */
    private static BigDecimal usd(double amount) {
        return BigDecimal.valueOf(amount).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
