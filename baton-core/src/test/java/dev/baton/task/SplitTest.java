package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void testHoldsTasksWhoseHashByteModFiveIsBelowTwo() {
        // SHA-256("gsm8k:gsm8k-main-test-#0") starts with byte 20; 20 mod 5 = 0 < 2.
        assertThat(Split.of("gsm8k", "gsm8k-main-test-#0")).isEqualTo(Split.TEST);
    }

    @Test
    void aboutTwoFifthsOfTasksAreTest() {
        long test = IntStream.range(0, 5_000).filter(i -> Split.of("bench", "q" + i) == Split.TEST).count();
        // 256 byte values: 0..255 mod 5 < 2 holds for 103 of them, 40.2%.
        assertThat(test / 5_000.0).isBetween(0.38, 0.42);
    }

    @Test
    void trainAndTestPartitionAll() {
        List<Task> tasks = IntStream.range(0, 100).mapToObj(i -> Task.of("q" + i, "?", "1", AnswerType.NUMBER)).toList();
        assertThat(Split.TRAIN.select("b", tasks).size() + Split.TEST.select("b", tasks).size()).isEqualTo(100);
        assertThat(Split.ALL.select("b", tasks)).isEqualTo(tasks);
    }

    @Test
    void badSplitNameSaysWhatIsAllowed() {
        assertThatThrownBy(() -> Split.parse("dev")).hasMessage("unknown split 'dev': use train, test or all");
    }
}
