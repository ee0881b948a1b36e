package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.lm.LmConductor;
import dev.baton.conduct.lm.LmConductorOptions;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutsExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesEachTrainTaskWithTheMessagesAnLmConductorSendsForIt() throws IOException {
        Path out = dir.resolve("prompts.jsonl");

        CliRun run = CliRun.of("rollouts", "export", "--bench", "gsm8k", "--split", "train", "--limit", "4",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote 4 prompts (gsm8k, train split, 28 models)");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        LoadedPool replay = LoadedPool.load(LoadedPool.REPLAY, "gsm8k", Optional.empty(), Map.of());
        List<Task> train = Split.TRAIN.select("gsm8k", replay.replay().orElseThrow().benchmark().tasks());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            Task task = train.get(i);
            assertThat(line.get("id").asText()).isEqualTo(task.id());
            assertThat(line.get("question").asText()).isEqualTo(task.question());
            assertThat(line.get("gold").asText()).isEqualTo(task.gold());
            assertThat(line.get("answer_type").asText()).isEqualTo("number");
            List<String> exported = new ArrayList<>();
            line.get("messages").forEach(m -> exported.add(m.get("role").asText() + ": " + m.get("content").asText()));
            assertThat(exported).containsExactlyElementsOf(sentByAnLmConductor(replay, task));
        }
    }

    @Test
    void aSplitOfAnUnknownNameIsBadInput() {
        CliRun run = CliRun.of("rollouts", "export", "--bench", "gsm8k", "--split", "dev", "--out",
                dir.resolve("x.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isNotBlank();
    }

    /** Runs a real LM conductor whose model records what it is sent, and returns its first call's messages. */
    private static List<String> sentByAnLmConductor(LoadedPool replay, Task task) {
        List<CallRequest> seen = new ArrayList<>();
        Worker planner = new Worker() {
            @Override
            public WorkerCard card() {
                return WorkerCard.of("planner", new Price(0, 0));
            }

            @Override
            public synchronized Reply call(CallRequest request) {
                seen.add(request);
                return new Reply("model_id = [0]\nsubtasks = [\"Solve.\"]\naccess_list = [[]]", 1, 1, 0, Duration.ZERO);
            }
        };
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        Orchestrator loop = new Orchestrator(executor, replay.pool(), Budget.unlimited(), 1);
        loop.answer(new LmConductor(planner, replay.pool(), LmConductorOptions.defaults()),
                task, replay.pool().view());
        return seen.getFirst().messages().stream().map((ChatMessage m) -> m.role().name().toLowerCase(Locale.ROOT) + ": "
                + m.text()).toList();
    }
}
