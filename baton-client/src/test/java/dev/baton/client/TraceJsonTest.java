package dev.baton.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    @Test
    void eachAnsweredCallSaysWhetherItsUsageWasEstimated() throws Exception {
        List<CallRecord> calls = List.of(
                new CallRecord(0, 0, "reported", "Solve it.", List.of(ChatMessage.user("Q")), Duration.ZERO,
                        new CallResult.Answered(new Reply("42", 12, 34, 0.001, Duration.ofMillis(5)), 1)),
                new CallRecord(0, 1, "unreported", "Solve it.", List.of(ChatMessage.user("Q")), Duration.ZERO,
                        new CallResult.Answered(new Reply("42", 1, 1, 0.00001, Duration.ofMillis(5), true), 1)));

        JsonNode steps = new ObjectMapper().readTree(TraceJson.of(
                new Answer("Q", Optional.of("42"), "best-solo", new Trace(calls), Duration.ZERO))).get("steps");

        assertThat(steps.get(0).get("usage_estimated").asBoolean()).isFalse();
        assertThat(steps.get(1).get("usage_estimated").asBoolean()).isTrue();
        assertThat(steps.get(1).get("input_tokens").asLong()).isEqualTo(1);
    }
}
