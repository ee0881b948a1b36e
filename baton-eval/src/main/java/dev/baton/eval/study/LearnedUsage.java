package dev.baton.eval.study;

import dev.baton.conduct.Orchestrator;
import dev.baton.eval.TraceListener;
import dev.baton.eval.report.ExampleWorkflow;
import dev.baton.execute.CallRecord;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects what one conductor did while it was evaluated — the traces of the very run that produced its row — and
 * sums up which workers and roles it used, with a few example workflows of different shapes, right and wrong.
 */
final class LearnedUsage implements TraceListener {

    private static final int EXAMPLES = 4;
    /** Failures teach as much as successes: a report shows some when there are any. */
    private static final int WRONG_EXAMPLES = 2;

    private final String conductor;
    private final Map<String, Orchestrator.Result> byTask = new ConcurrentHashMap<>();

    /** @param conductor the name of the conductor whose traces to keep */
    LearnedUsage(String conductor) {
        this.conductor = Objects.requireNonNull(conductor, "conductor");
    }

    @Override
    public void answered(String name, Task task, Orchestrator.Result result) {
        if (name.equals(conductor)) {
            byTask.put(task.id(), result);
        }
    }

    /** What the usage shows: calls per worker and per role (most used first), and example workflows. */
    record Summary(Map<String, Integer> workers, Map<String, Integer> roles, List<ExampleWorkflow> examples) {
    }

    /**
     * Sums up the collected traces in the order of {@code tasks}, so the examples do not depend on which thread
     * finished first.
     */
    Summary summarize(List<Task> tasks, Pool pool) {
        Map<String, Integer> workers = new TreeMap<>();
        Map<String, Integer> roleCounts = new TreeMap<>();
        List<ExampleWorkflow> right = new ArrayList<>();
        List<ExampleWorkflow> wrong = new ArrayList<>();
        Set<String> rightShapes = new HashSet<>();
        Set<String> wrongShapes = new HashSet<>();
        for (Task task : tasks) {
            Orchestrator.Result result = byTask.get(task.id());
            if (result == null) {
                continue;
            }
            for (CallRecord call : result.trace().calls()) {
                workers.merge(call.workerId(), 1, Integer::sum);
                roleCounts.merge(call.role().orElse("other"), 1, Integer::sum);
            }
            Grader grader = Graders.forType(task.answerType());
            boolean correct = result.answer().map(text -> grader.grade(text, task).correct()).orElse(false);
            // One example per shape (calls and rounds) among the right answers and among the wrong ones, first come
            // in task order, so the same run always shows the same examples.
            String shape = result.trace().calls().size() + "/" + result.trace().rounds();
            List<ExampleWorkflow> kept = correct ? right : wrong;
            if (kept.size() < EXAMPLES && (correct ? rightShapes : wrongShapes).add(shape)) {
                String answer = result.answer().flatMap(grader::extract).orElse("(none)");
                kept.add(new ExampleWorkflow(task.question(), WorkflowRendering.of(result.trace(), pool), answer, correct));
            }
        }
        return new Summary(sortedByCount(workers), sortedByCount(roleCounts), examples(right, wrong));
    }

    /** Up to {@link #WRONG_EXAMPLES} wrong answers, the rest right ones; either kind fills in where the other runs short. */
    static List<ExampleWorkflow> examples(List<ExampleWorkflow> right, List<ExampleWorkflow> wrong) {
        int wrongShown = Math.min(wrong.size(), Math.max(WRONG_EXAMPLES, EXAMPLES - right.size()));
        int rightShown = Math.min(right.size(), EXAMPLES - wrongShown);
        List<ExampleWorkflow> examples = new ArrayList<>(right.subList(0, rightShown));
        examples.addAll(wrong.subList(0, wrongShown));
        return examples;
    }

    /**
     * Which workers the conductor called for each subject (a task's {@code category} metadata, as MMLU-Pro's tasks
     * carry it), most used first; empty when the tasks name no subjects.
     */
    Map<String, Map<String, Integer>> workersBySubject(List<Task> tasks) {
        Map<String, Map<String, Integer>> bySubject = new TreeMap<>();
        for (Task task : tasks) {
            String subject = task.metadata().get("category");
            Orchestrator.Result result = byTask.get(task.id());
            if (subject == null || result == null) {
                continue;
            }
            Map<String, Integer> workers = bySubject.computeIfAbsent(subject, s -> new TreeMap<>());
            result.trace().calls().forEach(call -> workers.merge(call.workerId(), 1, Integer::sum));
        }
        Map<String, Map<String, Integer>> sorted = new LinkedHashMap<>();
        bySubject.forEach((subject, workers) -> sorted.put(subject, sortedByCount(workers)));
        return sorted;
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
