package dev.baton.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import dev.baton.eval.ReportJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts run reports to and from JSON for machines. Keys are snake_case like {@link ReportJson}'s, whose
 * layout each section's {@code table} reuses; accuracies are percentages, costs USD per question.
 */
public final class RunReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReportJson() {
    }

    /** Returns the report as indented JSON text. */
    public static String toJson(RunReport report) {
        try {
            return JSON.writeValueAsString(toTree(report)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Returns the report as a JSON tree. */
    public static ObjectNode toTree(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", report.title());
        root.put("created", report.created().toString());
        findings(root.putArray("notes"), report.notes());
        ArrayNode sections = root.putArray("sections");
        for (BenchmarkSection section : report.sections()) {
            ObjectNode node = sections.addObject();
            node.put("benchmark", section.benchmark());
            node.set("table", ReportJson.toTree(section.table()));
            ArrayNode curves = node.putArray("curves");
            for (LearningCurve curve : section.curves()) {
                ObjectNode curveNode = curves.addObject();
                curveNode.put("name", curve.name());
                ArrayNode points = curveNode.putArray("points");
                for (CurvePoint point : curve.points()) {
                    points.addObject().put("iteration", point.iteration()).put("reward", point.reward())
                            .put("accuracy", point.accuracy()).put("mean_cost_usd", point.meanCostUsd())
                            .put("mean_calls", point.meanCalls());
                }
            }
            ArrayNode knobs = node.putArray("knob_points");
            for (KnobPoint point : section.knobPoints()) {
                knobs.addObject().put("label", point.label()).put("lambda", point.lambda()).put("accuracy", point.accuracy())
                        .put("mean_cost_usd", point.meanCostUsd()).put("mean_calls", point.meanCalls());
            }
            section.workerUsage().forEach(node.putObject("worker_usage")::put);
            section.roleUsage().forEach(node.putObject("role_usage")::put);
            ArrayNode examples = node.putArray("examples");
            for (ExampleWorkflow example : section.examples()) {
                examples.addObject().put("question", example.question()).put("workflow", example.workflowText())
                        .put("answer", example.answer()).put("correct", example.correct());
            }
            findings(node.putArray("findings"), section.findings());
        }
        return root;
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding finding : findings) {
            ObjectNode node = array.addObject().put("topic", finding.topic()).put("text", finding.text());
            if (!finding.table().rows().isEmpty()) {
                ObjectNode table = node.putObject("table").put("caption", finding.table().caption());
                finding.table().columns().forEach(table.putArray("columns")::add);
                ArrayNode rows = table.putArray("rows");
                finding.table().rows().forEach(row -> row.forEach(rows.addArray()::add));
            }
        }
    }

    /**
     * Reads a report written by {@link #toJson}.
     *
     * @throws IOException if the text is not JSON
     * @throws IllegalArgumentException if a figure is out of range or a field is missing
     */
    public static RunReport fromJson(String text) throws IOException {
        return fromTree(JSON.readTree(text));
    }

    /** Reads a report from a JSON tree in {@link #toTree}'s layout. */
    public static RunReport fromTree(JsonNode root) {
        List<BenchmarkSection> sections = new ArrayList<>();
        for (JsonNode node : required(root, "sections")) {
            List<LearningCurve> curves = new ArrayList<>();
            for (JsonNode curve : required(node, "curves")) {
                List<CurvePoint> points = new ArrayList<>();
                for (JsonNode point : required(curve, "points")) {
                    points.add(new CurvePoint(required(point, "iteration").intValue(), required(point, "reward").doubleValue(),
                            required(point, "accuracy").doubleValue(), required(point, "mean_cost_usd").doubleValue(),
                            required(point, "mean_calls").doubleValue()));
                }
                curves.add(new LearningCurve(required(curve, "name").asText(), points));
            }
            List<KnobPoint> knobs = new ArrayList<>();
            for (JsonNode point : required(node, "knob_points")) {
                knobs.add(new KnobPoint(required(point, "label").asText(), required(point, "lambda").doubleValue(),
                        required(point, "accuracy").doubleValue(), required(point, "mean_cost_usd").doubleValue(),
                        required(point, "mean_calls").doubleValue()));
            }
            List<ExampleWorkflow> examples = new ArrayList<>();
            for (JsonNode example : required(node, "examples")) {
                examples.add(new ExampleWorkflow(required(example, "question").asText(),
                        required(example, "workflow").asText(), required(example, "answer").asText(),
                        required(example, "correct").booleanValue()));
            }
            sections.add(new BenchmarkSection(table(required(node, "table")), curves, knobs,
                    counts(required(node, "worker_usage")), counts(required(node, "role_usage")), examples,
                    findings(node.path("findings"))));
        }
        return new RunReport(required(root, "title").asText(), Instant.parse(required(root, "created").asText()),
                sections, findings(required(root, "notes")));
    }

    /** Reads findings; a report written before findings had topics holds plain lines, read as remarks. */
    private static List<Finding> findings(JsonNode array) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isTextual()) {
                findings.add(Finding.of("note", node.asText()));
                continue;
            }
            Finding.Table table = Finding.Table.NONE;
            JsonNode figures = node.get("table");
            if (figures != null && !figures.isNull()) {
                List<List<String>> rows = new ArrayList<>();
                required(figures, "rows").forEach(row -> rows.add(strings(row)));
                table = new Finding.Table(required(figures, "caption").asText(), strings(required(figures, "columns")), rows);
            }
            findings.add(new Finding(required(node, "topic").asText(), required(node, "text").asText(), table));
        }
        return findings;
    }

    private static EvalReport table(JsonNode node) {
        List<EvalRow> rows = new ArrayList<>();
        for (JsonNode row : required(node, "rows")) {
            rows.add(new EvalRow(required(row, "conductor").asText(), required(row, "accuracy").doubleValue(),
                    required(row, "ci_low").doubleValue(), required(row, "ci_high").doubleValue(),
                    required(row, "mean_calls").doubleValue(), required(row, "mean_cost_usd").doubleValue(),
                    required(row, "mean_tokens").doubleValue(), required(row, "n").intValue(),
                    counts(required(row, "worker_calls"))));
        }
        return new EvalReport(required(node, "benchmark").asText(), required(node, "pool").asText(),
                required(node, "split").asText(), rows, strings(required(node, "notes")));
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        node.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().intValue()));
        return counts;
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        node.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("run report JSON lacks '" + field + "'");
        }
        return value;
    }
}
