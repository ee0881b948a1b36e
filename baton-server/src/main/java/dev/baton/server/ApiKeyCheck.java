package dev.baton.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Before-handler: lets a request through only with {@code Authorization: Bearer <key>} naming one of the configured
 * keys. With no key configured every request passes (the server then listens on loopback only).
 */
final class ApiKeyCheck implements Handler {

    private static final String BEARER = "bearer ";

    private final List<byte[]> keys;

    ApiKeyCheck(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void handle(Context ctx) {
        if (keys.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.invalidApiKey("You didn't provide an API key: send it as 'Authorization: Bearer KEY'");
        }
        if (!accepts(header.substring(BEARER.length()))) {
            throw ApiException.invalidApiKey("Incorrect API key provided");
        }
    }

    /** Returns whether no key is configured, so every request passes. */
    boolean open() {
        return keys.isEmpty();
    }

    /** Returns whether {@code given} (surrounding blanks ignored) is one of the configured keys. */
    boolean accepts(String given) {
        byte[] bytes = given.strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            // Compares in constant time, and checks every key, so timing tells nothing about a key.
            known |= MessageDigest.isEqual(key, bytes);
        }
        return known;
    }
}
