package dev.baton.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body, refusing it as soon as it passes the limit. A declared Content-Length over the limit is refused
 * before anything is read ({@link RequestGate#checkBodySize}); a chunked body declares none, and reading it whole
 * before measuring it would let one request fill the heap.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * Returns the body's bytes.
     *
     * @throws ApiException 413 when the body holds more than {@code maxBytes}
     */
    static byte[] read(Context ctx, long maxBytes) {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw ApiException.bodyTooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body: " + e.getMessage(), e);
        }
    }
}
