package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented parity command, through the CLI: {@code serve --pool replay --write-pool FILE}, then
 * {@code eval --pool FILE --recording gsm8k} prints the table {@code eval} prints on the in-process replay pool (the
 * recording ranks the live workers as the replay pool ranks itself; three workers keep it quick; docs/serving.md gives
 * the full-pool figures).
 */
class GatewayParityCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKERS = "gpt-4o-mini-2024-07-18,gemma-2-9b-it,Qwen2-72B-Instruct";

    @TempDir
    Path dir;

    @Test
    void evalThroughServedGatewayWorkersPrintsTheReplayTable() throws Exception {
        Path pool = dir.resolve("gateway.yaml");
        StringWriter out = new StringWriter();
        Thread serving = new Thread(() -> BatonCli.run(InputStream.nullInputStream(), Map.of(), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), "serve", "--pool", "replay", "--bench", "gsm8k", "--port", "0",
                "--max-concurrent", "64", "--write-pool", pool.toString(), "--store", dir.resolve("serve.db").toString()));
        serving.start();
        try {
            while (serving.isAlive() && !out.toString().contains("pool file of the gateway workers")) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(pool)).contains("provider: openai", "base_url: \"http://127.0.0.1:");

            CliRun live = CliRun.of("eval", "--pool", pool.toString(), "--bench", "gsm8k", "--recording", "gsm8k", "--split",
                    "test", "--workers", WORKERS, "--conductor", "best-solo", "--conductor", "vote:top3", "--quiet", "--json",
                    dir.resolve("live.json").toString(), "--store", dir.resolve("eval.db").toString());
            CliRun replay = CliRun.of("eval", "--bench", "gsm8k", "--split", "test", "--workers", WORKERS,
                    "--conductor", "best-solo", "--conductor", "vote:top3", "--quiet", "--json", dir.resolve("replay.json").toString());

            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            JsonNode liveRows = JSON.readTree(dir.resolve("live.json").toFile()).get("rows");
            JsonNode replayRows = JSON.readTree(dir.resolve("replay.json").toFile()).get("rows");
            assertThat(liveRows).hasSize(2);
            assertThat(liveRows).isEqualTo(replayRows);
            assertThat(JSON.readTree(dir.resolve("live.json").toFile()).get("pool").asText()).isEqualTo("gateway.yaml");
        } finally {
            serving.interrupt();
            serving.join();
        }
    }
}
