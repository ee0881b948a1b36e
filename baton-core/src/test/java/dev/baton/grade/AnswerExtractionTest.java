package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractionTest {

    @Test
    void extractsAnswerFromWellFormedJson() {
        assertThat(AnswerExtraction.extract("{\"reasoning\": \"9 * 2\", \"answer\": \"18\"}", false)).contains("18");
    }

    @Test
    void extractsAnswerFromJsonFence() {
        String reply = "Here is the solution:\n\n```json\n{\n    \"reasoning\": \"...\",\n    \"answer\": \"18\"\n}\n```";
        assertThat(AnswerExtraction.extract(reply, false)).contains("18");
    }

    @Test
    void extractsAnswerFromMalformedJsonBlock() {
        String reply = "{\"reasoning\": \"she has \"9\" eggs left,\n \"answer\": \"18\"\n";
        assertThat(AnswerExtraction.extract(reply, false)).contains("18");
    }

    @Test
    void extractsAnswerFromJsonWhoseStartWasCutOff() {
        String tail = "we multiply 9 by 2 to get 18.\",\n    \"answer\": \"18\"\n}\n```";
        assertThat(AnswerExtraction.extract(tail, false)).contains("18");
    }

    @Test
    void keepsLatexBackslashesThatAreInvalidJsonEscapes() {
        assertThat(AnswerExtraction.extract("{\"answer\": \"\\frac{1}{2}\"}", false)).contains("\\frac{1}{2}");
        assertThat(AnswerExtraction.extract("{\"answer\": \"\\sqrt{2}\"}", false)).contains("\\sqrt{2}");
        assertThat(AnswerExtraction.extract("{\"answer\": \"\\theta + \\neq\"}", false)).contains("\\theta + \\neq");
    }

    @Test
    void decodesProperlyEscapedLatex() {
        assertThat(AnswerExtraction.extract("{\"answer\": \"\\\\frac{1}{2}\"}", false)).contains("\\frac{1}{2}");
    }

    @Test
    void extractsUnquotedJsonValues() {
        assertThat(AnswerExtraction.extract("{\"answer\": 18}", false)).contains("18");
        assertThat(AnswerExtraction.extract("{\"answer\": -3.5, \"note\": \"x\"}", false)).contains("-3.5");
        assertThat(AnswerExtraction.extract("\"answer\": \\frac{1}{2}\n}", false)).contains("\\frac{1}{2}");
        assertThat(AnswerExtraction.extract("\"answer\": (5 + 4) * 7\n}", false)).contains("(5 + 4) * 7");
    }

    @Test
    void prefersTheFirstAnswerFieldWhenAReplyRestatesIt() {
        String reply = "{\"answer\": \"42\"}\nWait, that is wrong. Corrected:\n{\"answer\": \"26\"}";
        assertThat(AnswerExtraction.extract(reply, false)).contains("42");
    }

    @Test
    void skipsABlankAnswerField() {
        assertThat(AnswerExtraction.extract("{\"answer\": \"\"} The answer is 7.", false)).contains("7");
    }

    @Test
    void extractsLastBoxedWithNestedBraces() {
        String reply = "First $\\boxed{3}$, then finally $\\boxed{\\frac{\\sqrt{3}}{2}}$.";
        assertThat(AnswerExtraction.extract(reply, false)).contains("\\frac{\\sqrt{3}}{2}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thinking... The answer is (C).|(C)",
        "so the final answer is 42.|42",
        "Answer: 7|7",
        "The final answer is: **3.5** dollars.|3.5 dollars",
        "Answer: \"83\"|83",
        "So the final answer is $-55$.|-55",
    })
    void extractsAnswerPhrases(String reply, String expected) {
        assertThat(AnswerExtraction.extract(reply, false)).contains(expected);
    }

    @Test
    void fallsBackToLastNumberOnlyWhenAllowed() {
        String reply = "She sells 9 eggs at $2, making $1,018 a year";
        assertThat(AnswerExtraction.extract(reply, true)).contains("1,018");
        assertThat(AnswerExtraction.extract(reply, false)).isEmpty();
    }

    @Test
    void findsNothingInAnEmptyReply() {
        assertThat(AnswerExtraction.extract("", true)).isEmpty();
        assertThat(AnswerExtraction.extract(null, true)).isEmpty();
    }
}
