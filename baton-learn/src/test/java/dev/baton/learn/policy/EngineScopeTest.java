package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Tests of engine arrays whose native memory a scope frees, on the real DJL PyTorch engine. */
class EngineScopeTest {

    @Test
    void anArrayHoldsItsValuesInItsShape() {
        try (EngineScope scope = EngineScope.open()) {
            NDArray array = scope.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            assertThat(array.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(array.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(array.sum(new int[] {1}).toFloatArray()).containsExactly(6, 15);
            assertThat(scope.create(new float[0]).getShape()).isEqualTo(new Shape(0));
        }
    }

    @Test
    void aScopeReusesTheStorageAnEarlierScopeHandedBack() {
        float[] large = new float[1 << 20]; // 4 MiB
        DirectBuffers buffers = new DirectBuffers();
        try (EngineScope first = new EngineScope(buffers)) {
            first.create(large);
        }
        assertThat(buffers.idleBytes()).isEqualTo(4L << 20);
        long before = directBytes();
        try (EngineScope second = new EngineScope(buffers)) {
            large[7] = 7;
            NDArray array = second.create(large);
            // DJL's own manager would copy the values into a new 4 MiB direct buffer that only the collector frees.
            assertThat(directBytes() - before).isLessThan(1 << 20);
            assertThat(array.toFloatArray()[7]).isEqualTo(7);
            assertThat(buffers.idleBytes()).isZero();
        }
        assertThat(buffers.idleBytes()).isEqualTo(4L << 20);
    }

    @Test
    void closingTheScopeClosesItsArraysAndThoseComputedFromThem() {
        NDArray created;
        NDArray computed;
        try (EngineScope scope = EngineScope.open()) {
            created = scope.create(new float[] {1, 2});
            computed = created.mul(2);
        }
        assertThat(created.isReleased()).isTrue();
        assertThat(computed.isReleased()).isTrue();
    }

    @Test
    void aShapeThatDoesNotHoldTheValuesIsRefused() {
        try (EngineScope scope = EngineScope.open()) {
            assertThatThrownBy(() -> scope.create(new float[] {1, 2, 3}, new Shape(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(2, 2)").hasMessageContaining("3 numbers");
        }
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
