package dev.baton.wiring;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.lm.LmConductor;
import dev.baton.conduct.lm.LmConductorOptions;
import dev.baton.eval.ConductorSpecException;
import dev.baton.eval.ConductorSpecs;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.WorkerRanking;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.train.CheckpointFile;
import dev.baton.offline.ReplayedBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one conductor spec into the conductor that answers, over a replay or a live pool: every baseline,
 * {@code learned:<checkpoint>} and {@code lm:<worker>}.
 * "The best worker" and "the top k" come from the train split for a replay pool, and from the pool file's order for a
 * live one (list your best worker first). An LM conductor's own calls go through the executor and budget of the round
 * loop that drives it, so its model enjoys the same retries, cache and limits as the workers. Closes the learned conductors and the encoder
 * it opened.
 */
public final class ConductorResolver implements AutoCloseable {

    private final LoadedPool loaded;
    private final Supplier<QuestionEncoder> encoder;
    private final List<LearnedConductor> learned = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private QuestionEncoder opened;

    /**
     * @param loaded  the pool the conductors plan for
     * @param encoder opens the question encoder, only when a learned conductor needs it (it loads a model)
     */
    public ConductorResolver(LoadedPool loaded, Supplier<QuestionEncoder> encoder) {
        this.loaded = Objects.requireNonNull(loaded, "loaded");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * Resolves a spec naming exactly one conductor. An LM conductor's own calls go through whatever round loop drives
     * it, under each question's budget.
     *
     * @throws ConductorSpecException for an unknown or malformed spec, or one that names several conductors
     */
    public Conductor resolve(String spec) {
        String trimmed = spec.strip();
        if (trimmed.startsWith("lm:")) {
            String worker = trimmed.substring(3).strip();
            return new LmConductor(loaded.pool().get(worker), loaded.pool(), LmConductorOptions.defaults());
        }
        List<Conductor> conductors = loaded.replay().isPresent() ? replaySpecs(trimmed) : liveSpecs(trimmed);
        if (conductors.size() != 1) {
            throw new ConductorSpecException("'" + spec + "' names " + conductors.size() + " conductors; give one");
        }
        return conductors.getFirst();
    }

    private List<Conductor> replaySpecs(String spec) {
        ReplayedBenchmark replayed = loaded.replay().orElseThrow();
        Evaluation evaluation = new Evaluation(replayed.name(), replayed.benchmark().tasks(), replayed.pool(), replayed.executor(), "replay",
                Optional.of(replayed.hindsight()), replayed.notes(), ProgressListener.SILENT);
        return LearnedSpecs.register(evaluation, this::encoder, learned, notes::add).conductors(List.of(spec));
    }

    private List<Conductor> liveSpecs(String spec) {
        ConductorSpecs.checkForm(spec, java.util.Set.of(dev.baton.eval.ConductorSpecForm.LEARNED));
        Function<String, Conductor> learnedFactory = path -> {
            LearnedConductor conductor = new LearnedConductor(CheckpointFile.read(Path.of(path)).policy(), encoder(),
                    "learned:" + path);
            learned.add(conductor);
            conductor.fit(loaded.pool().view()).note(conductor.name()).ifPresent(notes::add);
            return conductor;
        };
        return new ConductorSpecs(loaded.pool(), loaded.pool().view(), () -> WorkerRanking.asListed(loaded.pool().ids()),
                () -> {
                    throw new ConductorSpecException("best-cascade is chosen on a benchmark's train split, which a live pool"
                            + " lacks: name the order instead, cheap workers first, e.g. cascade:<w1,w2,w3>");
                },
                loaded.hindsight(), Map.of(dev.baton.eval.ConductorSpecForm.LEARNED, learnedFactory)).resolve(spec);
    }

    /**
     * Returns what a person should be told once about the conductors resolved so far: a learned checkpoint whose
     * workers differ from the pool's (it plans over those it knows), one line each.
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private synchronized QuestionEncoder encoder() {
        if (opened == null) {
            opened = encoder.get();
        }
        return opened;
    }

    /** Closes the learned conductors it made (their networks). */
    @Override
    public void close() {
        learned.forEach(LearnedConductor::close);
    }
}
