package dev.baton.eval.report;

import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds run reports for tests: a realistic one shaped like a real {@code baton demo} run (30 solo workers,
 * baselines, a 200-iteration learning curve, three cost penalties, a demo's findings and notes) and a bare one with
 * every part empty.
 */
final class RunReportFixtures {

    static final Instant CREATED = Instant.parse("2025-06-01T12:34:56Z");
    static final List<String> WORKERS = List.of(
            "qwen2.5-0.5b-instruct", "qwen2.5-1.5b-instruct", "qwen2.5-3b-instruct", "qwen2.5-7b-instruct",
            "qwen2.5-14b-instruct", "qwen2.5-32b-instruct", "qwen2.5-72b-instruct", "llama-3.2-1b-instruct",
            "llama-3.2-3b-instruct", "llama-3.1-8b-instruct", "llama-3.1-70b-instruct", "llama-3.1-405b-instruct",
            "mistral-7b-instruct", "mistral-small-24b", "mistral-large-2411", "gemma-2-2b-it", "gemma-2-9b-it",
            "gemma-2-27b-it", "phi-3.5-mini-instruct", "phi-4", "deepseek-v3", "deepseek-r1-distill-qwen-7b",
            "deepseek-r1-distill-llama-70b", "command-r-08-2024", "command-r-plus-08-2024", "granite-3.1-8b-instruct",
            "olmo-2-13b-instruct", "yi-1.5-34b-chat", "internlm2.5-20b-chat", "nemotron-70b-instruct");

    private RunReportFixtures() {
    }

    /** Returns a two-benchmark report with every part filled in, the same on every call. */
    static RunReport realistic() {
        return new RunReport("Baton demo: learned conductor vs baselines", CREATED,
                List.of(section("math500", new Random(7)), section("gpqa-diamond", new Random(11))),
                demoNotes());
    }

    /** The run-wide notes a real demo writes: the context model's caveat and the training settings. */
    private static List<Finding> demoNotes() {
        return List.of(Finding.of("context model", "Steps that see earlier steps answer by the replay pool's context model, "
                        + "which assumes a worker shown others' answers adopts one two of them agree on (p_follow) or keeps its "
                        + "own (p_keep): it never invents a new answer, so a weak last step can inherit a right answer. Live "
                        + "models need not behave so; each benchmark's routing-alone row is the figure that does not rest on it."),
                new Finding("learned conductor", "Trained per benchmark with the settings below; questions encoded by "
                        + "all-minilm-l6-v2-q (frozen); roles from data/roles.yaml.",
                        new Finding.Table("The training settings", List.of("setting", "value"), List.of(
                                List.of("iterations", "200"), List.of("questions", "4"), List.of("rollouts", "64"),
                                List.of("lambda", "10"), List.of("learning rate", "0.001"), List.of("clip", "0.2"),
                                List.of("epochs", "2"), List.of("draws", "1"), List.of("randomize pools", "true"),
                                List.of("shuffle rewards", "false"), List.of("max steps", "5"), List.of("later round steps", "2"),
                                List.of("max rounds", "4"), List.of("max total calls", "8"), List.of("hidden", "64"),
                                List.of("seed", "0"), List.of("checkpoint every", "20"), List.of("answer rule", "vote")))));
    }

    /** The findings a real demo writes for one benchmark: seven, two of them with a table of figures. */
    private static List<Finding> demoFindings() {
        return List.of(
                Finding.of("default on test", "96.0% at 3.00 calls ($0.001019 a question) against best-solo's 95.1% "
                        + "($0.000865): +0.9 points."),
                Finding.of("learning is real", "The training objective (accuracy - lambda x cost, lambda=10) on test is 0.939 "
                        + "trained, +0.158 against the untrained policy (0.781) and +0.070 against the shuffled-reward control "
                        + "(0.869); accuracy 94.0% trained, 95.8% untrained, 96.8% for the control."),
                Finding.of("context model", "The default scores 96.0% at 3.00 calls, routing alone 95.1% at 1 call (recorded "
                        + "answers only); only the routing-alone figure does not rest on the replay pool's context model."),
                Finding.of("any pool", "Over 20 random 4-worker pools (seed 7), learned 95.5% ($0.003704) against the best "
                        + "single worker of each pool (chosen on train) 94.6% ($0.002124): +0.8 points on average, -0.6 in the "
                        + "worst pool."),
                new Finding("choice of the default", "Chosen on 204 validation questions of the train split (trained on the other 586): "
                        + "bar = best single worker of the fit part, qwen2.5-72b-instruct, 98.0% on validation, and each random "
                        + "4-worker pool's best, 97.0% on average; rule: the cheapest setting reaching both and within 1.0 points "
                        + "of the most accurate that does (costs within 10% count as the same: then the more accurate), else the "
                        + "one closest to them. Chosen: lambda=1 max-calls 3 seed 2 (reaches the bar).",
                        new Finding.Table("The candidates on validation", List.of("setting", "accuracy %", "calls", "cost USD",
                                "random pools' accuracy %"), List.of(
                                List.of("lambda=1 max-calls 3", "98.0", "1.00", "$0.00145", "97.5"),
                                List.of("lambda=1", "98.0", "1.00", "$0.00142", "96.4"),
                                List.of("lambda=10", "94.1", "1.00", "$0.0000932", "94.8"),
                                List.of("lambda=100", "94.1", "1.00", "$0.0000932", "92.7"),
                                List.of("lambda=1 max-calls 3 seed 1", "98.5", "3.00", "$0.00243", "97.7"),
                                List.of("lambda=1 max-calls 3 seed 2", "98.0", "3.00", "$0.00101", "97.7")))),
                new Finding("seeds of the chosen setting", "The chosen setting trained with 3 seeds: a GRPO run settles on one "
                        + "of several strategies, and validation picks among them.",
                        new Finding.Table("Each seed", List.of("seed", "validation accuracy %", "test accuracy %", "test calls"),
                                List.of(List.of("0", "98.0", "95.5", "1.00"), List.of("1", "98.5", "96.4", "3.00"),
                                        List.of("2", "98.0", "96.0", "3.00")))),
                Finding.of("training time", "One training run (200 x 4 x 64 rollouts, lambda=1 max-calls 3) took 25.4 s."));
    }

    /** Returns a report with one benchmark whose table, curves, knob points, usage and examples are all empty. */
    static RunReport bare() {
        EvalReport table = new EvalReport("empty-bench", "replay", "test", List.of(), List.of());
        return new RunReport("Nothing much", CREATED,
                List.of(new BenchmarkSection(table, List.of(), List.of(), Map.of(), Map.of(), List.of())), List.of());
    }

    /** Returns the realistic report with a question that tries to inject a script. */
    static RunReport withHostileQuestion() {
        RunReport report = realistic();
        BenchmarkSection first = report.sections().getFirst();
        List<ExampleWorkflow> examples = List.of(new ExampleWorkflow(
                "Is <script>alert('x')</script> & $a<b$ valid?", "model_id = [1]\nsubtasks = [\"Answer.\"]\naccess_list = [[]]",
                "</pre><b>no</b>", false));
        BenchmarkSection hostile = new BenchmarkSection(first.table(), first.curves(), first.knobPoints(),
                first.workerUsage(), first.roleUsage(), examples, first.findings());
        return new RunReport(report.title(), report.created(), List.of(hostile), report.notes());
    }

    private static BenchmarkSection section(String benchmark, Random random) {
        List<EvalRow> rows = new ArrayList<>();
        int n = 250;
        rows.add(row("learned (\u03bb=10)", 81.6, 7.9e-4, 2.21, n));
        rows.add(row("vote:top3", 79.6, 9.4e-3, 3, n));
        rows.add(row("moa:top3", 82.8, 1.3e-2, 4, n));
        rows.add(row("random", 46.4, 1.2e-3, 1, n));
        rows.add(row("oracle", 95.2, 2.3e-3, 1, n));
        for (int i = 0; i < WORKERS.size(); i++) {
            // Dearer workers tend to be better, with plenty of scatter: log-cost from -5 to -2.
            double logCost = -5 + 3 * random.nextDouble();
            double accuracy = Math.max(5, Math.min(95, 5 + (logCost + 5) / 3 * 75 + random.nextGaussian() * 10));
            rows.add(row("solo:" + WORKERS.get(i), accuracy, Math.pow(10, logCost), 1, n));
        }
        EvalRow best = rows.stream().filter(row -> row.conductor().startsWith("solo:"))
                .max(java.util.Comparator.comparingDouble(EvalRow::accuracy)).orElseThrow();
        rows.add(1, row("best-solo (" + best.conductor().substring(5) + ")", best.accuracy() - 1.5,
                best.meanCostUsd(), 1, n));
        EvalReport table = new EvalReport(benchmark, "replay", "test", rows,
                List.of("context model: 80% of the prompt cached", "tokens estimated at 4 characters each"));

        List<CurvePoint> trained = new ArrayList<>();
        List<CurvePoint> control = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double progress = 1 - Math.exp(-i / 45.0);
            trained.add(new CurvePoint(i, -0.25 + 0.85 * progress + random.nextGaussian() * 0.08,
                    clamp(42 + 40 * progress + random.nextGaussian() * 4), 2e-3 - 1.2e-3 * progress, 3.1 - 0.9 * progress));
            control.add(new CurvePoint(i, -0.2 + random.nextGaussian() * 0.08, clamp(44 + random.nextGaussian() * 4),
                    2e-3, 3.0));
        }
        List<LearningCurve> curves = List.of(new LearningCurve("trained", trained),
                new LearningCurve("shuffled-reward control", control));
        List<KnobPoint> knob = List.of(
                new KnobPoint("\u03bb=0", 0, 84.4, 3.2e-3, 3.1),
                new KnobPoint("\u03bb=10", 10, 81.6, 7.9e-4, 2.21),
                new KnobPoint("\u03bb=100", 100, 73.2, 1.4e-4, 1.3));
        Map<String, Integer> workers = new LinkedHashMap<>();
        int[] calls = {212, 140, 61, 58, 33, 24, 12, 5};
        for (int i = 0; i < calls.length; i++) {
            workers.put(WORKERS.get((i * 7 + 3) % WORKERS.size()), calls[i]);
        }
        Map<String, Integer> roles = new LinkedHashMap<>();
        roles.put("solve", 301);
        roles.put("aggregate", 121);
        roles.put("verify", 87);
        roles.put("critique", 36);
        List<ExampleWorkflow> examples = List.of(
                new ExampleWorkflow("Let $f(x) = \\frac{x^2 - 1}{x - 1}$ for $x \\neq 1$. If $0 < x < 1$ and "
                        + "$f(x) < 3/2$, what is the largest possible value of $2x$? Express the answer as a fraction.",
                        "model_id = [3, 7, 0]\n"
                                + "subtasks = [\"Solve the problem step by step.\", \"Solve the problem step by step.\", "
                                + "\"Aggregate the attempts above into one final answer.\"]\n"
                                + "access_list = [[], [], [\"all\"]]",
                        "1", true),
                new ExampleWorkflow("How many positive divisors does 6! have?",
                        "model_id = [12]\nsubtasks = [\"Solve the problem step by step.\"]\naccess_list = [[]]", "30", true),
                new ExampleWorkflow("A & B each roll a die; what is P(A's roll < B's roll)?",
                        "model_id = [3, 11, 20, 0]\n"
                                + "subtasks = [\"Solve the problem step by step.\", \"Check the previous solution for errors.\", "
                                + "\"Solve the problem step by step.\", \"Aggregate the attempts above into one final answer.\"]\n"
                                + "access_list = [[], [0], [], [\"all\"]]",
                        "\\frac{7}{12}", false));
        return new BenchmarkSection(table, curves, knob, workers, roles, examples, demoFindings());
    }

    private static EvalRow row(String conductor, double accuracy, double cost, double calls, int n) {
        double half = 1.96 * Math.sqrt(accuracy * (100 - accuracy) / n);
        return new EvalRow(conductor, accuracy, Math.max(0, accuracy - half), Math.min(100, accuracy + half), calls,
                cost, calls * 950, n, Map.of());
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
