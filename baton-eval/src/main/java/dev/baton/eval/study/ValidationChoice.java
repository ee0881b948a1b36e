package dev.baton.eval.study;

import dev.baton.eval.EvalRow;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.train.Checkpoint;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the default learned conductor on a validation part of the train split, never on test: accuracy first.
 *
 * <p>A train task is in the validation part when the first byte of SHA-256({@code <benchmark>:<id>:validation}) mod 4
 * is 0 (about a quarter of train, stable across machines); every candidate trains on the rest (the fit part). The bar
 * is the best single worker chosen on the fit part, measured on validation. The default is the cheapest candidate
 * (mean validation cost) whose validation accuracy reaches the bar; when none does, the most accurate candidate on
 * validation, and the finding says plainly that it trails the best single worker there.
 */
public final class ValidationChoice {

    private final String benchmark;
    private final List<Task> fit;
    private final List<Task> validation;
    private final Evaluation onValidation;
    private final QuestionEncoder encoder;
    private final String barWorker;
    private final EvalRow bar;

    /** Splits the benchmark's train split and measures the bar: the best single worker of the fit part, on validation. */
    public ValidationChoice(ReplayedBenchmark loaded, List<String> workers, QuestionEncoder encoder) {
        this.benchmark = loaded.benchmark().name();
        List<Task> train = Split.TRAIN.select(benchmark, loaded.benchmark().tasks());
        this.validation = train.stream().filter(t -> inValidation(benchmark, t.id())).toList();
        this.fit = train.stream().filter(t -> !inValidation(benchmark, t.id())).toList();
        this.encoder = encoder;
        // Each Evaluation holds only train tasks, so its TRAIN split is the whole part it was given.
        Evaluation onFit = new Evaluation(benchmark, fit, loaded.pool(), "replay", Optional.of(loaded.hindsight()), loaded.notes(),
                ProgressListener.SILENT).withWorkers(workers);
        this.onValidation = new Evaluation(benchmark, validation, loaded.pool(), "replay", Optional.of(loaded.hindsight()),
                loaded.notes(), ProgressListener.SILENT).withWorkers(workers);
        this.barWorker = onFit.ranking().best();
        this.bar = onValidation.evaluate(Split.TRAIN, List.of("solo:" + barWorker)).rows().getFirst();
    }

    /** Returns whether a train task of {@code benchmark} is in the validation part. */
    public static boolean inValidation(String benchmark, String taskId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((benchmark + ":" + taskId + ":validation").getBytes(StandardCharsets.UTF_8));
            return Byte.toUnsignedInt(digest[0]) % 4 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
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

    /** One trained setting and how it did on validation. */
    public record Candidate(String label, Checkpoint checkpoint, EvalRow validation) {
    }

    /** Evaluates a checkpoint on validation. */
    public Candidate candidate(String label, Checkpoint checkpoint) {
        try (LearnedConductor conductor = new LearnedConductor(checkpoint.policy(), encoder, label)) {
            conductor.prepare(validation);
            return new Candidate(label, checkpoint, onValidation.evaluateConductors(Split.TRAIN, List.of(conductor)).rows().getFirst());
        }
    }

    /**
     * What the rule chose.
     *
     * @param chosen     the default
     * @param reachesBar whether its validation accuracy reaches the best single worker's
     * @param why        the choice in one line: every candidate's validation figures, the bar and the rule
     */
    public record Choice(Candidate chosen, boolean reachesBar, String why) {
    }

    /** Applies the rule: the cheapest candidate reaching the bar on validation, else the most accurate one. */
    public Choice choose(List<Candidate> candidates) {
        return choose(candidates, bar, barWorker, validation.size(), fit.size());
    }

    static Choice choose(List<Candidate> candidates, EvalRow bar, String barWorker, int validationSize, int fitSize) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<Candidate> reaching = candidates.stream().filter(c -> c.validation().accuracy() >= bar.accuracy()).toList();
        Candidate chosen = reaching.isEmpty()
                ? candidates.stream().max(Comparator.comparingDouble((Candidate c) -> c.validation().accuracy())
                        .thenComparing(c -> -c.validation().meanCostUsd())).orElseThrow()
                : reaching.stream().min(Comparator.comparingDouble((Candidate c) -> c.validation().meanCostUsd())
                        .thenComparing(c -> -c.validation().accuracy())).orElseThrow();
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                "chosen on %d validation questions of the train split (trained on the other %d): bar = best single worker of "
                        + "the fit part, %s, %.1f%% on validation; rule: the cheapest setting reaching the bar, else the most "
                        + "accurate. Candidates (accuracy / calls / cost on validation):",
                validationSize, fitSize, barWorker, bar.accuracy()));
        List<String> parts = new ArrayList<>();
        for (Candidate c : candidates) {
            parts.add(String.format(Locale.ROOT, " %s %.1f%% / %.2f / $%.6f", c.label(), c.validation().accuracy(),
                    c.validation().meanCalls(), c.validation().meanCostUsd()));
        }
        why.append(String.join(";", parts));
        boolean reaches = !reaching.isEmpty();
        why.append(reaches
                ? String.format(Locale.ROOT, ". Chosen: %s (reaches the bar).", chosen.label())
                : String.format(Locale.ROOT, ". No learned setting reached the bar; chosen: %s, the most accurate, %.1f points "
                        + "below %s on validation: on this pool routing everything to %s is the accurate default.",
                        chosen.label(), bar.accuracy() - chosen.validation().accuracy(), barWorker, barWorker));
        return new Choice(chosen, reaches, why.toString());
    }
}
