package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link TraceStore} does, whichever database keeps it; each backend's test extends this. */
abstract class TraceStoreContract extends StoreBackendFixture {

    static StoredTrace trace(String id, long createdMs, Optional<String> answer) {
        return new StoredTrace(id, Instant.ofEpochMilli(createdMs), "best-solo", "What is 6 * 7?", answer, 2, 0.0015,
                Duration.ofMillis(37), "{\"calls\": 2}");
    }

    @Test
    void keepsATraceAndFindsItById() {
        TraceStore traces = open().traces();
        StoredTrace kept = trace("chatcmpl-1", 1_000, Optional.of("42"));
        traces.put(kept);

        assertThat(traces.get("chatcmpl-1")).contains(kept);
        assertThat(traces.get("chatcmpl-2")).isEmpty();
    }

    @Test
    void keepsEveryFieldExactly() {
        TraceStore traces = open().traces();
        StoredTrace kept = new StoredTrace("chatcmpl-x", Instant.ofEpochMilli(1_764_000_000_123L), "vote:top3",
                "Ünïcode question — with \"quotes\"\nand lines", Optional.of("√2 ≈ 1.41421356"), 31, 0.123456789012345,
                Duration.ofMillis(4_000_000_000L), "{\"calls\": [1, 2, 3], \"text\": \"ok\"}");
        traces.put(kept);

        assertThat(traces.get("chatcmpl-x")).contains(kept);
    }

    @Test
    void keepsAnUnansweredRequestWithoutAnAnswer() {
        TraceStore traces = open().traces();
        traces.put(trace("chatcmpl-1", 1_000, Optional.empty()));

        assertThat(traces.get("chatcmpl-1")).get().extracting(StoredTrace::answer).isEqualTo(Optional.empty());
    }

    @Test
    void listsTheMostRecentFirst() {
        TraceStore traces = open().traces();
        traces.put(trace("old", 1_000, Optional.of("1")));
        traces.put(trace("new", 3_000, Optional.of("3")));
        traces.put(trace("middle", 2_000, Optional.of("2")));

        assertThat(traces.recent(2)).extracting(StoredTrace::id).containsExactly("new", "middle");
        assertThat(traces.recent(0)).isEmpty();
    }

    @Test
    void listsTracesOfTheSameMillisecondLastInsertedFirst() {
        TraceStore traces = open().traces();
        traces.put(trace("b-first", 1_000, Optional.of("1")));
        traces.put(trace("a-second", 1_000, Optional.of("2")));
        traces.put(trace("c-third", 1_000, Optional.of("3")));

        assertThat(traces.recent(3)).extracting(StoredTrace::id).containsExactly("c-third", "a-second", "b-first");
    }

    @Test
    void refusesASecondTraceWithTheSameId() {
        TraceStore traces = open().traces();
        traces.put(trace("chatcmpl-1", 1_000, Optional.of("42")));

        assertThatThrownBy(() -> traces.put(trace("chatcmpl-1", 2_000, Optional.of("43"))))
                .isInstanceOf(StoreException.class);
        assertThat(traces.get("chatcmpl-1")).get().extracting(StoredTrace::answer).isEqualTo(Optional.of("42"));
    }

    @Test
    void keepsABatchWhole() {
        TraceStore traces = open().traces();
        traces.putAll(java.util.List.of(trace("chatcmpl-1", 1_000, Optional.of("42")), trace("chatcmpl-2", 2_000, Optional.empty())));

        assertThat(traces.recent(10)).extracting(StoredTrace::id).containsExactly("chatcmpl-2", "chatcmpl-1");
    }

    @Test
    void keepsNoneOfABatchHoldingAnIdAlreadyKept() {
        TraceStore traces = open().traces();
        traces.put(trace("chatcmpl-1", 1_000, Optional.of("42")));

        assertThatThrownBy(() -> traces.putAll(java.util.List.of(trace("chatcmpl-2", 2_000, Optional.of("43")),
                trace("chatcmpl-1", 3_000, Optional.of("44"))))).isInstanceOf(StoreException.class);
        assertThat(traces.get("chatcmpl-2")).as("all or none").isEmpty();
    }

    @Test
    void refusesANegativeLimit() {
        TraceStore traces = open().traces();

        assertThatThrownBy(() -> traces.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTraceWrittenThroughOneConnectionIsReadThroughAnother() {
        StoreBackend writer = open();
        StoreBackend reader = open();
        writer.traces().put(trace("chatcmpl-1", 1_000, Optional.of("42")));

        assertThat(reader.traces().get("chatcmpl-1")).isPresent();
        assertThat(reader.traces().recent(5)).extracting(StoredTrace::id).containsExactly("chatcmpl-1");
    }

    @Test
    void keepsTracesAcrossReopening() {
        StoreBackend first = open();
        first.traces().put(trace("chatcmpl-1", 1_000, Optional.of("42")));
        first.close();

        assertThat(open().traces().get("chatcmpl-1")).isPresent();
    }

    @Test
    void refusesUseAfterClose() {
        StoreBackend store = open();
        store.close();

        assertThatThrownBy(() -> store.traces().get("chatcmpl-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }
}
