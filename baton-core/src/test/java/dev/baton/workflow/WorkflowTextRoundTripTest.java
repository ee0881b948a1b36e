package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.pool.PoolView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowTextRoundTripTest {

    private static final PoolView VIEW = new PoolView(List.of("gpt-4o", "claude", "gemini", "qwen"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "plain words",
            "say \"hello\" and 'bye'",
            "first line\nsecond line\r\nthird\tcolumn",
            "a backslash \\ and an escaped quote \\\" and \\n literally",
            "unicode: café, 日本語, emoji 😀, math ∑",
            "control \u0001\u001f\b\f characters",
            "# not a comment, ] not a bracket, access_list = [[0]]",
            "ends with a backslash \\",
            "trailing spaces   "})
    void parsesBackWhatItRendersForAnySubtask(String subtask) {
        Workflow workflow = Workflow.of(
                Step.independent("qwen", subtask),
                Step.seeingAll("claude", subtask));

        String text = WorkflowText.render(workflow, VIEW);

        assertThat(WorkflowText.parse(text, VIEW)).contains(workflow);
    }

    @Test
    void parsesBackEveryKindOfAccess() {
        Workflow workflow = Workflow.of(
                Step.independent("gpt-4o", "a"),
                Step.seeingAll("claude", "b"),
                Step.independent("gemini", "c"),
                new Step("qwen", "d", Access.steps(List.of(0, 2))),
                new Step("gpt-4o", "e", Access.steps(List.of(3))));

        String text = WorkflowText.render(workflow, VIEW);

        assertThat(WorkflowText.parse(text, VIEW)).contains(workflow);
    }

    @Test
    void parsesBackARenderingEmbeddedInAReply() {
        Workflow workflow = Workflow.of(Step.independent("gemini", "It's \"quoted\""));
        String reply = "Let's think. The model's plan:\n```python\n" + WorkflowText.render(workflow, VIEW)
                + "\n```\nDone.";

        assertThat(WorkflowText.parse(reply, VIEW)).contains(workflow);
    }
}
