package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.pool.PoolView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link WorkflowText#parseReporting}: the slips it repairs, how it reports them, and the near-misses it refuses. */
class WorkflowTextRepairTest {

    private static final PoolView VIEW = new PoolView(List.of("gpt-4o", "claude", "gemini", "qwen"));
    private static final Workflow EXPECTED = Workflow.of(
            Step.independent("gemini", "Develop an algorithm"),
            Step.seeingAll("gpt-4o", "Implement it in Python"));

    @Test
    void readsCleanTextWithoutRepairs() {
        ParsedWorkflow parsed = WorkflowText.parseReporting("""
                model_id = [2, 0]
                subtasks = ["Develop an algorithm", "Implement it in Python"]
                access_list = [[], ["all"]]
                """, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).isEmpty();
        assertThat(parsed.repaired()).isFalse();
    }

    @Test
    void readsTypographicQuotesAndSaysSo() {
        String text = """
                model_id = [2, 0]
                subtasks = [“Develop an algorithm”, “Implement it in Python”]
                access_list = [[], [‘all’]]
                """;

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).containsExactly("replaced typographic quotes with plain ones (3 strings, first at 2:13)");
    }

    @Test
    void keepsApostrophesAndInnerTypographicQuotesInsideTheText() {
        String text = """
                model_id = [1]
                subtasks = [‘Don’t trust the “obvious” answer’]
                access_list = [[]]
                """;

        Workflow workflow = WorkflowText.parseReporting(text, VIEW).workflow().orElseThrow();

        assertThat(workflow.step(0).subtask()).isEqualTo("Don’t trust the “obvious” answer");
    }

    @Test
    void keepsTypographicQuotesInsidePlainStringsUntouched() {
        String text = "model_id = [1]\nsubtasks = [\"Explain “why” it works\"]\naccess_list = [[]]";

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow().orElseThrow().step(0).subtask()).isEqualTo("Explain “why” it works");
        assertThat(parsed.repairs()).isEmpty();
    }

    @Test
    void readsAJsonObjectWithTypographicKeys() {
        String text = "{“model_id”: [2, 0], “subtasks”: [“Develop an algorithm”, “Implement it in Python”], "
                + "“access_list”: [[], [“all”]]}";

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).singleElement().asString().startsWith("replaced typographic quotes");
    }

    @Test
    void insertsAMissingCommaBetweenTwoStringsWhenOnlyThatMakesTheListsAgree() {
        String text = """
                model_id = [2, 0]
                subtasks = ["Develop an algorithm" "Implement it in Python"]
                access_list = [[], ["all"]]
                """;

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).containsExactly("inserted a missing comma at 2:35");
    }

    @Test
    void stillJoinsAdjacentStringsWhenTheListsAgreeAsWritten() {
        String text = """
                model_id = [2, 0]
                subtasks = ["Develop "
                            "an algorithm", "Implement it in Python"]
                access_list = [[], ["all"]]
                """;

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).isEmpty();
    }

    @Test
    void closesABracketLeftOpenAtTheEndOfTheText() {
        String text = """
                model_id = [2, 0]
                subtasks = ["Develop an algorithm", "Implement it in Python"]
                access_list = [[], ["all"]""";

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).containsExactly("closed an unclosed bracket at the end (3:27)");
    }

    @Test
    void closesABracketLeftOpenBeforeAClosingCodeFence() {
        String text = """
                ```python
                model_id = [2, 0]
                subtasks = ["Develop an algorithm", "Implement it in Python"]
                access_list = [[], ["all"],
                ```
                """;

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).singleElement().asString().startsWith("closed an unclosed bracket at the end");
    }

    @Test
    void reportsSeveralRepairsInTheOrderOfTheText() {
        String text = "model_id = [2, 0]\nsubtasks = [“Develop an algorithm” “Implement it in Python”]\n"
                + "access_list = [[], [\"all\"]";

        ParsedWorkflow parsed = WorkflowText.parseReporting(text, VIEW);

        assertThat(parsed.workflow()).contains(EXPECTED);
        assertThat(parsed.repairs()).containsExactly(
                "replaced typographic quotes with plain ones (2 strings, first at 2:13)",
                "inserted a missing comma at 2:35",
                "closed an unclosed bracket at the end (3:27)");
    }

    @Test
    void acceptsThreeEmptyListsEvenWhenRepaired() {
        ParsedWorkflow parsed = WorkflowText.parseReporting("model_id = []\nsubtasks = []\naccess_list = [", VIEW);

        assertThat(parsed.accepts()).isTrue();
        assertThat(parsed.repairs()).containsExactly("closed an unclosed bracket at the end (3:16)");
    }

    @Test
    void strictParsingRepairsNothing() {
        assertThatThrownBy(() -> WorkflowText.parse(
                "model_id = [1]\nsubtasks = [“Solve it”]\naccess_list = [[]]", VIEW))
                .isInstanceOf(WorkflowParseException.class)
                .hasMessageContaining("expected a value but found '“'");
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of("a missing comma between numbers",
                        "model_id = [2 0]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id", "expected ',' or ']' after element 0", "number 0")),
                Arguments.of("a missing comma between access lists",
                        "model_id = [2, 0]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[] [\"all\"]]",
                        List.of("access_list", "expected ',' or ']' after element 0", "'['")),
                Arguments.of("adjacent strings that could be either joins or missing commas",
                        "model_id = [2, 0]\nsubtasks = [\"a\" \"b\" \"c\"]\naccess_list = [[], []]",
                        List.of("differ in length", "subtasks has 1", "missing comma?")),
                Arguments.of("adjacent strings when the other lists disagree too",
                        "model_id = [2, 0, 1]\nsubtasks = [\"a\" \"b\"]\naccess_list = [[], []]",
                        List.of("differ in length", "missing comma?")),
                Arguments.of("a bracket left open before more text",
                        "model_id = [2, 0\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id", "expected ',' or ']' after element 1", "word subtasks")),
                Arguments.of("a cut inside a nested access list",
                        "model_id = [2, 0]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [0",
                        List.of("access_list[1]", "never closed")),
                Arguments.of("a cut right after a nested list opens",
                        "model_id = [2, 0]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [",
                        List.of("access_list[1]", "never closed")),
                Arguments.of("a closed list too short for the others",
                        "model_id = [2, 0]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[],",
                        List.of("access_list", "the list opened here is never closed")),
                Arguments.of("a string cut off at the end",
                        "model_id = [2, 0]\nsubtasks = [\"a\", \"b",
                        List.of("subtasks[1]", "unterminated string")),
                Arguments.of("a typographic string never closed before a delimiter",
                        "model_id = [1]\nsubtasks = [“Solve it” now]\naccess_list = [[]]",
                        List.of("subtasks[0]", "unterminated string")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void refusesToGuess(String problem, String text, List<String> fragments) {
        assertThatThrownBy(() -> WorkflowText.parseReporting(text, VIEW))
                .isInstanceOf(WorkflowParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void locatesAnErrorByLineAndColumn() {
        String text = "model_id = [0, 1]\nsubtasks = [\"a\", \"b]\naccess_list = [[], []]";

        WorkflowParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                WorkflowParseException.class, () -> WorkflowText.parseReporting(text, VIEW));

        assertThat(e.messageIn(text)).endsWith("(at 2:18)");
    }
}
