package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearnedLineupTest {

    private static final LearnedLineup<String> CONDUCTORS = new LearnedLineup<>("default", "routing", List.of("lambda=1",
            "lambda=10", "lambda=100"), "untrained", "control");

    @Test
    void entriesRunInTheTablesOrder() {
        assertThat(CONDUCTORS.inOrder()).containsExactly("default", "routing", "lambda=1", "lambda=10", "lambda=100",
                "untrained", "control");
    }

    @Test
    void resultsInThatOrderAreMatchedToTheEntryTheyBelongTo() {
        LearnedLineup<Integer> rows = CONDUCTORS.matched(List.of(0, 1, 2, 3, 4, 5, 6));

        assertThat(rows).isEqualTo(new LearnedLineup<>(0, 1, List.of(2, 3, 4), 5, 6));
    }

    @Test
    void resultsThatDoNotMatchOnePerEntryAreABug() {
        assertThatThrownBy(() -> CONDUCTORS.matched(List.of(0, 1, 2, 3, 4, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 7 results, one per entry, got 6");
    }
}
