package dev.baton.eval.study;

import dev.baton.eval.EvalRow;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.report.Finding;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.train.Checkpoint;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.task.Sha256;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.worker.Price;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Chooses the default learned conductor on a validation part of the train split, never on test: accuracy first.
 *
 * <p>A train task is in the validation part when the first byte of SHA-256({@code <benchmark>:<id>:validation}) mod 4
 * is 0 (about a quarter of train, stable across machines); every candidate trains on the rest (the fit part). The bar
 * is the best single worker chosen on the fit part, measured on validation, on the whole pool and on each of
 * {@value #POOLS} random {@value #POOL_SIZE}-worker pools (the checkpoint must serve any pool). The default is the
 * cheapest candidate (mean validation cost) whose validation accuracy reaches the bar on the whole pool and, averaged,
 * on the random pools, and lies within {@value #TOLERANCE} points of the most accurate such candidate on both (accuracy
 * first: a candidate that only just clears the bar does not win on price over one several points better; costs within
 * a tenth of the cheapest count as the same, and then the more accurate wins); when none
 * reaches the bar, the one closest to reaching both, and the finding says plainly that it trails the best single
 * worker there.
 */
public final class ValidationChoice {

    /** Random pools each candidate is also measured on; drawn with another seed than the test study's. */
    static final int POOLS = 20;
    static final int POOL_SIZE = 4;
    static final long POOL_SEED = 11;
    /** Points of validation accuracy below the best qualifying candidate that a cheaper one may give up. */
    static final double TOLERANCE = 1.0;
    /** Share of the cheapest qualifying candidate's cost within which costs count as the same. */
    static final double COST_SLACK = 0.10;

    private final String benchmark;
    private final List<Task> fit;
    private final List<Task> validation;
    private final Evaluation onValidation;
    private final QuestionEncoder encoder;
    private final String barWorker;
    private final EvalRow bar;
    private final List<List<String>> pools = new ArrayList<>();
    /** The random pools' bar; empty when the pool has too few workers to draw them. */
    private OptionalDouble poolBar = OptionalDouble.empty();

    /** Splits the benchmark's train split and measures the bar: the best single worker of the fit part, on validation. */
    public ValidationChoice(ReplayedBenchmark loaded, List<String> workers, QuestionEncoder encoder) {
        this.benchmark = loaded.benchmark().name();
        List<Task> train = Split.TRAIN.select(benchmark, loaded.benchmark().tasks());
        this.validation = train.stream().filter(t -> inValidation(benchmark, t.id())).toList();
        this.fit = train.stream().filter(t -> !inValidation(benchmark, t.id())).toList();
        this.encoder = encoder;
        // Each Evaluation holds only train tasks, so its TRAIN split is the whole part it was given.
        Evaluation onFit = new Evaluation(benchmark, fit, loaded.pool(), loaded.executor(), "replay", Optional.of(loaded.hindsight()), loaded.notes(),
                ProgressListener.SILENT).withWorkers(workers);
        this.onValidation = new Evaluation(benchmark, validation, loaded.pool(), loaded.executor(), "replay", Optional.of(loaded.hindsight()),
                loaded.notes(), ProgressListener.SILENT).withWorkers(workers);
        dev.baton.eval.WorkerRanking ranking = onFit.ranking();
        this.barWorker = ranking.best();
        this.bar = onValidation.evaluate(Split.TRAIN, List.of("solo:" + barWorker)).rows().getFirst();
        if (workers.size() > POOL_SIZE) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(POOL_SEED);
            List<String> ranked = ranking.top(workers.size());
            double sum = 0;
            for (int draw = 0; draw < POOLS; draw++) {
                List<String> shuffled = new ArrayList<>(workers);
                for (int i = shuffled.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
                }
                List<String> pool = List.copyOf(shuffled.subList(0, POOL_SIZE));
                pools.add(pool);
                String best = ranked.stream().filter(pool::contains).findFirst().orElseThrow();
                sum += onValidation.evaluate(Split.TRAIN, List.of("solo:" + best)).rows().getFirst().accuracy();
            }
            poolBar = OptionalDouble.of(sum / POOLS);
        }
    }

    /** Returns whether a train task of {@code benchmark} is in the validation part. */
    public static boolean inValidation(String benchmark, String taskId) {
        byte[] digest = Sha256.of(benchmark + ":" + taskId + ":validation");
        return Byte.toUnsignedInt(digest[0]) % 4 == 0;
    }

    /** The train tasks candidates learn from: train without validation. */
    public List<Task> fit() {
        return fit;
    }

    /** The best single worker on the fit part: the worker the default must not lose to. */
    public String barWorker() {
        return barWorker;
    }

    /** The best single worker of the fit part, on validation. */
    public EvalRow bar() {
        return bar;
    }

    /**
     * One trained setting and how it did on validation.
     *
     * @param validation its row on validation, whole pool
     * @param poolMean   its mean validation accuracy over the random pools (0 when the pool is too small for them)
     */
    public record Candidate(String label, Checkpoint checkpoint, EvalRow validation, double poolMean) {
    }

    /** Evaluates a checkpoint on validation, on the whole pool and on the random pools. */
    public Candidate candidate(String label, Checkpoint checkpoint) {
        try (LearnedConductor conductor = new LearnedConductor(checkpoint.policy(), encoder, label)) {
            conductor.prepare(validation);
            EvalRow whole = onValidation.evaluateConductors(Split.TRAIN, List.of(conductor)).rows().getFirst();
            double sum = 0;
            for (List<String> pool : pools) {
                sum += onValidation.withWorkers(pool).evaluateConductors(Split.TRAIN, List.of(conductor)).rows().getFirst().accuracy();
            }
            return new Candidate(label, checkpoint, whole, pools.isEmpty() ? 0 : sum / pools.size());
        }
    }

    /**
     * What the rule chose.
     *
     * @param chosen     the default
     * @param reachesBar whether its validation accuracy reaches the best single worker's
     * @param why        the choice in one line: every candidate's validation figures, the bar and the rule
     * @param finding    the choice for the report: the bar, the rule and the verdict in sentences, the candidates' figures
     *                   as a table
     */
    public record Choice(Candidate chosen, boolean reachesBar, String why, Finding finding) {
    }

    /** Applies the rule: the cheapest candidate reaching the bar on validation, else the most accurate one. */
    public Choice choose(List<Candidate> candidates) {
        return choose(candidates, bar, barWorker, poolBar, validation.size(), fit.size());
    }

    /** How far a candidate is from the bar: the smaller of its margins on the whole pool and on the random pools, if any. */
    private static double margin(Candidate c, EvalRow bar, OptionalDouble poolBar) {
        double whole = c.validation().accuracy() - bar.accuracy();
        return poolBar.isPresent() ? Math.min(whole, c.poolMean() - poolBar.getAsDouble()) : whole;
    }

    /**
     * The cheapest of the candidates within {@link #TOLERANCE} points of the most accurate, whole pool and random pools;
     * costs within {@link #COST_SLACK} of the cheapest count as the same, and among those the most accurate (whole pool
     * plus random pools) wins: a candidate that saves 1 % should not win over one nearly a point better.
     */
    private static Candidate cheapestNearBest(List<Candidate> reaching) {
        double best = reaching.stream().mapToDouble(c -> c.validation().accuracy()).max().orElseThrow();
        double bestPools = reaching.stream().mapToDouble(Candidate::poolMean).max().orElseThrow();
        List<Candidate> near = reaching.stream()
                .filter(c -> c.validation().accuracy() >= best - TOLERANCE && c.poolMean() >= bestPools - TOLERANCE)
                .toList();
        if (near.isEmpty()) {
            return reaching.stream().max(Comparator.comparingDouble((Candidate c) -> c.validation().accuracy())).orElseThrow();
        }
        double cheapest = near.stream().mapToDouble(c -> c.validation().meanCostUsd()).min().orElseThrow();
        return near.stream()
                .filter(c -> c.validation().meanCostUsd() <= cheapest * (1 + COST_SLACK))
                .max(Comparator.comparingDouble((Candidate c) -> c.validation().accuracy() + c.poolMean())
                        .thenComparing(c -> -c.validation().meanCostUsd()))
                .orElseThrow();
    }

    /**
     * Applies the rule.
     *
     * @param poolBar the random pools' bar, or empty when the pool has {@value #POOL_SIZE} workers or fewer (then the
     *                random pools do not apply, and the finding says so instead of printing a figure of 0)
     */
    static Choice choose(List<Candidate> candidates, EvalRow bar, String barWorker, OptionalDouble poolBar, int validationSize,
                         int fitSize) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<Candidate> reaching = candidates.stream().filter(c -> margin(c, bar, poolBar) >= 0).toList();
        Candidate chosen = reaching.isEmpty()
                ? candidates.stream().max(Comparator.comparingDouble((Candidate c) -> margin(c, bar, poolBar))
                        .thenComparing(c -> -c.validation().meanCostUsd())).orElseThrow()
                : cheapestNearBest(reaching);
        String pools = poolBar.isPresent()
                ? String.format(Locale.ROOT, "and each random %d-worker pool's best, %.1f%% on average", POOL_SIZE, poolBar.getAsDouble())
                : String.format(Locale.ROOT, "while each random %d-worker pool's best does not apply (the pool has %d workers or fewer)",
                        POOL_SIZE, POOL_SIZE);
        String rule = String.format(Locale.ROOT,
                "chosen on %d validation questions of the train split (trained on the other %d): bar = best single worker of "
                        + "the fit part, %s, %.1f%% on validation, %s; "
                        + "rule: the cheapest setting reaching %s and within " + TOLERANCE + " points of the most accurate that does "
                        + "(costs within " + Math.round(COST_SLACK * 100) + "%% count as the same: then the more accurate), "
                        + "else the one closest to %s.",
                validationSize, fitSize, barWorker, bar.accuracy(), pools, poolBar.isPresent() ? "both" : "it",
                poolBar.isPresent() ? "them" : "it");
        Finding.Table figures = figures(candidates, poolBar.isPresent());
        boolean reaches = !reaching.isEmpty();
        String verdict = reaches
                ? String.format(Locale.ROOT, "Chosen: %s (reaches the bar).", chosen.label())
                : String.format(Locale.ROOT, "No learned setting reached the bar; chosen: %s, the closest, %.1f points "
                        + "below %s on validation%s: on this pool routing everything to %s is the accurate default.",
                        chosen.label(), bar.accuracy() - chosen.validation().accuracy(), barWorker,
                        poolBar.isPresent() ? String.format(Locale.ROOT, " and %.1f below the random pools' best",
                                poolBar.getAsDouble() - chosen.poolMean()) : "", barWorker);
        // The checkpoint keeps the choice as one line, each candidate's figures inline: accuracy / calls / cost [/ pools].
        String why = rule + " Candidates (accuracy / calls / cost on validation"
                + (poolBar.isPresent() ? " / mean accuracy on the random pools" : "") + "):"
                + figures.rows().stream().map(row -> " " + row.getFirst() + " " + row.get(1) + "% / " + row.get(2) + " / "
                        + row.get(3) + (row.size() > 4 ? " / " + row.get(4) + "%" : "")).collect(Collectors.joining(";"))
                + ". " + verdict;
        Finding finding = new Finding("choice of the default", Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + " "
                + verdict, figures);
        return new Choice(chosen, reaches, why, finding);
    }

    /** Returns each candidate's validation figures, one row each; the random pools' column only where they apply. */
    private static Finding.Table figures(List<Candidate> candidates, boolean pools) {
        List<String> columns = new ArrayList<>(List.of("setting", "accuracy %", "calls", "cost USD"));
        if (pools) {
            columns.add("random pools' accuracy %");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> row = new ArrayList<>(List.of(c.label(), String.format(Locale.ROOT, "%.1f", c.validation().accuracy()),
                    String.format(Locale.ROOT, "%.2f", c.validation().meanCalls()), Price.usd(c.validation().meanCostUsd())));
            if (pools) {
                row.add(String.format(Locale.ROOT, "%.1f", c.poolMean()));
            }
            rows.add(row);
        }
        return new Finding.Table("The candidates on validation", columns, rows);
    }
}
