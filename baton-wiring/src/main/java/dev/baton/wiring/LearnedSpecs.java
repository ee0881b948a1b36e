package dev.baton.wiring;

import dev.baton.conduct.Conductor;
import dev.baton.eval.Evaluation;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.train.CheckpointFile;
import dev.baton.task.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Adds the {@code learned:<checkpoint>} conductor spec to an evaluation. */
public final class LearnedSpecs {

    private LearnedSpecs() {
    }

    /**
     * Returns the evaluation with {@code learned:} understood; conductors it creates are added to
     * {@code opened} so the caller can close them. Each is checked against the evaluation's pool as it is made: a pool
     * with none of its workers is refused, and one with extra or missing workers is said once to {@code notes}.
     */
    public static Evaluation register(Evaluation evaluation, Supplier<QuestionEncoder> encoder, List<LearnedConductor> opened,
                                      Consumer<String> notes) {
        return evaluation.withConductorKind(dev.baton.eval.ConductorSpecForm.LEARNED, path -> {
            LearnedConductor conductor = new LearnedConductor(CheckpointFile.read(Path.of(path)).policy(), encoder.get(), "learned:" + path);
            opened.add(conductor);
            conductor.fit(evaluation.view()).note(conductor.name()).ifPresent(notes);
            conductor.prepare(new ArrayList<>(evaluation.tasks(Split.ALL)));
            return (Conductor) conductor;
        });
    }
}
