package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        assertThat(Files.readString(file)).contains("\"format\":\"baton-policy/6\"");
        // Training measured each worker alone on its questions (strong is right on 90%, weak on 30%) ...
        assertThat(original.workers().descriptors()[3][2]).isCloseTo(0.9f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(original.workers().descriptors()[0][2]).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
        // ... and the accuracies the pointer reads travel with the policy.
        for (int i = 0; i < original.workers().size(); i++) {
            assertThat(read.workers().descriptors()[i]).containsExactly(original.workers().descriptors()[i]);
        }
        // So do the shared wrong answers the vote discounts: one per pair, the same both ways, 1 for a worker and itself.
        float[][] shared = original.workers().sameWrong();
        assertThat(shared).hasNumberOfRows(4);
        // The toy's workers all give the same wrong answer (the question's number + 1000): measured, shrunk a little
        // toward one in nine for the ten questions' prior.
        assertThat(shared[0][1]).isGreaterThan(0.8f);
        for (int i = 0; i < 4; i++) {
            assertThat(shared[i][i]).isEqualTo(1f);
            for (int j = 0; j < 4; j++) {
                assertThat(shared[i][j]).isBetween(0f, 1f).isEqualTo(shared[j][i]);
            }
            assertThat(read.workers().sameWrong()[i]).containsExactly(shared[i]);
        }
        assertThat(read.selection()).isEmpty();
    }

    @Test
    void theReasonACheckpointWasChosenAndItsSubjectAccuraciesSurviveTheFile() throws IOException {
        Checkpoint base = checkpoint();
        var workers = new dev.baton.learn.conductor.WorkerIndex(base.workers().workerIds(), base.workers().descriptors(),
                Map.of("law", new float[] {0.1f, 0.2f, 0.3f, 0.9f}));
        Checkpoint original = new Checkpoint(base.benchmark(), workers, base.encoderId(), base.roles(), base.shape(), base.config(),
                base.iteration(), base.curve(), base.parameters(), base.optimizer(), "").withSelection("chosen on validation: lambda=1");
        Path file = dir.resolve("chosen.json");
        CheckpointFile.write(original, file);
        Checkpoint read = CheckpointFile.read(file);
        assertThat(read.selection()).isEqualTo("chosen on validation: lambda=1");
        assertThat(read.workers().byCategory()).containsOnlyKeys("law");
        assertThat(read.workers().byCategory().get("law")).containsExactly(0.1f, 0.2f, 0.3f, 0.9f);
        assertThat(read.workers().accuracyFor(dev.baton.task.Task.of("q", "?", "1", dev.baton.task.AnswerType.NUMBER))).isEmpty();
        assertThat(read.workers().accuracyFor(new dev.baton.task.Task("q", "?", "1", dev.baton.task.AnswerType.NUMBER,
                Map.of("category", "law")))).containsExactly(0.1f, 0.2f, 0.3f, 0.9f);
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

        Files.writeString(file, text.replace("baton-policy/6", "baton-policy/1"));
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("format 'baton-policy/1'")
                .hasMessageContaining("train it again");

        Files.write(file, CheckpointFile.signed(content(text).replace("\"iteration\"", "\"iterations_done\"").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("missing 'iteration'");
    }

    @Test
    void aFileEditedAfterItWasWrittenIsRefused() throws IOException {
        Path file = dir.resolve("ck.json");
        CheckpointFile.write(checkpoint(), file);
        String text = Files.readString(file);
        // Two workers swapped: the policy would route every question to the wrong worker, and say nothing.
        String swapped = text.replace("\"id\":\"weak\"", "\"id\":\"@\"").replace("\"id\":\"strong\"", "\"id\":\"weak\"")
                .replace("\"id\":\"@\"", "\"id\":\"strong\"");
        assertThat(swapped).isNotEqualTo(text);

        for (String edited : new String[] {swapped, content(text), text.replace("\"iteration\":0", "\"iteration\":1"), text + " "}) {
            Files.writeString(file, edited);
            assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CheckpointException.class)
                    .hasMessage("checkpoint " + file + " was modified after it was written (its checksum does not match its content): "
                            + "train it again");
        }
    }

    @Test
    void nonFiniteNumbersAnIterationOutOfRangeAndWrongSizesAreRefused() throws IOException {
        Checkpoint good = checkpoint();
        String name = good.parameters().keySet().iterator().next();
        float[] poisoned = good.parameters().get(name).clone();
        poisoned[3] = Float.NaN;
        Map<String, float[]> shorter = new LinkedHashMap<>(good.parameters());
        shorter.put(name, new float[1]);
        Path file = dir.resolve("bad.json");

        CheckpointFile.write(good.withParameter(name, poisoned), file);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint " + file + " is corrupt: parameters '" + name + "' holds NaN: a policy's numbers must be finite");

        CheckpointFile.write(withIteration(good, -1), file);
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessage("checkpoint " + file + " is corrupt: iteration -1 is outside 0..3");

        CheckpointFile.write(new Checkpoint(good.benchmark(), good.workers(), good.encoderId(), good.roles(), good.shape(), good.config(),
                0, good.curve(), shorter, good.optimizer()), file);
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageStartingWith("checkpoint " + file + " is corrupt: parameters '"
                + name + "' holds 1 numbers, its shape needs ");
    }

    private static Checkpoint withIteration(Checkpoint c, int iteration) {
        return new Checkpoint(c.benchmark(), c.workers(), c.encoderId(), c.roles(), c.shape(), c.config(), iteration, c.curve(),
                c.parameters(), c.optimizer());
    }

    /** Returns a signed file's content without its checksum field. */
    private static String content(String text) {
        return "{" + text.substring(text.indexOf("\",") + 2);
    }
}
