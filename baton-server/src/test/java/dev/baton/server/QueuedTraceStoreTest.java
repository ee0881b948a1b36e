package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.store.Store;
import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class QueuedTraceStoreTest {

    private static StoredTrace trace(String id, Instant created) {
        return new StoredTrace(id, created, "best-solo", "q?", Optional.of("a"), 1, 0.001, Duration.ofMillis(3), "{}");
    }

    @Test
    void aQueuedTraceIsReadableAtOnceAndEveryTraceReachesTheStore() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (Store store = Store.inMemory()) {
            TraceStore slow = new TraceStore() {
                @Override
                public void put(StoredTrace trace) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    store.traces().put(trace);
                }

                @Override
                public Optional<StoredTrace> get(String id) {
                    return store.traces().get(id);
                }

                @Override
                public List<StoredTrace> recent(int limit) {
                    return store.traces().recent(limit);
                }
            };
            QueuedTraceStore queued = new QueuedTraceStore(slow);
            Instant now = Instant.now();
            for (int i = 0; i < 50; i++) {
                queued.put(trace("t" + i, now.plusMillis(i)));
            }

            assertThat(queued.get("t7")).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("t7"));
            assertThat(store.traces().get("t7")).as("still queued while the store is held up").isEmpty();

            release.countDown();
            assertThat(queued.recent(100)).as("recent waits for the queue").hasSize(50);
            queued.put(trace("last", now.plusSeconds(1)));
            queued.close();

            assertThat(store.traces().get("last")).isPresent();
            assertThat(queued.failures()).isZero();
        }
    }

    @Test
    void tracesThatQueuedWhileTheStoreWasBusyAreWrittenTogetherInOneBatch() throws InterruptedException {
        try (Store store = Store.inMemory()) {
            HeldStore counting = new HeldStore(store.traces());
            Instant now = Instant.now();
            QueuedTraceStore queued = writingItsFirstTrace(counting, now);
            for (int i = 0; i < 99; i++) {
                queued.put(trace("t" + i, now.plusMillis(i + 1)));
            }
            counting.release.countDown();
            queued.close();

            assertThat(counting.batches).as("the first trace alone, then the 99 that waited for it in one transaction")
                    .containsExactly(1, 99);
            assertThat(store.traces().recent(200)).hasSize(100);
            assertThat(queued.failures()).isZero();
        }
    }

    @Test
    void oneTraceTheStoreRefusesInABatchCostsOnlyThatTrace() throws InterruptedException {
        try (Store store = Store.inMemory()) {
            // The store's own table: a batch holding an id kept before fails whole, and is then written trace by trace.
            store.traces().put(trace("t5", Instant.now()));
            HeldStore held = new HeldStore(store.traces());
            Instant now = Instant.now();
            QueuedTraceStore queued = writingItsFirstTrace(held, now);
            for (int i = 0; i < 10; i++) {
                queued.put(trace("t" + i, now.plusMillis(i + 1)));
            }
            held.release.countDown();
            queued.close();

            assertThat(queued.failures()).as("only the duplicate t5").isEqualTo(1);
            assertThat(store.traces().recent(100)).hasSize(11);
        }
    }

    @Test
    void aTraceQueuedBeforeItIsBuiltIsBuiltOnceOffTheCallersThreadOrByItsFirstReader() throws InterruptedException {
        try (Store store = Store.inMemory()) {
            HeldStore held = new HeldStore(store.traces());
            Instant now = Instant.now();
            QueuedTraceStore queued = writingItsFirstTrace(held, now);
            List<String> builtOn = new CopyOnWriteArrayList<>();
            for (String id : List.of("read", "unread")) {
                queued.put(id, () -> {
                    builtOn.add(id + " on " + Thread.currentThread().getName());
                    return trace(id, now.plusMillis(1));
                });
            }
            assertThat(builtOn).as("putting builds nothing").isEmpty();

            assertThat(queued.get("read")).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("read"));
            assertThat(builtOn).containsExactly("read on " + Thread.currentThread().getName());
            held.release.countDown();
            queued.close();

            assertThat(builtOn).as("each built once: the one read by its reader, the other by the writer")
                    .containsExactly("read on " + Thread.currentThread().getName(), "unread on baton-trace-writer");
            assertThat(store.traces().get("read")).isPresent();
            assertThat(store.traces().get("unread")).isPresent();
        }
    }

    @Test
    void aTraceThatCannotBeBuiltIsCountedLikeOneTheStoreRefused() {
        try (Store store = Store.inMemory()) {
            QueuedTraceStore queued = new QueuedTraceStore(store.traces());
            queued.put("broken", () -> {
                throw new IllegalStateException("no JSON for this one");
            });
            queued.put(trace("fine", Instant.now()));
            queued.close();

            assertThat(queued.failures()).isEqualTo(1);
            assertThat(store.traces().get("fine")).isPresent();
            assertThat(store.traces().get("broken")).isEmpty();
        }
    }

    @Test
    void aTraceTheStoreRefusesIsCounted() {
        TraceStore refusing = new TraceStore() {
            @Override
            public void put(StoredTrace trace) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Optional<StoredTrace> get(String id) {
                return Optional.empty();
            }

            @Override
            public List<StoredTrace> recent(int limit) {
                return List.of();
            }
        };
        QueuedTraceStore queued = new QueuedTraceStore(refusing);
        queued.put(trace("a", Instant.now()));
        queued.put(trace("b", Instant.now()));
        queued.close();

        assertThat(queued.failures()).isEqualTo(2);
        assertThat(queued.get("a")).isEmpty();
    }

    /** Returns a queue in front of {@code held} whose writer is held writing a first trace, created at {@code now}. */
    private static QueuedTraceStore writingItsFirstTrace(HeldStore held, Instant now) throws InterruptedException {
        QueuedTraceStore queued = new QueuedTraceStore(held);
        queued.put(trace("first", now));
        held.firstWriteStarted.await();
        return queued;
    }

    /**
     * A trace store that holds its first write until released, so that traces queue up behind it, and counts the
     * traces of each write it makes to {@code traces}.
     */
    private static final class HeldStore implements TraceStore {

        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        private final TraceStore traces;

        HeldStore(TraceStore traces) {
            this.traces = traces;
        }

        @Override
        public void put(StoredTrace trace) {
            putAll(List.of(trace));
        }

        @Override
        public void putAll(List<StoredTrace> batch) {
            firstWriteStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(batch.size());
            traces.putAll(batch);
        }

        @Override
        public Optional<StoredTrace> get(String id) {
            return traces.get(id);
        }

        @Override
        public List<StoredTrace> recent(int limit) {
            return traces.recent(limit);
        }
    }
}
