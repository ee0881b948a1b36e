package dev.baton.eval.report;

import dev.baton.eval.EvalReport;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run found out about one benchmark.
 *
 * @param table       all conductors on the test split
 * @param curves      the learning curves, each with a distinct name; empty when none was recorded
 * @param knobPoints  the learned conductor at several cost penalties, in increasing penalty order
 * @param workerUsage calls per worker made by the learned conductor on the test split, most used first
 * @param roleUsage   calls per role (subtask kind) made by the learned conductor, most used first
 * @param examples    a few workflows the learned conductor wrote
 * @param findings    what the run found out about the benchmark, shown after its table
 */
public record BenchmarkSection(EvalReport table, List<LearningCurve> curves, List<KnobPoint> knobPoints,
                               Map<String, Integer> workerUsage, Map<String, Integer> roleUsage,
                               List<ExampleWorkflow> examples, List<Finding> findings) {

    public BenchmarkSection {
        Objects.requireNonNull(table, "table");
        curves = List.copyOf(curves);
        Set<String> names = new HashSet<>();
        for (LearningCurve curve : curves) {
            if (!names.add(curve.name())) {
                throw new IllegalArgumentException("two learning curves are named '" + curve.name() + "'");
            }
        }
        knobPoints = List.copyOf(knobPoints);
        workerUsage = counts("workerUsage", workerUsage);
        roleUsage = counts("roleUsage", roleUsage);
        examples = List.copyOf(examples);
        findings = List.copyOf(findings);
    }

    /** A section without findings (an evaluation that trained nothing has none). */
    public BenchmarkSection(EvalReport table, List<LearningCurve> curves, List<KnobPoint> knobPoints,
                            Map<String, Integer> workerUsage, Map<String, Integer> roleUsage, List<ExampleWorkflow> examples) {
        this(table, curves, knobPoints, workerUsage, roleUsage, examples, List.of());
    }

    /** Returns the benchmark's name. */
    public String benchmark() {
        return table.benchmark();
    }

    private static Map<String, Integer> counts(String what, Map<String, Integer> counts) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            Checks.notBlank(what + " key", key);
            if (count == null || count < 0) {
                throw new IllegalArgumentException(what + " of '" + key + "' must be a count, got " + count);
            }
            copy.put(key, count);
        });
        return Collections.unmodifiableMap(copy);
    }
}
