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
    void readsRecordedReviewsBesideTheResponses() throws IOException {
        String line = "{\"id\": \"q1\", \"question\": \"1+1?\", \"gold\": \"2\", \"responses\": {\"m1\": {\"tail\": \"2\"}, "
                + "\"m2\": {\"tail\": \"3\"}, \"m3\": {\"tail\": \"2\"}}, \"reviews\": [{\"worker\": \"m2\", \"saw\": [\"m3\", \"m1\"], "
                + "\"tail\": \"so 2\", \"chars\": 40, \"input_tokens\": 90, \"output_tokens\": 12}, {\"worker\": \"m1\", \"saw\": [\"m2\"], "
                + "\"tail\": \"2\"}]}";

        RecordedBenchmark benchmark = read(line.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER));

        assertThat(benchmark.reviews("q1")).containsExactly(
                new RecordedReview("m2", java.util.List.of("m3", "m1"),
                        new RecordedReply("so 2", 40, java.util.OptionalLong.of(90), java.util.OptionalLong.of(12))),
                new RecordedReview("m1", java.util.List.of("m2"), new RecordedReply("2", 1)));
        assertThat(benchmark.reviewCount()).isEqualTo(2);
        assertThat(benchmark.models()).containsExactly("m1", "m2", "m3");
    }

    @Test
    void aFileWithoutReviewsReadsAsBeforeWithNone() throws IOException {
        RecordedBenchmark benchmark = read(TWO_TASKS.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER));

        assertThat(benchmark.reviews("q1")).isEmpty();
        assertThat(benchmark.reviewCount()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            not an array    | "reviews": {}                                                  | "reviews" must be an array
            no worker       | "reviews": [{"saw": ["m2"], "tail": "2"}]                      | "reviews[0]" needs a text field "worker"
            saw nobody      | "reviews": [{"worker": "m1", "saw": [], "tail": "2"}]          | "reviews[0].saw" must be a non-empty array
            saw itself      | "reviews": [{"worker": "m1", "saw": ["m1"], "tail": "2"}]      | "reviews[0].saw" must list other workers than "m1"
            saw one twice   | "reviews": [{"worker": "m1", "saw": ["m2", "m2"], "tail": "2"}] | "reviews[0].saw" must list other workers than "m1", each once
            no tail         | "reviews": [{"worker": "m1", "saw": ["m2"]}]                   | "reviews[0]" needs a text field "tail"
            negative tokens | "reviews": [{"worker": "m1", "saw": ["m2"], "tail": "2", "input_tokens": -1}] | "reviews[0].input_tokens" must be a non-negative integer
            """)
    void aMalformedReviewIsRefusedWithItsLineAndField(String name, String reviews, String message) {
        String line = "{\"id\": \"q1\", \"question\": \"1+1?\", \"gold\": \"2\", " + reviews + "}";

        assertThatThrownBy(() -> read(line.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageStartingWith("test.jsonl line 1: ")
                .hasMessageContaining(message);
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
    void aCategoryBecomesTaskMetadata() throws IOException {
        String line = """
                {"id": "q1", "question": "Pick one", "gold": "B", "answer_type": "choice", "category": "physics"}
                {"id": "q2", "question": "Pick another", "gold": "A", "answer_type": "choice"}
                """;
        RecordedBenchmark benchmark = read(line.getBytes(StandardCharsets.UTF_8), Optional.empty());

        assertThat(benchmark.tasks().get(0).metadata()).containsExactly(java.util.Map.entry("category", "physics"));
        assertThat(benchmark.tasks().get(1).metadata()).isEmpty();
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
                .hasMessageContaining("gsm8k, math-l5, mmlu-pro");
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

    @Test
    void aLeadingByteOrderMarkIsSkipped() throws IOException {
        byte[] text = ("\uFEFF" + TWO_TASKS).getBytes(StandardCharsets.UTF_8);
        assertThat(read(text, Optional.of(AnswerType.NUMBER)).tasks()).extracting(dev.baton.task.Task::id).containsExactly("q1", "q2");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAsSoonAsItPassesIt() {
        // An endless line: the reader must stop at the limit, not read until memory runs out.
        byte[] head = "{\"id\": \"q1\", \"question\": \"".getBytes(StandardCharsets.UTF_8);
        java.io.InputStream endless = new java.io.InputStream() {
            long read;

            @Override
            public int read() {
                return read++ < head.length ? head[(int) read - 1] : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThatThrownBy(() -> RecordedBenchmarkReader.read("test", "test.jsonl", endless, Optional.of(AnswerType.TEXT)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage("test.jsonl line 1: longer than 64 MiB, the most a record may hold");
    }

    @Test
    void aValidRecordOfFiftyMegabytesIsRead() throws IOException {
        String tail = "x".repeat(50_000_000);
        String line = "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"tail\": \"" + tail + "\"}}}";
        RecordedBenchmark benchmark = read(line.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT));
        assertThat(benchmark.reply("q1", "m").orElseThrow().text()).hasSize(50_000_000);
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanTheLastOneWinning() {
        String text = "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"gold\": \"2\"}\n";
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageStartingWith("test.jsonl line 1: not valid JSON (Duplicate field 'gold')");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "number question    | \"id\": \"q1\", \"question\": 12345, \"gold\": \"1\"   | field \"question\" must be a string, got 12345",
        "number id          | \"id\": 7, \"question\": \"?\", \"gold\": \"1\"          | field \"id\" must be a string, got 7",
        "boolean gold       | \"id\": \"q1\", \"question\": \"?\", \"gold\": true      | field \"gold\" must be a string, got true",
        "blank question     | \"id\": \"q1\", \"question\": \"  \", \"gold\": \"1\"     | field \"question\" must not be blank",
        "blank gold         | \"id\": \"q1\", \"question\": \"?\", \"gold\": \"\"        | field \"gold\" must not be blank",
        "huge chars         | \"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"tail\": \"1\", \"chars\": 1e30}} | \"responses.m.chars\" must be an integer from 0 to 10000000, got 1.0E30",
        "fractional chars   | \"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"tail\": \"1\", \"chars\": 2.5}}  | \"responses.m.chars\" must be an integer",
        "chars beyond int   | \"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"tail\": \"1\", \"chars\": 4294967296}} | \"responses.m.chars\" must be an integer",
        "text chars         | \"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\", \"responses\": {\"m\": {\"tail\": \"1\", \"chars\": \"9\"}} | \"responses.m.chars\" must be an integer",
    })
    void fieldsOfTheWrongTypeOrRangeAreRefusedWithTheLine(String name, String fields, String message) {
        String text = "{\"id\": \"q0\", \"question\": \"?\", \"gold\": \"1\"}\n{" + fields + "}\n";
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.TEXT)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageStartingWith("test.jsonl line 2: ")
                .hasMessageContaining(message);
    }

    /** Such a question could never be graded right: a damaged file would lower every score without a word. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "# NaN", "eighteen"})
    void aNumberGoldThatStatesNoFiniteNumberIsRefusedWithTheLine(String gold) {
        String text = "{\"id\": \"q0\", \"question\": \"?\", \"gold\": \"# 18\"}\n"
                + "{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"" + gold + "\", \"answer_type\": \"number\"}\n";

        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), Optional.of(AnswerType.NUMBER)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage("test.jsonl line 2: field \"gold\" is no number answer a reply could match, got '" + gold
                        + "': write one finite number, such as \"18\" or \"# 18\"");
    }

    @Test
    void malformedUtf8IsRefusedWithItsLineNotReplaced() throws IOException {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        text.write("{\"id\": \"q1\", \"question\": \"?\", \"gold\": \"1\"}\n".getBytes(StandardCharsets.UTF_8));
        text.write("{\"id\": \"q2\", \"question\": \"?\", \"gold\": \"1\"}\n".getBytes(StandardCharsets.UTF_8));
        text.write("{\"id\": \"q3\", \"question\": \"caf\u00e9\", \"gold\": \"1\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        text.write("{\"id\": \"q4\", \"question\": \"?\", \"gold\": \"1\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(text.toByteArray(), Optional.of(AnswerType.TEXT)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage("test.jsonl line 3: not valid UTF-8");
    }

    private static RecordedBenchmark read(byte[] bytes, Optional<AnswerType> type) throws IOException {
        return RecordedBenchmarkReader.read("test", "test.jsonl", new ByteArrayInputStream(bytes), type);
    }
}
