package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private Path prices() throws IOException {
        Path file = dir.resolve("prices.tsv");
        Files.writeString(file, "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\na\t1\t1\t\nb\t1\t1\t\n");
        return file;
    }
}
