package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    @Test
    void stepMayNotSeeALaterStep() {
        assertThatThrownBy(() -> Workflow.of(new Step("a", "x", Access.steps(List.of(1))), Step.independent("b", "y")))
                .hasMessageContaining("step 0 may only see earlier steps");
    }

    @Test
    void allSeesEveryEarlierStep() {
        assertThat(Access.ALL.visibleFrom(3)).containsExactly(0, 1, 2);
        assertThat(Access.NONE.visibleFrom(3)).isEmpty();
        assertThat(Access.steps(List.of(2, 0, 2)).visibleFrom(3)).containsExactly(0, 2);
    }

    @Test
    void emptyWorkflowIsRejected() {
        assertThatThrownBy(() -> new Workflow(List.of())).hasMessageContaining("at least one step");
    }
}
