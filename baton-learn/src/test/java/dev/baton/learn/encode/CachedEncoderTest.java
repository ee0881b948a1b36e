package dev.baton.learn.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.fixtures.CountingEncoder;
import dev.baton.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real MiniLM model behind the cache, against a real SQLite store file. */
class CachedEncoderTest extends QuestionEncoderContract {

    private static final List<String> QUESTIONS = List.of(
            "What is 12 times 7?",
            "A train travels 60 miles in 1.5 hours. What is its average speed?",
            "How many positive divisors does 360 have?");

    private static MiniLmEncoder model;

    @TempDir
    Path dir;

    private Store store;

    /** The contract's encoder: the real model behind a cache in a fresh in-memory store. */
    @Override
    protected QuestionEncoder encoder() {
        if (store == null) {
            store = Store.inMemory();
        }
        return new CachedEncoder(model, store.embeddings());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @BeforeAll
    static void loadModel() {
        model = MiniLmEncoder.load(2);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void takesTheWrappedEncodersIdAndDimension() {
        try (Store store = Store.inMemory()) {
            CachedEncoder cached = new CachedEncoder(model, store.embeddings());

            assertThat(cached.id()).isEqualTo(model.id());
            assertThat(cached.dimension()).isEqualTo(model.dimension());
        }
    }

    @Test
    void encodesEachTextOnceAndAnswersRepeatsFromTheCache() {
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            CountingEncoder counting = new CountingEncoder(model);
            CachedEncoder cached = new CachedEncoder(counting, store.embeddings());

            List<float[]> first = cached.encodeAll(QUESTIONS);
            List<float[]> second = cached.encodeAll(QUESTIONS);

            assertThat(counting.encoded()).containsExactlyElementsOf(QUESTIONS);
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(second.get(i)).containsExactly(first.get(i));
                assertThat(first.get(i)).containsExactly(model.encode(QUESTIONS.get(i)));
            }
        }
    }

    @Test
    void encodesOnlyTheMissingTextsOfABatchAndEachDuplicateOnce() {
        try (Store store = Store.inMemory()) {
            CountingEncoder counting = new CountingEncoder(model);
            CachedEncoder cached = new CachedEncoder(counting, store.embeddings());
            cached.encode(QUESTIONS.get(1));

            List<float[]> vectors = cached.encodeAll(List.of(
                    QUESTIONS.get(0), QUESTIONS.get(1), QUESTIONS.get(2), QUESTIONS.get(0)));

            assertThat(counting.encoded()).containsExactly(QUESTIONS.get(1), QUESTIONS.get(0), QUESTIONS.get(2));
            assertThat(vectors).hasSize(4);
            assertThat(vectors.get(3)).containsExactly(vectors.get(0));
            assertThat(vectors.get(1)).containsExactly(model.encode(QUESTIONS.get(1)));
        }
    }

    @Test
    void keepsVectorsAcrossReopeningTheStore() {
        Path file = dir.resolve("baton.db");
        List<float[]> before;
        try (Store store = Store.open(file)) {
            before = new CachedEncoder(model, store.embeddings()).encodeAll(QUESTIONS);
        }
        try (Store store = Store.open(file)) {
            CountingEncoder counting = new CountingEncoder(model);

            List<float[]> after = new CachedEncoder(counting, store.embeddings()).encodeAll(QUESTIONS);

            assertThat(counting.encoded()).isEmpty();
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(after.get(i)).containsExactly(before.get(i));
            }
            assertThat(store.embeddings().dimension(MiniLmEncoder.ID)).hasValue(384);
        }
    }
}
