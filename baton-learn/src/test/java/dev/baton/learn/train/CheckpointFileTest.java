package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    @TempDir
    Path dir;

    private Checkpoint checkpoint() {
        var toy = ToyBenchmark.recordings();
        return new GrpoTrainer("toy", ToyBenchmark.pool(toy), toy.tasks(), new HashingEncoder(), RoleSet.defaults(),
                TrainingConfig.defaults().withIterations(3), dir.resolve("unused.json"), TrainingListener.SILENT).initial();
    }

    @Test
    void roundTripIsExactAndSelfDescribing() throws IOException {
        Checkpoint original = checkpoint();
        Path file = dir.resolve("ck.json");
        CheckpointFile.write(original, file);
        Checkpoint read = CheckpointFile.read(file);

        assertThat(read.benchmark()).isEqualTo("toy");
        assertThat(read.encoderId()).isEqualTo("hashing-16");
        assertThat(read.workers().workerIds()).containsExactly("weak", "noisy", "cheap", "strong");
        assertThat(read.roles().roles()).isEqualTo(RoleSet.defaults().roles());
        assertThat(read.config()).isEqualTo(original.config());
        assertThat(read.shape()).isEqualTo(original.shape());
        original.parameters().forEach((name, values) -> assertThat(read.parameters().get(name)).containsExactly(values));
        assertThat(Files.readString(file)).contains("\"format\":\"baton-policy/2\"");
    }

    @Test
    void missingCorruptAndForeignFilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> CheckpointFile.read(dir.resolve("none.json")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("checkpoint not found");

        Path file = dir.resolve("ck.json");
        CheckpointFile.write(checkpoint(), file);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CheckpointException.class).hasMessageContaining("is corrupt");

        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("is not a Baton policy checkpoint");

        Files.writeString(file, text.replace("baton-policy/2", "baton-policy/1"));
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("format 'baton-policy/1'")
                .hasMessageContaining("train it again");

        Files.writeString(file, text.replace("\"iteration\"", "\"iterations_done\""));
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("missing 'iteration'");
    }
}
