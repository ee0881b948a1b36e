package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    private static final String ENCODER = "test-encoder";

    @TempDir
    Path dir;

    @Test
    void returnsWhatWasPut() {
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            EmbeddingCache cache = store.embeddings();
            float[] vector = {0.25f, -1.5f, Float.MIN_VALUE, 3.0e7f};

            cache.put(ENCODER, "What is 2 + 2?", vector);

            assertThat(cache.get(ENCODER, "What is 2 + 2?")).hasValueSatisfying(v -> assertThat(v).containsExactly(vector));
            assertThat(cache.get(ENCODER, "What is 2 + 3?")).isEmpty();
            assertThat(cache.get("other-encoder", "What is 2 + 2?")).isEmpty();
            assertThat(cache.dimension(ENCODER)).hasValue(4);
        }
    }

    @Test
    void keepsVectorsAcrossReopening() {
        Path file = dir.resolve("baton.db");
        try (Store store = Store.open(file)) {
            store.embeddings().put(ENCODER, "ünïcødé question ∑", new float[] {1, 2, 3});
        }
        try (Store store = Store.open(file)) {
            assertThat(store.embeddings().get(ENCODER, "ünïcødé question ∑"))
                    .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
        }
    }

    @Test
    void storesVectorsAsLittleEndianFloat32() {
        assertThat(Float32Blob.pack(new float[] {1.0f})).containsExactly(0x00, 0x00, (byte) 0x80, 0x3f);
        assertThat(Float32Blob.unpack(Float32Blob.pack(new float[] {-0.5f, 7f}))).containsExactly(-0.5f, 7f);
    }

    @Test
    void replacesAVectorPutAgain() {
        try (Store store = Store.inMemory()) {
            store.embeddings().put(ENCODER, "q", new float[] {1, 1});
            store.embeddings().put(ENCODER, "q", new float[] {2, 2});

            assertThat(store.embeddings().get(ENCODER, "q")).hasValueSatisfying(v -> assertThat(v).containsExactly(2, 2));
            assertThat(store.embeddings().count(ENCODER)).isEqualTo(1);
        }
    }

    @Test
    void writesTwoThousandQuestionsInOneTransaction() {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            vectors.put("Question number " + i + ": how many apples?", randomVector(i, 384));
        }
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            // One transaction, not a commit per row (which takes seconds for a batch this size): a reader on another
            // connection, watching while the batch is written, sees none of it or all of it, never a part.
            java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader;
            try (Store watcher = Store.open(dir.resolve("baton.db"))) {
                reader = Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        seen.add(watcher.embeddings().count(ENCODER));
                    }
                });
                store.embeddings().putAll(ENCODER, vectors);
                writing.set(false);
                reader.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(seen).isSubsetOf(0, 2_000);

            Map<String, float[]> found = store.embeddings().getAll(ENCODER, vectors.keySet());

            assertThat(found).hasSize(2_000);
            vectors.forEach((text, vector) -> assertThat(found.get(text)).containsExactly(vector));
        }
    }

    @Test
    void getAllReturnsOnlyCachedTextsAndToleratesDuplicates() {
        try (Store store = Store.inMemory()) {
            store.embeddings().put(ENCODER, "cached", new float[] {1});

            Map<String, float[]> found = store.embeddings().getAll(ENCODER, List.of("cached", "missing", "cached"));

            assertThat(found).containsOnlyKeys("cached");
            assertThat(store.embeddings().getAll(ENCODER, List.of())).isEmpty();
        }
    }

    @Test
    void acceptsConcurrentPutsFromSeveralThreads() throws Exception {
        int threads = 4;
        int perThread = 200;
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String text = "thread " + thread + " question " + i;
                            store.embeddings().put(ENCODER, text, randomVector(thread * perThread + i, 8));
                            assertThat(store.embeddings().get(ENCODER, text)).isPresent();
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(store.embeddings().count(ENCODER)).isEqualTo(threads * perThread);
        }
    }

    @Test
    void rejectsAVectorOfAnotherDimensionThanStored() {
        Path file = dir.resolve("baton.db");
        try (Store store = Store.open(file)) {
            store.embeddings().put(ENCODER, "first", new float[384]);
        }
        try (Store store = Store.open(file)) {
            assertThatThrownBy(() -> store.embeddings().put(ENCODER, "second", new float[768]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(ENCODER)
                    .hasMessageContaining("384")
                    .hasMessageContaining("768");
            store.embeddings().put("another-encoder", "second", new float[768]);
            assertThat(store.embeddings().get(ENCODER, "second")).isEmpty();
        }
    }

    @Test
    void writesNothingFromABatchWithMixedDimensions() {
        try (Store store = Store.inMemory()) {
            Map<String, float[]> mixed = new LinkedHashMap<>();
            mixed.put("a", new float[3]);
            mixed.put("b", new float[4]);

            assertThatThrownBy(() -> store.embeddings().putAll(ENCODER, mixed))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.embeddings().count(ENCODER)).isZero();
            assertThat(store.embeddings().dimension(ENCODER)).isEmpty();
        }
    }

    private static float[] randomVector(long seed, int dimension) {
        java.util.Random random = new java.util.Random(seed);
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
