package dev.baton.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts vectors to and from BLOBs of little-endian float32s, four bytes per component.
 *
 * <p>Little-endian is fixed rather than native so a store file reads the same on every machine, and
 * matches what numpy ({@code np.frombuffer(blob, '<f4')}) expects when someone inspects the file.
 */
final class Float32Blob {

    private Float32Blob() {
    }

    /** Packs a vector into bytes. */
    static byte[] pack(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /** Unpacks bytes written by {@link #pack}. */
    static float[] unpack(byte[] blob) {
        if (blob.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a float32 vector BLOB must have a multiple of 4 bytes, got " + blob.length);
        }
        float[] vector = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
