package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.pool.PoolView;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTextRenderTest {

    private static final PoolView VIEW = new PoolView(List.of("gpt-4o", "claude", "gemini"));

    @Test
    void rendersThePapersThreeLines() {
        Workflow workflow = Workflow.of(
                Step.independent("gemini", "Develop an efficient algorithm"),
                Step.seeingAll("gpt-4o", "Implement the algorithm described by the previous agent in Python"));

        assertThat(WorkflowText.render(workflow, VIEW)).isEqualTo("""
                model_id = [2, 0]
                subtasks = ["Develop an efficient algorithm", \
                "Implement the algorithm described by the previous agent in Python"]
                access_list = [[], ["all"]]""");
    }

    @Test
    void rendersAnIndexAccessListAsStepNumbers() {
        Workflow workflow = Workflow.of(
                Step.independent("claude", "a"),
                Step.independent("gpt-4o", "b"),
                new Step("gemini", "c", Access.steps(List.of(0, 1))));

        assertThat(WorkflowText.render(workflow, VIEW)).endsWith("access_list = [[], [], [0, 1]]");
    }

    @Test
    void escapesSubtasksAsJsonStrings() {
        Workflow workflow = Workflow.of(Step.independent("claude", "say \"hi\"\\n\tnow\nthen \u0001 é"));

        assertThat(WorkflowText.render(workflow, VIEW))
                .contains("subtasks = [\"say \\\"hi\\\"\\\\n\\tnow\\nthen \\u0001 é\"]");
    }

    @Test
    void refusesAWorkerOutsideTheView() {
        Workflow workflow = Workflow.of(Step.independent("llama", "x"));

        assertThatThrownBy(() -> WorkflowText.render(workflow, VIEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("llama")
                .hasMessageContaining("not in this pool view");
    }
}
