package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Budget;
import dev.baton.execute.CallRecord;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.fixtures.CountingEncoder;
import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.policy.DecisionKind;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.learn.train.TrainingListener;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.workflow.Step;
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
        try (LearnedConductor conductor = new LearnedConductor(untrained().policy(), new HashingEncoder(), "learned")) {
            PoolView view = pool.view(List.of("cheap", "strong"));
            Plan plan = conductor.start(toy.tasks().getFirst(), view, PlanningCalls.none()).next(Trace.empty());

            var workflow = ((Plan.Run) plan).workflow();
            assertThat(workflow.steps()).allSatisfy(step -> assertThat(view.contains(step.workerId())).isTrue());
            // Each step is written from a role and carries its id.
            assertThat(workflow.steps()).allSatisfy(step -> assertThat(RoleSet.defaults().roles())
                    .anySatisfy(role -> {
                        assertThat(step.role()).contains(role.id());
                        assertThat(step.subtask()).isEqualTo(role.template());
                    }));
            // The paper's text carries workers, subtasks and access; role ids stay in the trace.
            String text = WorkflowText.render(workflow, view);
            assertThat(WorkflowText.parse(text, view).orElseThrow().steps()).extracting(Step::workerId, Step::subtask, Step::access)
                    .containsExactlyElementsOf(workflow.steps().stream()
                            .map(step -> org.assertj.core.groups.Tuple.tuple(step.workerId(), step.subtask(), step.access())).toList());
            // Deterministic: the same question gets the same plan.
            assertThat(conductor.start(toy.tasks().getFirst(), view, PlanningCalls.none()).next(Trace.empty())).isEqualTo(plan);
        }
    }

    /** The untrained checkpoint with the yes/no head pushed: stop each round after one step; add more rounds or not. */
    private Checkpoint biased(boolean addRounds) {
        Checkpoint base = untrained();
        float[] bias = base.parameters().get("binary.bias").clone();
        bias[DecisionKind.STOP.binaryIndex()] = 20;
        bias[DecisionKind.CONTINUE.binaryIndex()] = addRounds ? 20 : -20;
        return base.withParameter("binary.bias", bias);
    }

    @Test
    void laterRoundsAddStepsThatSeeEverythingUpToTheRoundCap() {
        Orchestrator orchestrator = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool,
                Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS);
        try (LearnedConductor conductor = new LearnedConductor(biased(true).policy(), new HashingEncoder(), "learned")) {
            for (Task task : toy.tasks().subList(0, 5)) {
                Trace trace = orchestrator.answer(conductor, task, pool.view()).trace();

                assertThat(trace.rounds()).isEqualTo(TrainingConfig.defaults().maxRounds());
                assertThat(trace.calls()).extracting(CallRecord::workerId).doesNotHaveDuplicates();
                for (CallRecord call : trace.calls()) {
                    long seen = call.messages().stream().filter(m -> m.role() == ChatMessage.Role.ASSISTANT).count();
                    assertThat(seen).as("round %d sees every earlier reply", call.round()).isEqualTo(call.round());
                }
                // A fresh run fed the same trace round by round plans exactly what ran, then accepts.
                var run = conductor.start(task, pool.view(), PlanningCalls.none());
                for (int r = 0; r < trace.rounds(); r++) {
                    Plan plan = run.next(trace.firstRounds(r));
                    assertThat(((Plan.Run) plan).workflow().steps()).extracting(Step::workerId)
                            .containsExactlyElementsOf(trace.round(r).stream().map(CallRecord::workerId).toList());
                }
                assertThat(run.next(trace)).isEqualTo(Plan.accept());
            }
        }
        try (LearnedConductor conductor = new LearnedConductor(biased(false).policy(), new HashingEncoder(), "learned")) {
            Trace trace = orchestrator.answer(conductor, toy.tasks().getFirst(), pool.view()).trace();
            assertThat(trace.rounds()).isEqualTo(1);
            assertThat(trace.callCount()).isEqualTo(1);
        }
    }

    @Test
    void aPoolWithAnExtraWorkerIsPlannedOverWithoutIt() {
        try (LearnedConductor conductor = new LearnedConductor(untrained().policy(), new HashingEncoder(), "learned:ck")) {
            PoolView grown = new PoolView(List.of("weak", "noisy", "planner", "cheap", "strong"));

            assertThat(conductor.fit(grown).note("learned:ck"))
                    .contains("learned:ck plans over 4 of its 4 workers; new to it and left out of its plans: planner");
            for (Task task : toy.tasks().subList(0, 20)) {
                Plan plan = conductor.start(task, grown, PlanningCalls.none()).next(Trace.empty());
                assertThat(((Plan.Run) plan).workflow().steps()).extracting(Step::workerId).doesNotContain("planner");
            }
        }
    }

    @Test
    void aPoolMissingACheckpointWorkerIsPlannedOverWithTheRestAndSaidOnce() {
        try (LearnedConductor conductor = new LearnedConductor(untrained().policy(), new HashingEncoder(), "learned:ck")) {
            PoolView shrunk = new PoolView(List.of("weak", "noisy", "cheap"));

            assertThat(conductor.fit(shrunk).note("learned:ck"))
                    .contains("learned:ck plans over 3 of its 4 workers; not in the pool: strong");
            assertThat(conductor.fit(pool.view()).note("learned:ck")).isEmpty();
            for (Task task : toy.tasks().subList(0, 20)) {
                Plan plan = conductor.start(task, shrunk, PlanningCalls.none()).next(Trace.empty());
                assertThat(((Plan.Run) plan).workflow().steps()).extracting(Step::workerId).doesNotContain("strong");
            }
        }
    }

    @Test
    void questionsEmbeddedAheadInOneBatchAreNotEmbeddedAgainEvenPastTheCachesUsualSize() {
        CountingEncoder counting = new CountingEncoder(new HashingEncoder());
        Task template = toy.tasks().getFirst();
        List<Task> batch = java.util.stream.IntStream.range(0, EmbeddingCache.DEFAULT_CAPACITY + 500)
                .mapToObj(i -> new Task("q" + i, template.question() + " (" + i + ")", template.gold(), template.answerType(),
                        template.metadata()))
                .toList();
        try (LearnedConductor conductor = new LearnedConductor(untrained().policy(), counting, "learned")) {
            conductor.prepare(batch);
            for (Task task : batch) {
                conductor.start(task, pool.view(), PlanningCalls.none());
            }
            assertThat(counting.encoded()).hasSize(batch.size());
        }
    }

    @Test
    void aPoolWithNoneOfTheCheckpointsWorkersIsAClearError() {
        try (LearnedConductor conductor = new LearnedConductor(untrained().policy(), new HashingEncoder(), "learned")) {
            assertThatThrownBy(() -> conductor.start(toy.tasks().getFirst(), new PoolView(List.of("gpt-9")), PlanningCalls.none()))
                    .isInstanceOf(PolicyMismatchException.class)
                    .hasMessage("none of this checkpoint's workers (weak, noisy, cheap, strong) is in the pool (gpt-9): "
                            + "train it on this pool");
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
        assertThatThrownBy(() -> new LearnedConductor(untrained().policy(), other, "learned"))
                .isInstanceOf(PolicyMismatchException.class)
                .hasMessageContaining("trained with encoder 'hashing-16'");
    }
}
