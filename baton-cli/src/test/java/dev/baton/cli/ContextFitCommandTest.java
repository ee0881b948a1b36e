package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton context fit}: the measured context model from a recording's reviews, and train/eval taking it. */
class ContextFitCommandTest {

    @TempDir
    Path dir;

    /**
     * Two questions, gold 10. Alone: q1 a 10, b 10, c 20; q2 a 10, b 30, c 30. Reviews: on q1 c saw a and b and adopted
     * their right 10; on q2 a saw b and c and adopted their wrong 30.
     */
    private Path recording() throws Exception {
        String lines = """
                {"id": "q1", "question": "What is 5 + 5?", "gold": "10", "answer_type": "number", "responses": {"a": {"tail": "The answer is 10."}, "b": {"tail": "The answer is 10."}, "c": {"tail": "The answer is 20."}}, "reviews": [{"worker": "c", "saw": ["a", "b"], "tail": "So it is 10."}]}
                {"id": "q2", "question": "What is 2 * 5?", "gold": "10", "answer_type": "number", "responses": {"a": {"tail": "The answer is 10."}, "b": {"tail": "The answer is 30."}, "c": {"tail": "The answer is 30."}}, "reviews": [{"worker": "a", "saw": ["b", "c"], "tail": "They agree: 30."}]}
                """;
        Files.writeString(dir.resolve("rec.prices.tsv"), "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\t1\t1\t\nb\t1\t1\t\nc\t1\t1\t\n");
        return Files.writeString(dir.resolve("rec.jsonl"), lines);
    }

    @Test
    void printsEachWorkersBehaviourWithCountsAndIntervalsAndWritesTheModelBesideTheRecording() throws Exception {
        Path recording = recording();

        CliRun run = CliRun.of("context", "fit", recording.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("context fit of " + recording + ": 2 reviews by 2 workers")
                .containsPattern("c\\s+keeps its own right answer\\s+0 / 0\\s+-\\s+-\n")
                .containsPattern("\\s+keeps its own wrong answer\\s+0 / 1\\s+0\\.0\\s+0\\.0-79\\.3\n")
                .containsPattern("\\s+adopts peers' agreed right answer\\s+1 / 1\\s+100\\.0\\s+20\\.7-100\\.0\n")
                .containsPattern("a\\s+keeps its own right answer\\s+0 / 1\\s+0\\.0\\s+0\\.0-79\\.3\n")
                .containsPattern("\\s+adopts peers' agreed wrong answer\\s+1 / 1\\s+100\\.0\\s+20\\.7-100\\.0\n")
                .contains("- context model: measured (" + dir.resolve("rec.context-model.yaml") + "): per-worker rates of 2 workers "
                        + "from 2 recorded reviews; assumed p_follow=0.8, p_keep=0.7 where none was measured, seed=0");
        assertThat(Files.readString(dir.resolve("rec.context-model.yaml"))).contains("workers:\n", "  \"a\": {p_follow: 1.0, reviews: 1}\n");
    }

    @Test
    void evalOnTheMeasuredModelReplaysTheReviewAndSaysWhichModelItRestsOn() throws Exception {
        Path recording = recording();
        Path model = dir.resolve("measured.yaml");
        CliRun fit = CliRun.of("context", "fit", recording.toString(), "--out", model.toString());

        CliRun measured = CliRun.of("eval", "--bench", recording.toString(), "--split", "all", "--context-model", model.toString(),
                "--conductor", "moa:top2", "--store", dir.resolve("baton.db").toString(), "--quiet");
        CliRun assumed = CliRun.of("eval", "--bench", recording.toString(), "--split", "all",
                "--conductor", "moa:top2", "--store", dir.resolve("baton.db").toString(), "--quiet");

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(measured.exitCode()).as(measured.err()).isZero();
        assertThat(measured.out()).contains("context model: measured (" + model + ")", "recorded reviews saw: they replay it");
        assertThat(assumed.out()).contains("context model: assumed (data/context-model.yaml): p_follow=0.8, p_keep=0.7, seed=0");
    }

    @Test
    void aRecordingWithoutReviewsIsRefusedSayingHowToRecordThem() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.jsonl"), "{\"id\": \"q1\", \"question\": \"1+1?\", \"gold\": \"2\", "
                + "\"answer_type\": \"number\", \"responses\": {\"a\": {\"tail\": \"2\"}}}\n");

        CliRun run = CliRun.of("context", "fit", plain.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + plain + " holds no recorded reviews: record them with baton record "
                + "--pool FILE --bench Q --reviews 2 --out FILE, then fit that file");
        assertThat(dir.resolve("plain.context-model.yaml")).doesNotExist();
    }
}
