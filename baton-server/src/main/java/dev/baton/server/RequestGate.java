package dev.baton.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Before- and after-handlers that bound the work a chat request may bring: its body size (413 beyond), the time its
 * body takes to arrive (408 beyond), and how many are answered at once (429 with {@code Retry-After} beyond, at once,
 * rather than queueing behind long workflows). The body is read whole before a permit is taken, so a client sending
 * slowly holds nothing but its own connection.
 */
final class RequestGate {

    private static final String PERMIT = "baton.permit";

    private final long maxBodyBytes;
    private final Duration bodyTimeout;
    private final int maxConcurrent;
    private final Semaphore permits;

    RequestGate(ServerLimits limits) {
        this.maxBodyBytes = limits.maxBodyBytes();
        this.bodyTimeout = limits.bodyTimeout();
        this.maxConcurrent = limits.maxConcurrent();
        this.permits = new Semaphore(maxConcurrent);
    }

    /**
     * The before-handler: checks the declared size, reads the body (kept for {@link BoundedBody#of}), then takes a
     * permit.
     */
    void enter(Context ctx) {
        checkBodySize(ctx);
        BoundedBody.read(ctx, maxBodyBytes, bodyTimeout);
        admit(ctx);
    }

    /** Refuses a body whose declared length is over the limit; {@link BoundedBody} checks what it actually reads. */
    private void checkBodySize(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
            throw ApiException.bodyTooLarge(maxBodyBytes);
        }
    }

    /** Takes a permit, or refuses the request when all are taken. */
    private void admit(Context ctx) {
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
