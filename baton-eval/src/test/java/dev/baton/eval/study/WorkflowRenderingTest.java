package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.EvalFixtures;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowRenderingTest {

    @Test
    void laterRoundsSayTheySeeEveryEarlierRound() {
        Pool pool = EvalFixtures.pool();
        List<ChatMessage> alone = List.of(ChatMessage.user("q"));
        List<ChatMessage> seeing = List.of(ChatMessage.user("q"), ChatMessage.assistant("1"), ChatMessage.user("again"));
        Trace trace = new Trace(List.of(call(0, "strong", alone), call(1, "medium", seeing), call(2, "weak", seeing)));

        String text = WorkflowRendering.of(trace, pool);

        assertThat(text.lines().filter(line -> line.startsWith("# round")))
                .containsExactly("# round 1", "# round 2 (after seeing round 1)", "# round 3 (after seeing rounds 1-2)");
        assertThat(text).doesNotContain("first round");
    }

    private static CallRecord call(int round, String worker, List<ChatMessage> messages) {
        return new CallRecord(round, 0, worker, "Solve.", messages, Duration.ZERO,
                new CallResult.Answered(new Reply("1", 1, 1, 0, Duration.ZERO), 1));
    }
}
