package dev.baton.learn.encode;

import dev.baton.store.EmbeddingCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes questions through a cache: vectors already in the store are read back, only the missing
 * ones are encoded, and those are written back, so each distinct question is encoded once per store.
 *
 * <p>It has the wrapped encoder's id and dimension, so vectors are cached under the id of the encoder
 * that made them.
 */
public final class CachedEncoder implements QuestionEncoder {

    private final QuestionEncoder encoder;
    private final EmbeddingCache cache;

    /** Puts a cache in front of an encoder. */
    public CachedEncoder(QuestionEncoder encoder, EmbeddingCache cache) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String id() {
        return encoder.id();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[] encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /**
     * Encodes questions, returning vectors in the order of the texts: one query for the cached ones,
     * one batched call to the wrapped encoder for the rest (each distinct text once), one transaction
     * to cache what was encoded.
     */
    @Override
    public List<float[]> encodeAll(List<String> texts) {
        Map<String, float[]> vectors = new LinkedHashMap<>(cache.getAll(id(), texts));
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeAll(vectors.keySet());
        if (!missing.isEmpty()) {
            Map<String, float[]> encoded = new LinkedHashMap<>();
            List<float[]> fresh = encoder.encodeAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                encoded.put(missing.get(i), fresh.get(i));
            }
            cache.putAll(id(), encoded);
            vectors.putAll(encoded);
        }
        List<float[]> ordered = new ArrayList<>(texts.size());
        for (String text : texts) {
            ordered.add(vectors.get(text));
        }
        return ordered;
    }
}
