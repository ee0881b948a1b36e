package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.pool.PoolView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowTextParseTest {

    private static final PoolView VIEW = new PoolView(List.of("gpt-4o", "claude", "gemini", "qwen"));

    /** What every variant in {@link #variants()} means. */
    private static final Workflow EXPECTED = Workflow.of(
            Step.independent("gemini", "Develop an algorithm"),
            Step.seeingAll("gpt-4o", "Implement it in Python"));

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("plain lists", """
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("prose before and after", """
                        The task needs an algorithm first. I'll let Model 2 design it; it's strong at math.
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        That's the plan: the second model sees the first one's reply.
                        """),
                Arguments.of("python code fence", """
                        Here is my workflow:
                        ```python
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        ```
                        """),
                Arguments.of("bare code fence", """
                        ```
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        ```"""),
                Arguments.of("single quotes", """
                        model_id = [2, 0]
                        subtasks = ['Develop an algorithm', 'Implement it in Python']
                        access_list = [[], ['all']]
                        """),
                Arguments.of("all without brackets", """
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], "all"]
                        """),
                Arguments.of("single-quoted all without brackets", """
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], 'all']
                        """),
                Arguments.of("all in capitals", """
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["ALL"]]
                        """),
                Arguments.of("none for no access", """
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [None, ["all"]]
                        """),
                Arguments.of("newlines, extra spaces and trailing commas", """
                        model_id = [
                            2 ,
                            0,
                        ]
                        subtasks = [
                            "Develop an algorithm",
                            "Implement it in Python",
                        ]
                        access_list = [
                            [ ],
                            [ "all", ],
                        ]
                        """),
                Arguments.of("python comments inside the lists", """
                        model_id = [2,  # the math model
                                    0]  # the coder
                        subtasks = ["Develop an algorithm",  # step 0
                                    "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("adjacent strings joined as in python", """
                        model_id = [2, 0]
                        subtasks = ["Develop "
                                    "an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("colons instead of equals", """
                        model_id: [2, 0]
                        subtasks: ["Develop an algorithm", "Implement it in Python"]
                        access_list: [[], ["all"]]
                        """),
                Arguments.of("keys in another order", """
                        access_list = [[], ["all"]]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        model_id = [2, 0]
                        """),
                Arguments.of("bold markdown keys", """
                        **model_id** = [2, 0]
                        **subtasks** = ["Develop an algorithm", "Implement it in Python"]
                        **access_list**: [[], ["all"]]
                        """),
                Arguments.of("backticked keys", """
                        - `model_id` = [2, 0]
                        - `subtasks` = ["Develop an algorithm", "Implement it in Python"]
                        - `access_list` = [[], ["all"]]
                        """),
                Arguments.of("a json object", """
                        ```json
                        {
                          "model_id": [2, 0],
                          "subtasks": ["Develop an algorithm", "Implement it in Python"],
                          "access_list": [[], ["all"]]
                        }
                        ```
                        """),
                Arguments.of("a single-line json object", """
                        {"subtasks": ["Develop an algorithm", "Implement it in Python"], \
                        "access_list": [[], ["all"]], "model_id": [2, 0]}"""),
                Arguments.of("model numbers as strings", """
                        model_id = ["2", '0']
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("models written as Model N", """
                        model_id = ["Model 2", "model 0"]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("models written as worker ids", """
                        model_id = ["gemini", "gpt-4o"]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("a draft then the final answer", """
                        Draft:
                        model_id = [1]
                        subtasks = ["Solve it"]
                        access_list = [[]]
                        On reflection two steps are better. Final answer:
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("an unreadable draft then the final answer", """
                        model_id = [2, 0
                        subtasks = ["Develop an algorithm, "Implement it in Python"]
                        Oops, let me write that again.
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """),
                Arguments.of("key names mentioned in prose without a list", """
                        I set model_id to pick the workers; the access_list: it controls visibility.
                        model_id = [2, 0]
                        subtasks = ["Develop an algorithm", "Implement it in Python"]
                        access_list = [[], ["all"]]
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void readsTheListsWrittenInAnyCommonStyle(String style, String text) {
        assertThat(WorkflowText.parse(text, VIEW)).contains(EXPECTED);
    }

    @Test
    void readsAnIndexAccessListAsThoseSteps() {
        String text = """
                model_id = [0, 1, 3]
                subtasks = ["a", "b", "c"]
                access_list = [[], [0], [1, "0"]]
                """;

        Workflow workflow = WorkflowText.parse(text, VIEW).orElseThrow();

        assertThat(workflow.step(1).access()).isEqualTo(new Access.Steps(List.of(0)));
        assertThat(workflow.step(2).access()).isEqualTo(new Access.Steps(List.of(0, 1)));
        assertThat(workflow.step(2).workerId()).isEqualTo("qwen");
    }

    @Test
    void readsEscapedQuotesAndEscapesInsideStrings() {
        String text = """
                model_id = [1, 2]
                subtasks = ["Print \\"hello\\" and a tab\\t then \\u00e9\\\\", 'It\\'s the \\'second\\' step']
                access_list = [[], []]
                """;

        Workflow workflow = WorkflowText.parse(text, VIEW).orElseThrow();

        assertThat(workflow.step(0).subtask()).isEqualTo("Print \"hello\" and a tab\t then é\\");
        assertThat(workflow.step(1).subtask()).isEqualTo("It's the 'second' step");
    }

    @Test
    void keepsOtherQuoteKindAndUnknownEscapesVerbatim() {
        String text = """
                model_id = [1]
                subtasks = ["Match \\d+ in 'quotes' # not a comment"]
                access_list = [[]]
                """;

        assertThat(WorkflowText.parse(text, VIEW).orElseThrow().step(0).subtask())
                .isEqualTo("Match \\d+ in 'quotes' # not a comment");
    }

    @Test
    void ignoresKeyNamesQuotedInsideASubtask() {
        String text = """
                model_id = [1]
                subtasks = ["Explain what access_list = [[0]] would mean"]
                access_list = [[]]
                """;

        assertThat(WorkflowText.parse(text, VIEW).orElseThrow().step(0).access()).isEqualTo(Access.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "model_id = []\nsubtasks = []\naccess_list = []",
            "I am satisfied with the answer.\n```python\nmodel_id = []\nsubtasks = []\naccess_list = []\n```",
            "{\"model_id\": [], \"subtasks\": [], \"access_list\": []}",
            "model_id = [1]\nsubtasks = [\"x\"]\naccess_list = [[]]\nActually it is fine:\n"
                    + "model_id = []\nsubtasks = []\naccess_list = []"})
    void acceptsThePreviousAnswerWhenAllThreeListsAreEmpty(String text) {
        assertThat(WorkflowText.parse(text, VIEW)).isEqualTo(Optional.empty());
    }
}
