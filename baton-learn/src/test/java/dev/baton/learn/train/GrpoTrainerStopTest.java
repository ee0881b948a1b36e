package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.pool.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stop request (Ctrl-C in the CLI) leaves behind, and what the listener hears about where training starts. */
class GrpoTrainerStopTest {

    private static final RecordedBenchmark TOY = ToyBenchmark.recordings();
    private static final Pool POOL = ToyBenchmark.pool(TOY);
    /** Checkpoints only every 100 iterations: whatever a stop leaves, it did not come from the periodic writes. */
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withIterations(12).withBatch(4, 8).withCheckpointEvery(100);

    @TempDir
    Path dir;

    @Test
    void aStopSavesTheIterationJustDoneAndARerunResumesThere() {
        Path file = dir.resolve("ck.json");
        AtomicReference<GrpoTrainer> trainer = new AtomicReference<>();
        List<String> heard = new ArrayList<>();
        trainer.set(new GrpoTrainer("toy", POOL, TOY.tasks(), new HashingEncoder(), RoleSet.defaults(), CONFIG, file, new TrainingListener() {
            @Override
            public void started(int fromIteration, int totalIterations) {
                heard.add("started " + fromIteration + " of " + totalIterations);
            }

            @Override
            public void iterationDone(CurvePoint point, int totalIterations) {
                if (point.iteration() == 5) {
                    trainer.get().requestStop();
                }
            }
        }));

        Checkpoint stopped = trainer.get().train();

        assertThat(stopped.iteration()).isEqualTo(5);
        assertThat(stopped.finished()).isFalse();
        assertThat(CheckpointFile.read(file).iteration()).isEqualTo(5);
        assertThat(CheckpointFile.read(file).curve()).hasSize(5);

        List<String> resumed = new ArrayList<>();
        Checkpoint finished = new GrpoTrainer("toy", POOL, TOY.tasks(), new HashingEncoder(), RoleSet.defaults(), CONFIG, file,
                listener(resumed)).train();
        assertThat(finished.iteration()).isEqualTo(12);
        assertThat(resumed).containsExactly("started 5 of 12");

        List<String> again = new ArrayList<>();
        new GrpoTrainer("toy", POOL, TOY.tasks(), new HashingEncoder(), RoleSet.defaults(), CONFIG, file, listener(again)).train();
        assertThat(again).as("a finished checkpoint starts at its end: nothing runs").containsExactly("started 12 of 12");
        assertThat(heard).containsExactly("started 0 of 12");
    }

    private static TrainingListener listener(List<String> heard) {
        return new TrainingListener() {
            @Override
            public void started(int fromIteration, int totalIterations) {
                heard.add("started " + fromIteration + " of " + totalIterations);
            }

            @Override
            public void iterationDone(CurvePoint point, int totalIterations) {
            }
        };
    }
}
