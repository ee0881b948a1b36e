package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile files and settings: each gives a clear one-line error (or a right result), never a stack trace. */
class HostileInputTest {

    @TempDir
    Path dir;

    @Test
    void twoRepliesNestedThousandsDeepAreComparedNotACrash() throws IOException {
        // Voting compares the workers' answers with each other: both hostile, differing only at the bottom.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            lines.append(String.format("{\"id\": \"q%d\", \"question\": \"What is %d?\", \"gold\": \"%d\", \"answer_type\": \"math\", "
                    + "\"responses\": {\"a\": {\"tail\": \"%s\", \"chars\": 40}, \"b\": {\"tail\": \"%s\", \"chars\": 40}}}%n",
                    i, i, i, nested("2"), nested("4")));
        }
        Path bench = dir.resolve("nested.jsonl");
        Files.writeString(bench, lines);

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--prices", prices().toString(), "--split", "all",
                "--conductor", "vote:a,b", "--quiet");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    private static String nested(String bottom) {
        return "\\\\boxed{" + "(1,".repeat(20_000) + bottom + ")".repeat(20_000) + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "infinite lambda       | --lambda Infinity        | lambda must be a number from 0 to 1000000 (reward charged per USD), got Infinity",
        "huge lambda           | --lambda 1e308           | lambda must be a number from 0 to 1000000 (reward charged per USD), got 1.0E308",
        "NaN lambda            | --lambda NaN             | lambda must be a number from 0 to 1000000 (reward charged per USD), got NaN",
        "huge learning rate    | --learning-rate 1e30     | learning rate must be a number above 0 and at most 1.0, got 1.0E30",
        "too many rollouts     | --rollouts 100000        | rollouts must be from 2 to 1024, got 100000",
        "zero iterations       | --iterations 0           | iterations must be from 1 to 1000000, got 0",
    })
    void absurdTrainingSettingsAreRefusedBeforeTraining(String name, String flag, String message) throws IOException {
        String[] parts = flag.strip().split("\\s+");
        CliRun run = CliRun.of("train", "--bench", trainBenchmark().toString(), "--prices", prices().toString(),
                "--store", dir.resolve("store.db").toString(), "--out", dir.resolve("ck.json").toString(), "--quiet", parts[0], parts[1]);

        assertOneLineBadInput(run, "error: " + message);
        assertThat(dir.resolve("ck.json")).doesNotExist();
    }

    @Test
    void anInfinitePriceIsRefusedWithItsLine() throws IOException {
        Path prices = dir.resolve("infinite.tsv");
        Files.writeString(prices, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\tInfinity\t1\t\nb\t1\t1\t\n");

        CliRun run = CliRun.of("eval", "--bench", trainBenchmark().toString(), "--prices", prices.toString(), "--conductor", "solo:a");

        assertOneLineBadInput(run, "error: " + prices + ": line 2 (a): prices must be numbers from 0 to 1000000 USD per million tokens, "
                + "got 'Infinity' and '1'");
    }

    @Test
    void aSecondTrainingRunOnOneOutputIsRefusedWhileTheFirstHoldsIt() throws IOException {
        Path out = dir.resolve("ck.json");
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve("ck.json.lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
            CliRun run = train(out.toString());

            assertOneLineBadInput(run, "error: another training run holds " + out + " (" + dir.resolve("ck.json.lock")
                    + "): wait for it or train into another file");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "a file, not a directory");
        CliRun run = train(file.resolve("ck.json").toString());
        assertOneLineBadInput(run, "error: cannot write " + file.resolve("ck.json") + ": " + file + " exists and is not a directory");

        CliRun device = train("/dev/null");
        assertOneLineBadInput(device, "error: /dev/null exists and is not a regular file: refusing to replace it");
    }

    @Test
    void aSymbolicLinkedOutputIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("ck.json"), real.resolve("ck.json"));

        CliRun run = train(link.toString(), "--iterations", "1", "--questions", "2", "--rollouts", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("ck.json")).isRegularFile();
        assertThat(dev.baton.learn.train.CheckpointFile.read(link).iteration()).isEqualTo(1);
    }

    /** Each hostile benchmark file, fed to {@code eval}: one line naming the file and line, exit 2, no trace. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a duplicated key    | {\"id\": \"q1\", \"question\": \"1?\", \"gold\": \"1\", \"gold\": \"2\"}  | line 1: not valid JSON (Duplicate field 'gold')",
        "a number question   | {\"id\": \"q1\", \"question\": 12345, \"gold\": \"1\"}                  | line 1: field \"question\" must be a string, got 12345",
        "a number id         | {\"id\": 7, \"question\": \"1?\", \"gold\": \"1\"}                       | line 1: field \"id\" must be a string, got 7",
        "a blank question    | {\"id\": \"q1\", \"question\": \" \", \"gold\": \"1\"}                  | line 1: field \"question\" must not be blank",
        "absurd chars        | {\"id\": \"q1\", \"question\": \"1?\", \"gold\": \"1\", \"responses\": {\"a\": {\"tail\": \"1\", \"chars\": 1e30}}} | must be an integer from 0 to 10000000, got 1.0E30",
        "not JSON            | {\"id\": \"q1\", \"question\"                                        | line 1: not valid JSON",
    })
    void aHostileBenchmarkFileIsOneLineNamingItsLine(String name, String line, String expected) throws IOException {
        Path bench = dir.resolve("hostile.jsonl");
        Files.writeString(bench, line.strip() + "\n");

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--prices", prices().toString(),
                "--conductor", "solo:a");

        assertThat(run.err().strip().lines()).as(run.err()).singleElement().asString()
                .startsWith("error: ").contains(bench.toString()).contains(expected.strip());
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void malformedUtf8AndALeadingByteOrderMarkAreHandledWithTheLine() throws IOException {
        Path bench = dir.resolve("bytes.jsonl");
        byte[] good = "{\"id\": \"q1\", \"question\": \"1?\", \"gold\": \"1\", \"responses\": {\"a\": {\"tail\": \"The answer is 1.\"}}}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "{\"id\": \"q2\", \"question\": \"2?\u00ff\", \"gold\": \"2\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(bench, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, good, bad));

        CliRun run = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--prices", prices().toString(),
                "--split", "all", "--conductor", "solo:a");

        assertThat(run.err().strip().lines()).singleElement().asString().contains("line 2: not valid UTF-8");
        assertThat(run.exitCode()).isEqualTo(2);

        Files.write(bench, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, good));
        CliRun bom = CliRun.of("eval", "--bench", bench.toString(), "--answer-type", "number", "--prices", prices().toString(),
                "--split", "all", "--conductor", "solo:a");
        assertThat(bom.exitCode()).as(bom.err()).isZero();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private CliRun train(String out, String... extra) throws IOException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--bench", trainBenchmark().toString(),
                "--prices", prices().toString(), "--store", dir.resolve("store.db").toString(), "--out", out, "--quiet"));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    static void assertOneLineBadInput(CliRun run, String line) {
        assertThat(run.err().strip().lines()).as(run.err()).containsExactly(line);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    /** Forty questions that workers a and b answer in turn right and wrong. */
    private Path trainBenchmark() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append(String.format("{\"id\": \"q%d\", \"question\": \"What is %d?\", \"gold\": \"%d\", \"answer_type\": \"number\", "
                    + "\"responses\": {\"a\": {\"tail\": \"The answer is %d.\", \"chars\": 40}, "
                    + "\"b\": {\"tail\": \"The answer is %d.\", \"chars\": 40}}}%n", i, i, i, i, i % 3 == 0 ? i : i + 1));
        }
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    private Path prices() throws IOException {
        Path file = dir.resolve("prices.tsv");
        Files.writeString(file, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\t1\t1\t\nb\t1\t1\t\n");
        return file;
    }
}
