package dev.baton.learn.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine arrays that live only as long as this scope: closing it closes every array made in it, and the memory of
 * the arrays it created from Java data goes back to be used again rather than to the garbage collector.
 *
 * <p>Why not a plain {@link NDManager}: DJL's PyTorch engine makes a CPU tensor from a Java array by copying it into
 * a new direct {@code ByteBuffer} that becomes the tensor's storage, so closing the tensor leaves that memory to the
 * garbage collector, which frees a direct buffer only when it happens to collect it. A training update creates
 * megabytes of such arrays (a batch of thousands of choices, each with its question's embedding), and with the heap
 * collected every few seconds they piled up to gigabytes of native memory. Here the storage comes from
 * {@link DirectBuffers} that all scopes share.
 *
 * <p>Arrays the engine computes from these (products, sums, gradients) are the engine's own and are freed when
 * closed, so a closed scope holds nothing.
 */
public final class EngineScope implements AutoCloseable {

    private final NDManager manager;
    private final DirectBuffers buffers;
    private final List<ByteBuffer> taken = new ArrayList<>();

    EngineScope(DirectBuffers buffers) {
        Engines.configure();
        this.manager = NDManager.newBaseManager();
        this.buffers = buffers;
    }

    /** Opens a scope over the buffers every network shares. */
    public static EngineScope open() {
        return new EngineScope(DirectBuffers.SHARED);
    }

    /** Returns the manager that owns the scope's arrays (arrays computed from them land there too). */
    public NDManager manager() {
        return manager;
    }

    /** Returns an array holding a copy of {@code values}, as a vector. */
    public NDArray create(float[] values) {
        return create(values, new Shape(values.length));
    }

    /**
     * Returns an array of the given shape holding a copy of {@code values}.
     *
     * @throws IllegalArgumentException when the shape does not hold {@code values.length} numbers
     */
    public NDArray create(float[] values, Shape shape) {
        if (shape.size() != values.length) {
            throw new IllegalArgumentException("shape " + shape + " does not hold " + values.length + " numbers");
        }
        ByteBuffer storage;
        synchronized (taken) {
            storage = buffers.take(Math.multiplyExact(values.length, Float.BYTES));
            taken.add(storage);
        }
        storage.asFloatBuffer().put(values);
        // A direct buffer becomes the tensor's storage as it is, not a copy of it.
        return manager.create(storage, shape, DataType.FLOAT32);
    }

    /** Closes the arrays, then hands their storage back: no array of this scope may be used afterwards. */
    @Override
    public void close() {
        manager.close();
        synchronized (taken) {
            taken.forEach(buffers::giveBack);
            taken.clear();
        }
    }
}
