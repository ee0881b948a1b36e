package dev.baton.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Reads a request body whole, refusing it as soon as it passes the size limit or the deadline. A declared
 * Content-Length over the limit is refused before anything is read ({@link RequestGate#checkBodySize}); a chunked body
 * declares none, and reading it whole before measuring it would let one request fill the heap.
 *
 * <p>Why a deadline for the whole body: the server's idle timeout restarts with every byte, so a client sending a
 * byte a second would never trip it. The body is read before the request takes a slot ({@link RequestGate}), and a
 * read still going at the deadline is interrupted and answered 408.
 */
final class BoundedBody {

    private static final String BODY = "baton.body";

    private BoundedBody() {
    }

    /**
     * Reads the body and keeps it with the request for {@link #of}.
     *
     * @throws ApiException 413 when the body holds more than {@code maxBytes}, 408 when it has not all arrived within
     *                      {@code deadline}
     */
    static void read(Context ctx, long maxBytes, Duration deadline) {
        ctx.attribute(BODY, readWithin(ctx, maxBytes, deadline));
    }

    /** Returns the body {@link #read} kept. */
    static byte[] of(Context ctx) {
        byte[] body = ctx.attribute(BODY);
        if (body == null) {
            throw new IllegalStateException("the body of " + ctx.path() + " is read before the request is admitted");
        }
        return body;
    }

    private static byte[] readWithin(Context ctx, long maxBytes, Duration deadline) {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            // A body that came with its headers (an API call's usually does) is read without an alarm: reading what is
            // already here cannot wait. The alarm is a thread put to sleep and woken again, on every request's path.
            if (declared >= 0 && declared <= limit && in.available() >= declared) {
                return in.readNBytes((int) declared);
            }
            return readWithin(in, limit, maxBytes, deadline);
        } catch (InterruptedIOException e) {
            throw ApiException.requestTimeout(deadline);
        } catch (IOException e) {
            // The client's doing (it hung up, or sent a broken chunk), not the server's: no 500, nothing logged.
            throw ApiException.invalidRequest("The request body could not be read: " + e.getMessage(), null);
        }
    }

    private static byte[] readWithin(InputStream in, int limit, long maxBytes, Duration deadline) throws IOException {
        try (ReadDeadline alarm = ReadDeadline.start(deadline)) {
            byte[] body;
            try {
                body = in.readNBytes(limit + 1);
            } catch (IOException e) {
                if (alarm.rang()) {
                    throw ApiException.requestTimeout(deadline);
                }
                throw e;
            }
            if (body.length > limit) {
                throw ApiException.bodyTooLarge(maxBytes);
            }
            return body;
        }
    }
}
