package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.EvalReport;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.providers.PoolFile;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of the live path with the replay pool: {@code openai} workers pointed at {@code baton serve --pool replay}
 * (the pool file the server writes of its gateway models) give exactly the in-process replay table — accuracy, calls,
 * cost, tokens, worker usage — for baselines whose steps answer alone (best-solo, a vote) and one whose aggregating
 * step sees the others' replies (Mixture-of-Agents: the replay worker's context model, seeded by the messages, must
 * see the very same messages through HTTP). A fixed subset of GSM8K and six workers keep it quick; the full test split
 * with the learned conductor is the documented command in docs/serving.md.
 */
class GatewayParityTest {

    private static final List<String> SPECS = List.of("best-solo", "vote:top3", "moa:top3");

    @TempDir
    Path dir;

    @Test
    void aPoolFileOfGatewayWorkersGivesTheReplayTableExactly() throws IOException {
        LoadedPool replay = ServerFixture.gsm8k();
        ReplayedBenchmark replayed = replay.replay().orElseThrow();
        List<Task> tasks = replayed.benchmark().tasks().subList(0, 120);
        List<String> workers = replay.pool().ids().subList(0, 6);
        try (ServerFixture server = new ServerFixture(replay, ServerSettings.loopback(0)
                .withLimits(ServerLimits.defaults().withMaxConcurrent(64)), List.of("best-solo"))) {
            Path file = dir.resolve("gateway.yaml");
            Files.writeString(file, GatewayPoolFile.yaml(replay, server.baseUrl(), Optional.empty()));
            Pool live = PoolFile.read(file).build(Map.of());
            assertThat(live.ids()).isEqualTo(replay.pool().ids());

            EvalReport inProcess = evaluation(tasks, replay.pool()).withWorkers(workers).evaluate(Split.ALL, SPECS);
            EvalReport overHttp = evaluation(tasks, live).withWorkers(workers).evaluate(Split.ALL, SPECS);

            assertThat(overHttp.rows()).isEqualTo(inProcess.rows());
            assertThat(inProcess.rows()).allSatisfy(row -> assertThat(row.meanCostUsd()).isPositive());
            assertThat(inProcess.rows().get(2).meanCalls()).as("moa's aggregator ran").isGreaterThan(3);
            assertThat(ServerFixture.json(server.get("/v1/traces?limit=1")).get("data")).isNotEmpty();
        }
    }

    private static Evaluation evaluation(List<Task> tasks, Pool pool) {
        return new Evaluation("gsm8k", tasks, pool,
                dev.baton.execute.Executor.builder().retry(dev.baton.execute.RetryPolicy.none()).build(), "pool", Optional.empty(), List.of(), ProgressListener.SILENT);
    }
}
