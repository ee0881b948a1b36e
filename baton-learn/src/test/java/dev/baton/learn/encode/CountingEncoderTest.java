package dev.baton.learn.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.fixtures.CountingEncoder;
import dev.baton.learn.fixtures.HashingEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test fixture that records what it encodes is an encoder like any other. */
class CountingEncoderTest extends QuestionEncoderContract {

    private final CountingEncoder counting = new CountingEncoder(new HashingEncoder());

    @Override
    protected QuestionEncoder encoder() {
        return counting;
    }

    @Test
    void recordsEveryTextItIsAskedToEncodeInOrder() {
        counting.encode("b");
        counting.encodeAll(List.of("a", "b"));

        assertThat(counting.encoded()).containsExactly("b", "a", "b");
    }
}
