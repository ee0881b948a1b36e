package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.Plan;
import dev.baton.execute.Trace;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CheckpointException;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.learn.train.TrainingListener;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.workflow.WorkflowText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedConductorTest {

    @TempDir
    Path dir;

    private final dev.baton.offline.RecordedBenchmark toy = ToyBenchmark.recordings();
    private final Pool pool = ToyBenchmark.pool(toy);

    private Checkpoint untrained() {
        return new GrpoTrainer("toy", pool, toy.tasks(), new HashingEncoder(), RoleSet.defaults(), TrainingConfig.defaults(),
                dir.resolve("x.json"), TrainingListener.SILENT).initial();
    }

    @Test
    void writesAWorkflowOverTheOfferedWorkersInThePapersFormat() {
        try (LearnedConductor conductor = new LearnedConductor(untrained(), new HashingEncoder(), "learned")) {
            PoolView view = pool.view(List.of("cheap", "strong"));
            Plan plan = conductor.plan(toy.tasks().getFirst(), view, Trace.empty());

            var workflow = ((Plan.Run) plan).workflow();
            assertThat(workflow.steps()).allSatisfy(step -> assertThat(view.contains(step.workerId())).isTrue());
            assertThat(workflow.steps()).allSatisfy(step -> assertThat(RoleSet.defaults().roles())
                    .anySatisfy(role -> assertThat(role.template()).isEqualTo(step.subtask())));
            String text = WorkflowText.render(workflow, view);
            assertThat(WorkflowText.parse(text, view)).contains(workflow);
            // Deterministic: the same question gets the same plan.
            assertThat(conductor.plan(toy.tasks().getFirst(), view, Trace.empty())).isEqualTo(plan);
        }
    }

    @Test
    void workerUnknownToTheCheckpointIsAClearError() {
        try (LearnedConductor conductor = new LearnedConductor(untrained(), new HashingEncoder(), "learned")) {
            assertThatThrownBy(() -> conductor.plan(toy.tasks().getFirst(), new PoolView(List.of("strong", "gpt-9")), Trace.empty()))
                    .hasMessageContaining("worker 'gpt-9' is unknown to this checkpoint");
        }
    }

    @Test
    void checkpointOfAnotherEncoderIsRefused() {
        QuestionEncoder other = new QuestionEncoder() {
            @Override
            public String id() {
                return "all-minilm-l6-v2-q";
            }

            @Override
            public int dimension() {
                return 384;
            }

            @Override
            public float[] encode(String text) {
                return new float[384];
            }
        };
        assertThatThrownBy(() -> new LearnedConductor(untrained(), other, "learned"))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("trained with encoder 'hashing-16'");
    }
}
