package dev.baton.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library's own class path (this module's tests see what an application that adds baton-client and
 * baton-providers sees) holds no training engine: DJL and PyTorch's native library are hundreds of megabytes that
 * only training needs. ArchitectureTest guards the classes; this guards the POMs.
 */
class LibraryClassPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"ai.djl.engine.Engine", "ai.djl.pytorch.engine.PtEngine", "ai.djl.pytorch.jni.LibUtils"})
    void theTrainingEngineIsNotOnTheLibrarysClassPath(String engineClass) {
        assertThatThrownBy(() -> Class.forName(engineClass, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
