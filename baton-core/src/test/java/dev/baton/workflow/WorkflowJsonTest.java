package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowJsonTest {

    private static final Workflow WORKFLOW = Workflow.of(
            Step.independent("gpt-4o", "Solve \"it\"\nwith é and \\"),
            Step.seeingAll("claude", "Check it"),
            new Step("gemini", "Merge", Access.steps(List.of(0, 1))));

    @Test
    void writesTheDocumentedShape() {
        assertThat(WorkflowJson.toJson(WORKFLOW)).isEqualTo(
                "{\"steps\":["
                        + "{\"worker\":\"gpt-4o\",\"subtask\":\"Solve \\\"it\\\"\\nwith é and \\\\\",\"access\":\"none\"},"
                        + "{\"worker\":\"claude\",\"subtask\":\"Check it\",\"access\":\"all\"},"
                        + "{\"worker\":\"gemini\",\"subtask\":\"Merge\",\"access\":[0,1]}]}");
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(WorkflowJson.fromJson(WorkflowJson.toJson(WORKFLOW))).isEqualTo(WORKFLOW);
    }

    @Test
    void readsAnEmptyIndexListAsNoAccess() {
        Workflow workflow = WorkflowJson.fromJson(
                "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\",\"access\":[]}]}");

        assertThat(workflow.step(0).access()).isEqualTo(Access.NONE);
    }

    static Stream<Arguments> badJson() {
        return Stream.of(
                Arguments.of("malformed json", "{\"steps\": [", List.of("not valid JSON")),
                Arguments.of("empty text", "", List.of("not valid JSON", "empty")),
                Arguments.of("trailing content", "{\"steps\":[]} {}", List.of("not valid JSON")),
                Arguments.of("a duplicate key",
                        "{\"steps\":[{\"worker\":\"a\",\"worker\":\"b\",\"subtask\":\"x\",\"access\":\"all\"}]}",
                        List.of("not valid JSON", "worker")),
                Arguments.of("not an object", "[1, 2]", List.of("must be a JSON object", "array")),
                Arguments.of("no steps", "{\"step\": []}", List.of("needs a \"steps\" list")),
                Arguments.of("zero steps", "{\"steps\": []}", List.of("at least one step")),
                Arguments.of("a step that is not an object", "{\"steps\": [1]}",
                        List.of("steps[0]", "must be an object")),
                Arguments.of("a missing worker", "{\"steps\":[{\"subtask\":\"x\",\"access\":\"all\"}]}",
                        List.of("steps[0].worker", "missing")),
                Arguments.of("a blank worker",
                        "{\"steps\":[{\"worker\":\" \",\"subtask\":\"x\",\"access\":\"all\"}]}",
                        List.of("steps[0].worker", "blank")),
                Arguments.of("a numeric subtask", "{\"steps\":[{\"worker\":\"a\",\"subtask\":3,\"access\":\"all\"}]}",
                        List.of("steps[0].subtask", "must be a string")),
                Arguments.of("an unknown field",
                        "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\",\"access\":\"all\",\"model\":1}]}",
                        List.of("steps[0]", "unknown field \"model\"")),
                Arguments.of("a missing access", "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\"}]}",
                        List.of("steps[0].access", "missing")),
                Arguments.of("an unknown access word",
                        "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\",\"access\":\"some\"}]}",
                        List.of("steps[0].access", "expected \"none\", \"all\" or a list")),
                Arguments.of("a non-integer access index",
                        "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\",\"access\":\"none\"},"
                                + "{\"worker\":\"b\",\"subtask\":\"y\",\"access\":[0.5]}]}",
                        List.of("steps[1].access[0]", "expected a step index")),
                Arguments.of("an access index that is not an earlier step",
                        "{\"steps\":[{\"worker\":\"a\",\"subtask\":\"x\",\"access\":\"none\"},"
                                + "{\"worker\":\"b\",\"subtask\":\"y\",\"access\":[1]}]}",
                        List.of("steps[1].access[0]", "may only see earlier steps", "not step 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJson")
    void namesTheProblemInBadJson(String problem, String json, List<String> fragments) {
        assertThatThrownBy(() -> WorkflowJson.fromJson(json))
                .isInstanceOf(WorkflowParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void pointsAtTheCharacterWhereMalformedJsonBreaks() {
        String json = "{\"steps\": [} ";

        WorkflowParseException e = catchThrowableOfType(WorkflowParseException.class,
                () -> WorkflowJson.fromJson(json));

        assertThat(e.offset()).isEqualTo(json.indexOf('}'));
    }
}
