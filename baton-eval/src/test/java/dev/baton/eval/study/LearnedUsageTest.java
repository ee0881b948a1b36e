package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.report.ExampleWorkflow;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LearnedUsageTest {

    @Test
    void examplesShowTwoWrongAnswersBesideTheRightOnes() {
        List<ExampleWorkflow> examples = LearnedUsage.examples(examples(4, true), examples(3, false));

        assertThat(examples).extracting(ExampleWorkflow::correct).containsExactly(true, true, false, false);
        assertThat(examples).extracting(ExampleWorkflow::question).containsExactly("q0", "q1", "q0", "q1");
    }

    @Test
    void eitherKindFillsInWhereTheOtherRunsShort() {
        assertThat(LearnedUsage.examples(examples(1, true), examples(4, false))).extracting(ExampleWorkflow::correct)
                .containsExactly(true, false, false, false);
        assertThat(LearnedUsage.examples(examples(4, true), List.of())).hasSize(4);
        assertThat(LearnedUsage.examples(List.of(), List.of())).isEmpty();
    }

    private static List<ExampleWorkflow> examples(int count, boolean correct) {
        return IntStream.range(0, count).mapToObj(i -> new ExampleWorkflow("q" + i, "model_id = [0]", "1", correct)).toList();
    }
}
