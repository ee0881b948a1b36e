package dev.baton.learn.encode;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a question as a fixed-size vector, the conductor's view of what is being asked.
 *
 * <p>Implementations are deterministic: the same text always gives the same vector, alone or in a batch,
 * which is what makes caching vectors by {@link #id()} and text sound. They are safe to call from several
 * threads at once. Every implementation's test extends {@code QuestionEncoderContract}, which checks this.
 */
public interface QuestionEncoder {

    /**
     * Returns a stable name for this encoder and its weights; vectors from encoders with different
     * ids must never be mixed, so a change to the weights or the pooling needs a new id.
     */
    String id();

    /** Returns the length of every vector this encoder produces. */
    int dimension();

    /** Encodes one question. */
    float[] encode(String text);

    /**
     * Encodes many questions, returning vectors in the order of the texts.
     *
     * <p>The default encodes one at a time; implementations override it where batching is faster.
     */
    default List<float[]> encodeAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(encode(text));
        }
        return vectors;
    }
}
