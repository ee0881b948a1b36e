package dev.baton.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a text's UTF-8 bytes: how questions get their ids, splits their members and cached replies their
 * keys. Each call digests with a copy of one prototype: a digest is not safe to share between threads, and looking one
 * up by name ({@link MessageDigest#getInstance}) is a search of the runtime's providers, 1% of a gateway request's CPU
 * at the two or three digests a request makes.
 */
public final class Sha256 {

    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError("every Java runtime must provide SHA-256");
        }
    }

    private Sha256() {
    }

    /** Returns the 32-byte SHA-256 of {@code text}'s UTF-8 encoding. */
    public static byte[] of(String text) {
        return digest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be copied", e);
        }
    }
}
