package dev.baton.store;

import dev.baton.task.Sha256;

/**
 * Names a text by the SHA-256 of its UTF-8 bytes, so cached results are addressed by content: the
 * same question asked from two benchmarks shares one row, and the store never holds question text.
 */
final class TextDigest {

    private TextDigest() {
    }

    /** Returns the 32-byte SHA-256 of the text's UTF-8 encoding. */
    static byte[] of(String text) {
        return Sha256.of(text);
    }
}
