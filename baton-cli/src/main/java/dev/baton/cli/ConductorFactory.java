package dev.baton.cli;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.lm.LmConductor;
import dev.baton.conduct.lm.LmConductorOptions;
import dev.baton.eval.ConductorSpecException;
import dev.baton.eval.ConductorSpecs;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.WorkerRanking;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.train.CheckpointFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one {@code --conductor} spec into the conductor a command answers with, over a replay or a live pool.
 * "The best worker" and "the top k" come from the train split for a replay pool, and from the pool file's order for a
 * live one (list your best worker first). An LM conductor's own calls go through the command's executor and budget, so
 * its model enjoys the same retries, cache and limits as the workers. Closes the learned conductors and the encoder
 * it opened.
 */
final class ConductorFactory implements AutoCloseable {

    private final LivePoolOptions.Loaded loaded;
    private final EncoderOptions encoderOptions;
    private final List<LearnedConductor> learned = new ArrayList<>();
    private EncoderOptions.Session session;

    ConductorFactory(LivePoolOptions.Loaded loaded, EncoderOptions encoderOptions) {
        this.loaded = loaded;
        this.encoderOptions = encoderOptions;
    }

    /** Resolves a spec naming exactly one conductor. */
    Conductor resolve(String spec, Executor executor, Budget budget) {
        String trimmed = spec.strip();
        if (trimmed.startsWith("lm:")) {
            String worker = trimmed.substring(3).strip();
            return new LmConductor(loaded.pool().get(worker), loaded.pool(), executor, budget, LmConductorOptions.defaults());
        }
        List<Conductor> conductors = loaded.replay().isPresent() ? replaySpecs(trimmed) : liveSpecs(trimmed);
        if (conductors.size() != 1) {
            throw new ConductorSpecException("'" + spec + "' names " + conductors.size() + " conductors; give one");
        }
        return conductors.getFirst();
    }

    private List<Conductor> replaySpecs(String spec) {
        Evaluation evaluation = PoolOptions.evaluation(loaded.replay().orElseThrow(), ProgressListener.SILENT);
        return LearnedSpecs.register(evaluation, () -> session().encoder(), learned).conductors(List.of(spec));
    }

    private List<Conductor> liveSpecs(String spec) {
        ConductorSpecs.checkForm(spec, java.util.Set.of("learned"));
        Function<String, Conductor> learnedFactory = path -> {
            LearnedConductor conductor = new LearnedConductor(CheckpointFile.read(Path.of(path)).policy(), session().encoder(),
                    "learned:" + path);
            learned.add(conductor);
            return conductor;
        };
        return new ConductorSpecs(loaded.pool(), loaded.pool().view(), () -> WorkerRanking.asListed(loaded.pool().ids()),
                loaded.hindsight(), Map.of("learned", learnedFactory)).resolve(spec);
    }

    private EncoderOptions.Session session() {
        if (session == null) {
            session = encoderOptions.open();
        }
        return session;
    }

    @Override
    public void close() {
        learned.forEach(LearnedConductor::close);
        if (session != null) {
            session.close();
        }
    }
}
