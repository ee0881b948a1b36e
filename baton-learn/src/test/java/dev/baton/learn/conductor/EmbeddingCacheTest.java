package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void pastItsCapacityTheLeastRecentlyUsedQuestionGoes() {
        EmbeddingCache cache = new EmbeddingCache(2);
        cache.put("a", new float[] {1});
        cache.put("b", new float[] {2});
        cache.get("a"); // a is now used more recently than b

        cache.put("c", new float[] {3});

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.get("c")).hasValueSatisfying(v -> assertThat(v).containsExactly(3));
    }

    @Test
    void aServerPlanningNewQuestionsForeverHoldsNoMoreThanTheCapacity() {
        EmbeddingCache cache = new EmbeddingCache(EmbeddingCache.DEFAULT_CAPACITY);
        for (int i = 0; i < 3 * EmbeddingCache.DEFAULT_CAPACITY; i++) {
            cache.put("question " + i, new float[384]);
        }
        assertThat(cache.size()).isEqualTo(EmbeddingCache.DEFAULT_CAPACITY);
    }

    @Test
    void roomMadeForABatchKeepsTheWholeBatch() {
        EmbeddingCache cache = new EmbeddingCache(2);
        cache.makeRoomFor(5);
        for (int i = 0; i < 5; i++) {
            cache.put("q" + i, new float[1]);
        }
        assertThat(cache.size()).isEqualTo(5);
        assertThat(cache.contains("q0")).isTrue();
    }
}
