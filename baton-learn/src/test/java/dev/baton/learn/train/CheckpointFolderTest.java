package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder given where a checkpoint file is expected (learned:runs/x) is named as such, with the checkpoints it holds. */
class CheckpointFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsSaidToBeOneAndItsCheckpointsAreListed() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> CheckpointFile.read(empty)).isInstanceOf(CheckpointException.class)
                .hasMessage(empty + " is a folder; a checkpoint file is expected (the .json file baton train writes with --out); it holds none");

        Path run = Files.createDirectory(dir.resolve("run"));
        var toy = ToyBenchmark.recordings();
        Checkpoint checkpoint = new GrpoTrainer("toy", ToyBenchmark.pool(toy), toy.tasks(), new HashingEncoder(), RoleSet.defaults(),
                TrainingConfig.defaults().withIterations(3), dir.resolve("unused.json"), TrainingListener.SILENT).initial();
        CheckpointFile.write(checkpoint, run.resolve("learned.json"));
        CheckpointFile.write(checkpoint, run.resolve("control.json"));
        Files.writeString(run.resolve("report.json"), "{\"title\": \"not a checkpoint\"}");
        Files.createDirectory(run.resolve("gsm8k.json"));

        assertThatThrownBy(() -> CheckpointFile.read(run)).isInstanceOf(CheckpointException.class)
                .hasMessage(run + " is a folder; a checkpoint file is expected (the .json file baton train writes with --out); it holds "
                        + run.resolve("control.json") + ", " + run.resolve("learned.json"));
    }
}
