package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreTest {

    @TempDir
    Path dir;

    private static StoredTrace trace(String id, long createdMs, Optional<String> answer) {
        return new StoredTrace(id, Instant.ofEpochMilli(createdMs), "best-solo", "What is 6 * 7?", answer, 2, 0.0015,
                Duration.ofMillis(37), "{\"calls\": 2}");
    }

    @Test
    void keepsATraceAndFindsItById() {
        try (Store store = Store.inMemory()) {
            StoredTrace kept = trace("chatcmpl-1", 1_000, Optional.of("42"));
            store.traces().put(kept);

            assertThat(store.traces().get("chatcmpl-1")).contains(kept);
            assertThat(store.traces().get("chatcmpl-2")).isEmpty();
        }
    }

    @Test
    void keepsAnUnansweredRequestWithoutAnAnswer() {
        try (Store store = Store.inMemory()) {
            store.traces().put(trace("chatcmpl-1", 1_000, Optional.empty()));

            assertThat(store.traces().get("chatcmpl-1")).get().extracting(StoredTrace::answer).isEqualTo(Optional.empty());
        }
    }

    @Test
    void listsTheMostRecentFirst() {
        try (Store store = Store.inMemory()) {
            store.traces().put(trace("old", 1_000, Optional.of("1")));
            store.traces().put(trace("new", 3_000, Optional.of("3")));
            store.traces().put(trace("middle", 2_000, Optional.of("2")));

            assertThat(store.traces().recent(2)).extracting(StoredTrace::id).containsExactly("new", "middle");
            assertThat(store.traces().recent(0)).isEmpty();
        }
    }

    @Test
    void refusesASecondTraceWithTheSameId() {
        try (Store store = Store.inMemory()) {
            store.traces().put(trace("chatcmpl-1", 1_000, Optional.of("42")));

            assertThatThrownBy(() -> store.traces().put(trace("chatcmpl-1", 2_000, Optional.of("43"))))
                    .isInstanceOf(StoreException.class);
            assertThat(store.traces().get("chatcmpl-1")).get().extracting(StoredTrace::answer).isEqualTo(Optional.of("42"));
        }
    }

    @Test
    void keepsTracesAcrossReopening() {
        Path file = dir.resolve("baton.db");
        try (Store store = Store.open(file)) {
            store.traces().put(trace("chatcmpl-1", 1_000, Optional.of("42")));
        }
        try (Store store = Store.open(file)) {
            assertThat(store.traces().get("chatcmpl-1")).isPresent();
        }
    }
}
