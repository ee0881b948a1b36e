package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineWrapTest {

    @Test
    void breaksAtSpacesAndIndentsContinuationLines() {
        assertThat(LineWrap.lines("learned: routing alone (1 step, recorded answers only)", 24, "  "))
                .containsExactly("learned: routing alone", "  (1 step, recorded", "  answers only)");
    }

    @Test
    void cutsAWordLongerThanALineAfterASeparator() {
        assertThat(LineWrap.lines("solo:Meta-Llama-3.1-405B-Instruct@hyperbolic", 26, "  "))
                .containsExactly("solo:Meta-Llama-3.1-405B-", "  Instruct@hyperbolic");
    }

    @Test
    void cutsAWordWithoutSeparatorsWhereTheLineEnds() {
        assertThat(LineWrap.lines("abcdefghijklmnopqrstuvwxyz", 10, "  ")).containsExactly("abcdefghij", "  klmnopqr", "  stuvwxyz");
    }

    @Test
    void shortTextIsOneLine() {
        assertThat(LineWrap.lines("oracle", 80, "  ")).containsExactly("oracle");
        assertThat(LineWrap.lines("", 80, "  ")).containsExactly("");
        assertThat(LineWrap.bullet("a note", 80)).isEqualTo("- a note\n");
    }
}
