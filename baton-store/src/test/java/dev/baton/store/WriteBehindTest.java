package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @Test
    void recordsOfferedBetweenTwoFlushesAreWrittenAsOneBatchAndWakeNobody() {
        // A flush an hour away: only the wait below may have the records written.
        try (WriteBehind<String, String> writes = writeBehind(Duration.ofHours(1))) {
            for (int i = 0; i < 50; i++) {
                assertThat(writes.offer("trace " + i)).isTrue();
            }
            assertThat(batches).as("no offer woke the writer").isEmpty();
            assertThat(writes.pending("trace 7")).contains("trace 7");

            writes.awaitWritten();

            assertThat(batches).hasSize(1);
            assertThat(batches.getFirst()).hasSize(50);
            assertThat(writes.pending("trace 7")).isEmpty();
        }
    }

    @Test
    void aLoneRecordIsWrittenAtTheNextFlush() throws InterruptedException {
        try (WriteBehind<String, String> writes = writeBehind(Duration.ofMillis(20))) {
            writes.offer("trace");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (batches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(batches).containsExactly(List.of("trace"));
        }
    }

    @Test
    void aFullBatchIsWrittenWithoutWaitingForTheFlush() throws InterruptedException {
        try (WriteBehind<String, String> writes = writeBehind(Duration.ofHours(1))) {
            for (int i = 0; i < WriteBehind.PROMPT_WRITE; i++) {
                writes.offer("trace " + i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (batches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(batches).isNotEmpty();
        }
    }

    @Test
    void closingWritesWhatIsQueued() {
        WriteBehind<String, String> writes = writeBehind(Duration.ofHours(1));
        writes.offer("a");
        writes.offer("b");

        writes.close();

        assertThat(batches).containsExactly(List.of("a", "b"));
        assertThat(writes.offer("c")).as("a closed writer takes nothing more").isFalse();
    }

    private WriteBehind<String, String> writeBehind(Duration flushInterval) {
        return new WriteBehind<>("test-writer", Function.identity(), batch -> batches.add(List.copyOf(batch)),
                record -> batches.add(List.of(record)), refused -> { }, flushInterval);
    }
}
