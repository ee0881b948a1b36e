package dev.baton.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** baton calibrate end to end: a worker joins a checkpoint trained without it, on the replay pool and on a live one. */
class CalibrateCommandTest {

    private static final String KEY = "sk-baton-test-" + Long.toHexString(System.nanoTime());

    /** An OpenAI-compatible provider on loopback, reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private Path bench;
    private Path prices;
    private Path store;
    private Path without;

    /** A file where "good" is right on 70% of the questions, "bad" on 20% and "expert", left out of training, on all. */
    @BeforeEach
    void trainWithoutTheExpert() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append(String.format(
                    "{\"id\": \"q%d\", \"question\": \"How many apples are %d plus nothing?\", \"gold\": \"# %d\", \"answer_type\": \"number\", "
                            + "\"responses\": {\"good\": {\"tail\": \"The answer is %d.\", \"chars\": 40}, "
                            + "\"bad\": {\"tail\": \"The answer is %d.\", \"chars\": 40}, "
                            + "\"expert\": {\"tail\": \"The answer is %d.\", \"chars\": 40}}}%n",
                    i, i, i, i % 10 < 7 ? i : i + 1, i % 10 < 2 ? i : i + 7, i));
        }
        bench = Files.writeString(dir.resolve("apples.jsonl"), lines);
        prices = Files.writeString(dir.resolve("prices.tsv"),
                "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\ngood\t1\t1\t\nbad\t1\t1\t\nexpert\t1\t1\t\n");
        store = dir.resolve("store.db");
        without = dir.resolve("ck.json");
        CliRun train = CliRun.of("train", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--workers", "good,bad", "--out", without.toString(), "--iterations", "20", "--questions", "4", "--rollouts", "8",
                "--lambda", "1", "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @Test
    void onTheReplayPoolTheWorkerJoinsWithItsMeasuredAccuracyAndIsAsked() {
        CliRun calibrate = CliRun.of("calibrate", "--checkpoint", without.toString(), "--worker", "expert", "--bench", bench.toString(),
                "--prices", prices.toString(), "--limit", "20");

        assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
        Path calibrated = dir.resolve("ck.calibrated.json");
        assertThat(calibrate.out()).contains("calibrated expert from its recorded answers to 20 train questions of apples (replay pool)",
                "accuracy alone 100.0% (the checkpoint's best: good ", "wrote " + calibrated, "3 workers; no training step");
        Checkpoint joined = CheckpointFile.read(calibrated);
        assertThat(joined.workers().workerIds()).containsExactly("good", "bad", "expert");
        assertThat(joined.workers().descriptors()[2][2]).isEqualTo(1.0f);

        CliRun eval = CliRun.of("eval", "--bench", bench.toString(), "--prices", prices.toString(), "--store", store.toString(),
                "--split", "all", "--conductor", "learned:" + calibrated, "--conductor", "learned:" + without, "--quiet");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).containsPattern("learned:" + java.util.regex.Pattern.quote(calibrated.toString()) + "\\s*\\|\\s*100\\.0 ")
                .containsPattern("learned:" + java.util.regex.Pattern.quote(without.toString()) + "\\s*\\|\\s*70\\.0 ");
    }

    @Test
    void aWorkerTheCheckpointKnowsOrThePoolLacksIsRefusedInOneLine() {
        CliRun known = CliRun.of("calibrate", "--checkpoint", without.toString(), "--worker", "good", "--bench", bench.toString(),
                "--prices", prices.toString());
        assertThat(known.exitCode()).isEqualTo(2);
        assertThat(known.err().strip()).isEqualTo("error: --worker good is in " + without + " already: calibrate adds a worker "
                + "the checkpoint was not trained with");

        CliRun absent = CliRun.of("calibrate", "--checkpoint", without.toString(), "--worker", "nobody", "--bench", bench.toString(),
                "--prices", prices.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).contains("--worker nobody is not in the pool replay (its workers: ").doesNotContain("\tat ");
        assertThat(dir.resolve("ck.calibrated.json")).doesNotExist();
    }

    @Test
    void onALivePoolOnlyTheNewWorkerIsAskedOnceThroughTheCache() throws IOException {
        for (int i = 1; i <= 40; i++) {
            server.stubFor(post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + KEY))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("newcomer")))
                    .withRequestBody(containing("What is " + i + " + " + i + "?"))
                    .willReturn(okJson(completion("The answer is " + (i % 5 == 0 ? 2 * i + 1 : 2 * i) + "."))));
        }
        Path pool = LoopbackPoolFile.write(dir, server.getPort(), "newcomer");
        Path questions = AdditionQuestions.write(dir, 40);
        Path out = dir.resolve("live.json");
        String[] args = {"calibrate", "--checkpoint", without.toString(), "--pool", pool.toString(), "--worker", "newcomer",
            "--bench", questions.toString(), "--limit", "10", "--out", out.toString(), "--store", store.toString(), "--quiet"};
        Map<String, String> env = Map.of(LoopbackPoolFile.KEY_VARIABLE, KEY);

        CliRun first = CliRun.withEnv(env, args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(server.getAllServeEvents()).hasSize(10);
        assertThat(first.err()).contains("asking newcomer 10 train questions of questions: at most 10 calls");
        assertThat(first.out()).contains("calibrated newcomer from its answers to 10 train questions of questions");
        Checkpoint joined = CheckpointFile.read(out);
        assertThat(joined.workers().workerIds()).containsExactly("good", "bad", "newcomer");
        assertThat(joined.workers().descriptors()[2][2]).isBetween(0.5f, 1.0f);

        CliRun again = CliRun.withEnv(env, args);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(server.getAllServeEvents()).as("every answer comes from the response cache").hasSize(10);
        assertThat(CheckpointFile.read(out).workers().descriptors()[2]).containsExactly(joined.workers().descriptors()[2]);
        assertThat(first.out() + first.err() + again.out() + again.err()).doesNotContain(KEY);
    }

    private static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"newcomer",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":10,"total_tokens":40}}
                """.formatted(content);
    }
}
