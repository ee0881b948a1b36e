package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.client.Answer;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    @Test
    void countsPerWorkerTheCallsTheResponseCacheAnswered() {
        ServerMetrics metrics = new ServerMetrics();

        metrics.answered("best-solo", answer(call("a", false), call("b", true)));
        metrics.answered("best-solo", answer(call("a", true), call("b", true)));

        assertThat(metrics.scrape()).contains(
                "baton_worker_calls_total{worker=\"a\"} 2.0",
                "baton_response_cache_hits_total{worker=\"a\"} 1.0",
                "baton_response_cache_hits_total{worker=\"b\"} 2.0");
    }

    @Test
    void aServerWhoseCacheAnsweredNothingShowsNoHits() {
        ServerMetrics metrics = new ServerMetrics();

        metrics.answered("best-solo", answer(call("a", false)));

        assertThat(metrics.scrape()).contains("baton_worker_calls_total{worker=\"a\"} 1.0")
                .doesNotContain("baton_response_cache_hits_total");
    }

    private static CallRecord call(String worker, boolean cached) {
        return new CallRecord(0, 0, worker, "Solve it.", List.of(ChatMessage.user("Q")), Duration.ZERO,
                new CallResult.Answered(new Reply("42", 12, 34, cached ? 0 : 0.001, Duration.ofMillis(5)), 1, cached));
    }

    private static Answer answer(CallRecord... calls) {
        return new Answer("Q", Optional.of("42"), "best-solo", new Trace(List.of(calls)), Duration.ZERO);
    }
}
