package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.task.AnswerType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedBenchmarkReaderTest {

    private static final String TWO_TASKS = """
            {"id": "q1", "question": "1+1?", "gold": "2", "responses": {"m1": {"tail": "2", "chars": 10}, "m2": {"tail": "3", "chars": 4}}}

            {"id": "q2", "question": "2+2?", "gold": "4", "answer_type": "math", "responses": {"m2": {"tail": "4"}}}
            """;

    @Test
    void readsTasksRepliesAndModels() throws IOException {
        RecordedBenchmark benchmark = read(TWO_TASKS.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER));

        assertThat(benchmark.tasks()).hasSize(2);
        assertThat(benchmark.tasks().get(0).answerType()).isEqualTo(AnswerType.NUMBER);
        assertThat(benchmark.tasks().get(1).answerType()).isEqualTo(AnswerType.MATH);
        assertThat(benchmark.models()).containsExactly("m1", "m2");
        assertThat(benchmark.reply("q1", "m1")).contains(new RecordedReply("2", 10));
        assertThat(benchmark.reply("q2", "m2")).contains(new RecordedReply("4", 1));
        assertThat(benchmark.reply("q2", "m1")).isEmpty();
        assertThat(benchmark.answeredBy("m1")).isEqualTo(1);
    }

    @Test
    void readsBilledTokenCountsWhenARecordingHasThem() throws IOException {
        String line = "{\"id\": \"q1\", \"question\": \"1+1?\", \"gold\": \"2\", \"responses\": "
                + "{\"m1\": {\"tail\": \"2\", \"chars\": 10, \"input_tokens\": 31, \"output_tokens\": 7}}}";
        RecordedBenchmark benchmark = read(line.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER));

        assertThat(benchmark.reply("q1", "m1")).contains(
                new RecordedReply("2", 10, java.util.OptionalLong.of(31), java.util.OptionalLong.of(7)));
        String negative = line.replace("\"output_tokens\": 7", "\"output_tokens\": -7");
        assertThatThrownBy(() -> read(negative.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("responses.m1.output_tokens");
    }

    @Test
    void detectsGzipByContent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(TWO_TASKS.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(bytes.toByteArray(), Optional.of(AnswerType.NUMBER)).tasks()).hasSize(2);
    }

    @Test
    void missingAnswerTypeWithoutDefaultNamesTheLineAndTheFlag() {
        assertThatThrownBy(() -> read(TWO_TASKS.getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("test.jsonl line 1")
                .hasMessageContaining("--answer-type");
    }

    @Test
    void malformedJsonNamesTheLine() {
        String text = "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\"}\n{\"id\": \"q2\", \"question\": \n";
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageStartingWith("test.jsonl line 2: not valid JSON");
    }

    @Test
    void missingFieldIsNamed() {
        String text = "{\"id\": \"q1\", \"gold\": \"1\"}\n";
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .hasMessage("test.jsonl line 1: missing field \"question\"");
    }

    @Test
    void repeatedTaskIdIsRejected() {
        String line = "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\"}\n";
        assertThatThrownBy(() -> read((line + line).getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .hasMessageContaining("line 2: task id 'q1' appears twice");
    }

    @Test
    void replyWithoutTailIsRejected() {
        String text = "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"chars\": 3}}}\n";
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .hasMessageContaining("\"responses.m\" needs a text field \"tail\"");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> read(new byte[0], Optional.of(AnswerType.TEXT)))
                .hasMessageContaining("holds no tasks");
    }

    @Test
    void unknownBenchmarkNameSaysWhatExists() {
        assertThatThrownBy(() -> Benchmarks.load("gsm9k", Optional.empty()))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("unknown benchmark 'gsm9k'")
                .hasMessageContaining("gsm8k or math-l5");
    }

    @Test
    void truncatedGzipFileIsABadInputError(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(TWO_TASKS.repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path file = dir.resolve("cut.jsonl.gz");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> Benchmarks.load(file.toString(), Optional.of(AnswerType.NUMBER)))
                .isInstanceOf(BenchmarkFormatException.class);
    }

    @Test
    void fileNameGivesTheBenchmarkName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-bench.jsonl");
        Files.writeString(file, TWO_TASKS);
        assertThat(Benchmarks.load(file.toString(), Optional.of(AnswerType.NUMBER)).name()).isEqualTo("my-bench");
    }

    private static RecordedBenchmark read(byte[] bytes, Optional<AnswerType> type) throws IOException {
        return RecordedBenchmarkReader.read("test", "test.jsonl", new ByteArrayInputStream(bytes), type);
    }
}
