package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.Orchestrator;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.grade.Graders;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.SubjectsBenchmark;
import dev.baton.learn.role.RoleSet;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conductor trained without the physics specialist takes it in by measurement alone: calibrated on a sample of
 * training questions, the specialist appears in the checkpoint with the accuracies measured there and is asked the
 * physics questions, where it is best, and not the law ones, where it is worst.
 */
class CalibrationTest {

    private static final RecordedBenchmark SUBJECTS = SubjectsBenchmark.recordings();
    private static final Pool POOL = SubjectsBenchmark.pool(SUBJECTS);
    private static final String SPECIALIST = SubjectsBenchmark.SPECIALIST;
    private static final List<String> TRAINED = List.of("generalist", "lawyer", "weak");

    @TempDir
    static Path dir;

    private static Checkpoint without;

    @BeforeAll
    static void trainWithoutTheSpecialist() {
        TrainingConfig small = TrainingConfig.defaults().withIterations(60).withBatch(4, 16).withCheckpointEvery(60).withLambda(1);
        without = new GrpoTrainer("subjects", Pool.of(TRAINED.stream().map(POOL::get).toList()),
                Split.TRAIN.select("subjects", SUBJECTS.tasks()), new HashingEncoder(), RoleSet.defaults(), small,
                dir.resolve("without.json"), TrainingListener.SILENT).train();
    }

    @Test
    void aCalibratedWorkerJoinsWithTheFeaturesMeasuredOnItsSample() throws Exception {
        List<Task> sample = Calibration.questions("subjects", SUBJECTS.tasks(), 60);
        Checkpoint joined = Calibration.join(without, POOL, SPECIALIST, sample);

        WorkerIndex workers = joined.workers();
        assertThat(workers.workerIds()).containsExactly("generalist", "lawyer", "weak", SPECIALIST);
        assertThat(workers.descriptors()[3][2]).isCloseTo((float) share(sample, SPECIALIST, null), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(workers.byCategory().get("physics")[3]).isGreaterThan(0.75f);
        assertThat(workers.byCategory().get("law")[3]).isLessThan(0.45f);
        // The specialist's wrong answers are its own (the fixture's workers never err alike): measured below the prior.
        assertThat(workers.sameWrong()[0][3]).isEqualTo(workers.sameWrong()[3][0]);
        assertThat(workers.sameWrong()[3][0]).isLessThan((float) dev.baton.learn.conductor.Trust.UNMEASURED_SAME_WRONG);
        // What the trained workers were known by is unchanged.
        for (int i = 0; i < TRAINED.size(); i++) {
            assertThat(workers.descriptors()[i]).containsExactly(without.workers().descriptors()[i]);
        }
        assertThat(joined.shape().workers()).isEqualTo(4);
        assertThat(joined.iteration()).isEqualTo(without.iteration());

        // It is a checkpoint like any other: written, read back, and planned with.
        CheckpointFile.write(joined, dir.resolve("joined.json"));
        Checkpoint read = CheckpointFile.read(dir.resolve("joined.json"));
        assertThat(read.workers().workerIds()).isEqualTo(workers.workerIds());
    }

    @Test
    void theCalibratedSpecialistIsAskedTheQuestionsOfItsSubject() {
        Checkpoint joined = Calibration.join(without, POOL, SPECIALIST, Calibration.questions("subjects", SUBJECTS.tasks(), 60));
        List<Task> test = Split.TEST.select("subjects", SUBJECTS.tasks());
        Asked physics = asked(joined, test, "physics");
        Asked law = asked(joined, test, "law");
        Asked physicsBefore = asked(without, test, "physics");
        System.out.printf("calibrated: physics asked the specialist %.0f%%, accuracy %.1f%% (before: %.1f%%); law %.0f%%%n",
                100 * physics.share(), physics.accuracy(), physicsBefore.accuracy(), 100 * law.share());
        assertThat(physics.share()).isGreaterThan(0.9);
        assertThat(law.share()).isLessThan(0.1);
        assertThat(physics.accuracy()).isGreaterThan(physicsBefore.accuracy() + 20);
    }

    @Test
    void aWorkerTheCheckpointHasOrThePoolLacksIsRefused() {
        List<Task> sample = Calibration.questions("subjects", SUBJECTS.tasks(), 10);
        assertThatThrownBy(() -> Calibration.join(without, POOL, "lawyer", sample))
                .hasMessage("worker lawyer is in the checkpoint already: calibrate adds a worker it was not trained with");
        assertThatThrownBy(() -> Calibration.join(without, POOL, "chemist", sample))
                .hasMessageStartingWith("worker chemist is not in the pool (");
    }

    @Test
    void theSampleIsDrawnFromTheTrainSplitAcrossSubjectsAndGrowsByExtension() {
        List<Task> ten = Calibration.questions("subjects", SUBJECTS.tasks(), 10);
        List<Task> forty = Calibration.questions("subjects", SUBJECTS.tasks(), 40);
        assertThat(forty.subList(0, 10)).isEqualTo(ten);
        assertThat(forty).allMatch(task -> Split.of("subjects", task.id()) == Split.TRAIN);
        assertThat(forty.stream().map(task -> task.metadata().get(WorkerIndex.CATEGORY)).distinct()).hasSize(2);
        assertThat(Calibration.questions("subjects", SUBJECTS.tasks(), 10_000)).hasSameSizeAs(Split.TRAIN.select("subjects", SUBJECTS.tasks()));
    }

    /** What a conductor did on one subject's questions: the share on which it asked the specialist, and its accuracy. */
    private record Asked(double share, double accuracy) {
    }

    private static Asked asked(Checkpoint checkpoint, List<Task> tasks, String subject) {
        Orchestrator orchestrator = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), POOL, Budget.unlimited(),
                Orchestrator.DEFAULT_MAX_ROUNDS);
        List<Task> ofSubject = tasks.stream().filter(task -> subject.equals(task.metadata().get(WorkerIndex.CATEGORY))).toList();
        int askedSpecialist = 0;
        int right = 0;
        try (LearnedConductor conductor = new LearnedConductor(checkpoint.policy(), new HashingEncoder(), "learned")) {
            for (Task task : ofSubject) {
                var result = orchestrator.answer(conductor, task, POOL.view());
                askedSpecialist += result.trace().calls().stream().anyMatch(call -> call.workerId().equals(SPECIALIST)) ? 1 : 0;
                right += result.answer().map(text -> Graders.forType(task.answerType()).grade(text, task).correct()).orElse(false) ? 1 : 0;
            }
        }
        return new Asked((double) askedSpecialist / ofSubject.size(), 100.0 * right / ofSubject.size());
    }

    /** The share of {@code tasks} the worker answers right alone. */
    private static double share(List<Task> tasks, String worker, String subject) {
        long right = tasks.stream().filter(task -> subject == null || subject.equals(task.metadata().get(WorkerIndex.CATEGORY)))
                .filter(task -> Graders.forType(task.answerType()).grade(SUBJECTS.replies().get(task.id()).get(worker).text(), task).correct())
                .count();
        return (double) right / tasks.size();
    }
}
