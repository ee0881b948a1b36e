package dev.baton.learn.encode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Passes texts to another encoder and records every text it was asked to encode; safe to share between threads. */
final class CountingEncoder implements QuestionEncoder {

    private final QuestionEncoder encoder;
    private final List<String> encoded = Collections.synchronizedList(new ArrayList<>());

    CountingEncoder(QuestionEncoder encoder) {
        this.encoder = encoder;
    }

    /** Returns every text encoded so far, in order, repeats included. */
    List<String> encoded() {
        return encoded;
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
        encoded.add(text);
        return encoder.encode(text);
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        encoded.addAll(texts);
        return encoder.encodeAll(texts);
    }
}
