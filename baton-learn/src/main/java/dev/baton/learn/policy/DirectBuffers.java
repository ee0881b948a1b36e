package dev.baton.learn.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Direct buffers handed out for engine arrays and taken back when their arrays are closed, to be handed out again.
 *
 * <p>A direct buffer's memory is freed only when the garbage collector finds the buffer unreachable, which, with a
 * heap that is collected every few seconds, can be gigabytes of updates later, and for a buffer that lived long
 * enough to reach the old generation, only at a full collection. Reusing the buffers keeps the process at the memory
 * of its largest update. Sizes are rounded up to a power of two, so updates of slightly different batch sizes share
 * the same buffers.
 */
final class DirectBuffers {

    /**
     * The buffers every network shares: one per network would leave each closed network's buffers (a study trains a
     * dozen networks one after another) to the collector, and the C allocator keeps what they held when they go.
     */
    static final DirectBuffers SHARED = new DirectBuffers();

    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();

    /** Returns a direct buffer in native byte order with exactly {@code bytes} remaining. */
    synchronized ByteBuffer take(int bytes) {
        int capacity = capacityFor(bytes);
        ArrayDeque<ByteBuffer> pool = free.get(capacity);
        ByteBuffer buffer = pool == null || pool.isEmpty() ? ByteBuffer.allocateDirect(capacity) : pool.pop();
        return buffer.clear().limit(bytes).order(ByteOrder.nativeOrder());
    }

    /** Takes back a buffer from {@link #take}; nothing may use it (nor an array over it) afterwards. */
    synchronized void giveBack(ByteBuffer buffer) {
        free.computeIfAbsent(buffer.capacity(), c -> new ArrayDeque<>()).push(buffer);
    }

    /** Returns how many bytes the buffers waiting to be handed out again hold. */
    synchronized long idleBytes() {
        return free.values().stream().flatMap(ArrayDeque::stream).mapToLong(ByteBuffer::capacity).sum();
    }

    private static int capacityFor(int bytes) {
        if (bytes <= 64) {
            return 64;
        }
        int capacity = Integer.highestOneBit(bytes - 1) << 1;
        if (capacity <= 0) {
            throw new IllegalArgumentException("an engine array of " + bytes + " bytes is too large");
        }
        return capacity;
    }
}
