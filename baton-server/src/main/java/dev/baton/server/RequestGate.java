package dev.baton.server;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Before- and after-handlers that bound the work a chat request may bring: its body size (413 beyond) and how many
 * are answered at once (429 with {@code Retry-After} beyond, at once, rather than queueing behind long workflows).
 */
final class RequestGate {

    private static final String PERMIT = "baton.permit";

    private final long maxBodyBytes;
    private final int maxConcurrent;
    private final Semaphore permits;

    RequestGate(long maxBodyBytes, int maxConcurrent) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
    }

    /** Refuses a body whose declared length is over the limit; the endpoint checks what it actually reads. */
    void checkBodySize(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
            throw ApiException.bodyTooLarge(maxBodyBytes);
        }
    }

    /** Takes a permit, or refuses the request when all are taken. */
    void admit(Context ctx) {
        if (!permits.tryAcquire()) {
            throw ApiException.tooManyRequests(maxConcurrent);
        }
        ctx.attribute(PERMIT, new AtomicBoolean(true));
    }

    /** Returns the permit a request took, if it took one (a request refused earlier took none). */
    void release(Context ctx) {
        AtomicBoolean held = ctx.attribute(PERMIT);
        if (held != null && held.compareAndSet(true, false)) {
            permits.release();
        }
    }
}
