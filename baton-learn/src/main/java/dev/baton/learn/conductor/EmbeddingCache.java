package dev.baton.learn.conductor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Question embeddings by question text, the least recently used dropped past a capacity. A server plans a question it
 * has never seen on nearly every request, so a cache without a bound grows by an embedding a request until the heap is
 * gone; an evaluation asks again for the questions it {@linkplain #makeRoomFor made room for} in one batch.
 */
final class EmbeddingCache {

    /** Questions kept by default: a few megabytes of 384-wide embeddings, plenty for repeated questions in a server. */
    static final int DEFAULT_CAPACITY = 2_048;

    private final Map<String, float[]> byQuestion = new LinkedHashMap<>(64, 0.75f, true);
    private int capacity;

    EmbeddingCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized Optional<float[]> get(String question) {
        return Optional.ofNullable(byQuestion.get(question));
    }

    synchronized boolean contains(String question) {
        return byQuestion.containsKey(question);
    }

    synchronized void put(String question, float[] embedding) {
        byQuestion.put(question, embedding);
        var oldest = byQuestion.entrySet().iterator();
        while (byQuestion.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Keeps at least {@code questions} from now on, so that a batch embedded ahead of its questions stays whole. */
    synchronized void makeRoomFor(int questions) {
        capacity = Math.max(capacity, questions);
    }

    synchronized int size() {
        return byQuestion.size();
    }
}
