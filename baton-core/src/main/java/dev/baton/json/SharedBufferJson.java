package dev.baton.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/**
 * The JSON factory for code that reads and writes JSON on many virtual threads at once ({@code baton serve}'s
 * requests, the calls they make), whose parsers and generators take their buffers from one pool for the process.
 *
 * <p>Why: Jackson's default pool keeps a thread's buffers in a thread-local, and {@code serve} runs each request on a
 * virtual thread of its own, so every request in flight held buffers of its own (tens of KB) until it ended: with a
 * thousand requests waiting on a slow model, over 100 MB of live {@code char[]} and {@code byte[]}. A shared pool holds
 * only as many as are in use at one moment, and a parse takes microseconds.
 */
public final class SharedBufferJson {

    private SharedBufferJson() {
    }

    /** Returns a new JSON factory whose buffers come from one pool shared by every thread. */
    public static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    }
}
