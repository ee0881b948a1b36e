package dev.baton.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Names a text by the SHA-256 of its UTF-8 bytes, so cached results are addressed by content: the
 * same question asked from two benchmarks shares one row, and the store never holds question text.
 */
final class TextDigest {

    private TextDigest() {
    }

    /** Returns the 32-byte SHA-256 of the text's UTF-8 encoding. */
    static byte[] of(String text) {
        try {
            // MessageDigest instances are not thread-safe and cheap to make, so make one per call.
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
