package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.pool.PoolView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowTextParseErrorTest {

    private static final PoolView VIEW = new PoolView(List.of("gpt-4o", "claude", "gemini", "qwen"));

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("a missing access_list",
                        "model_id = [0]\nsubtasks = [\"a\"]",
                        List.of("no access_list list found")),
                Arguments.of("a missing model_id",
                        "subtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("no model_id list found")),
                Arguments.of("no lists at all",
                        "I think the answer is 42.",
                        List.of("no model_id list found")),
                Arguments.of("lists of unequal length",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b\", \"c\"]\naccess_list = [[], []]",
                        List.of("differ in length", "model_id has 2", "subtasks has 3", "access_list has 2")),
                Arguments.of("one empty list among full ones",
                        "model_id = [0]\nsubtasks = [\"a\"]\naccess_list = []",
                        List.of("differ in length", "access_list has 0")),
                Arguments.of("a model number beyond the view",
                        "model_id = [0, 7]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id[1]", "model 7 does not exist", "models 0..3")),
                Arguments.of("a negative model number",
                        "model_id = [-1]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id[0]", "model -1 does not exist")),
                Arguments.of("a huge model number",
                        "model_id = [99999999999999]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id[0]", "does not exist")),
                Arguments.of("a fractional model number",
                        "model_id = [2.5]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id[0]", "whole number", "2.5")),
                Arguments.of("an unknown model name",
                        "model_id = [\"llama\"]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id[0]", "whole number", "llama")),
                Arguments.of("a list as a model number",
                        "model_id = [[0]]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id[0]", "expected a model number")),
                Arguments.of("more than five steps",
                        "model_id = [0, 1, 2, 3, 0, 1]\nsubtasks = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\n"
                                + "access_list = [[], [], [], [], [], []]",
                        List.of("6 steps", "at most 5")),
                Arguments.of("an access index naming the step itself",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [1]]",
                        List.of("access_list[1][0]", "step 1 may only see earlier steps 0..0", "names step 1")),
                Arguments.of("an access index on the first step",
                        "model_id = [0]\nsubtasks = [\"a\"]\naccess_list = [[0]]",
                        List.of("access_list[0][0]", "step 0 has no earlier steps")),
                Arguments.of("a negative access index",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [-1]]",
                        List.of("access_list[1][0]", "names step -1")),
                Arguments.of("all mixed with indices",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [\"all\", 0]]",
                        List.of("access_list[1][0]", "must stand alone")),
                Arguments.of("a number as an access entry",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], 0]",
                        List.of("access_list[1]", "expected [], [\"all\"] or a list of earlier step indices")),
                Arguments.of("an unquoted subtask",
                        "model_id = [0]\nsubtasks = [solve]\naccess_list = [[]]",
                        List.of("subtasks[0]", "expected a quoted subtask", "word solve")),
                Arguments.of("a blank subtask",
                        "model_id = [0]\nsubtasks = [\"  \"]\naccess_list = [[]]",
                        List.of("subtasks[0]", "empty")),
                Arguments.of("an unterminated string",
                        "model_id = [0, 1]\nsubtasks = [\"a\", \"b]\naccess_list = [[], []]",
                        List.of("subtasks[1]", "unterminated string")),
                Arguments.of("an unclosed list",
                        "model_id = [0, 1\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id", "expected ',' or ']' after element 1", "word subtasks")),
                Arguments.of("a list cut off at the end of the text",
                        "model_id = [0]\nsubtasks = [\"a\"]\naccess_list = [[],",
                        List.of("access_list", "never closed")),
                Arguments.of("a missing comma",
                        "model_id = [0 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id", "expected ',' or ']' after element 0", "number 1")),
                Arguments.of("a stray character",
                        "model_id = [0, ;]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]",
                        List.of("model_id[1]", "expected a value", "';'")),
                Arguments.of("a bad unicode escape",
                        "model_id = [0]\nsubtasks = [\"caf\\uZZZZ\"]\naccess_list = [[]]",
                        List.of("subtasks[0]", "bad escape \\uZZZZ")),
                Arguments.of("a readable draft but an unreadable final answer",
                        "model_id = [0]\nsubtasks = [\"a\"]\naccess_list = [[]]\n"
                                + "model_id = [0, 1]\nsubtasks = [\"a\", \"b]\naccess_list = [[], []]",
                        List.of("subtasks[1]", "unterminated string")),
                Arguments.of("lists nested absurdly deep",
                        "model_id = [[[[[[[[[[0]]]]]]]]]]\nsubtasks = [\"a\"]\naccess_list = [[]]",
                        List.of("model_id", "nested too deeply")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void namesTheProblemInTheMessage(String problem, String text, List<String> fragments) {
        assertThatThrownBy(() -> WorkflowText.parse(text, VIEW))
                .isInstanceOf(WorkflowParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void pointsAtTheOpeningQuoteOfAnUnterminatedString() {
        String text = "model_id = [0, 1]\nsubtasks = [\"a\", \"b]\naccess_list = [[], []]";

        WorkflowParseException e = catchThrowableOfType(WorkflowParseException.class,
                () -> WorkflowText.parse(text, VIEW));

        assertThat(e.offset()).isEqualTo(text.indexOf("\"b"));
        assertThat(e.getMessage()).endsWith("(at character " + text.indexOf("\"b") + ")");
    }

    @Test
    void pointsAtTheOffendingModelNumber() {
        String text = "model_id = [0, 7]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], []]";

        WorkflowParseException e = catchThrowableOfType(WorkflowParseException.class,
                () -> WorkflowText.parse(text, VIEW));

        assertThat(e.offset()).isEqualTo(text.indexOf('7'));
    }

    @Test
    void pointsAtTheOffendingAccessIndex() {
        String text = "model_id = [0, 1]\nsubtasks = [\"a\", \"b\"]\naccess_list = [[], [0, 3]]";

        WorkflowParseException e = catchThrowableOfType(WorkflowParseException.class,
                () -> WorkflowText.parse(text, VIEW));

        assertThat(e.offset()).isEqualTo(text.indexOf('3'));
        assertThat(e.getMessage()).contains("access_list[1][1]", "names step 3");
    }

    @Test
    void givesNoOffsetForAMissingList() {
        WorkflowParseException e = catchThrowableOfType(WorkflowParseException.class,
                () -> WorkflowText.parse("model_id = [0]", VIEW));

        assertThat(e.offset()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("no subtasks list found");
    }
}
