package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Price;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReplayWorkerTest {

    private static final Task Q1 = Task.of("q1", "What is 6 * 7?", "# 42", AnswerType.NUMBER);
    private static final Task Q2 = Task.of("q2", "What is 2 + 2?", "# 4", AnswerType.NUMBER);

    private static final RecordedBenchmark RECORDINGS = new RecordedBenchmark("toy", List.of(Q1, Q2), Map.of(
            "q1", Map.of(
                    "right", new RecordedReply("{\"reasoning\": \"6*7\", \"answer\": \"42\"}", 400),
                    "wrong", new RecordedReply("{\"reasoning\": \"oops\", \"answer\": \"41\"}", 40),
                    "wrong-too", new RecordedReply("The answer is 41.", 80)),
            "q2", Map.of("right", new RecordedReply("{\"answer\": 4}", 12))),
            List.of("right", "wrong", "wrong-too"));

    private static final PriceTable PRICES = new PriceTable("test", Map.of(
            "right", new Price(1, 10), "wrong", new Price(1, 1), "wrong-too", new Price(0, 0)));

    private static final PriceTable FREE = new PriceTable("free", Map.of("a", new Price(0, 0), "b", new Price(0, 0), "c", new Price(0, 0)));

    private final Pool pool = ReplayPool.create(RECORDINGS, PRICES, new ContextModel(1.0, 1.0, 0));
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

    @Test
    void aloneItReturnsTheRecordedReplyWithEstimatedTokensAndCost() {
        Trace trace = executor.run(Workflow.of(Step.independent("right", "Solve.")), Q1, pool, Budget.unlimited());

        var reply = trace.finalReply().orElseThrow();
        assertThat(reply.text()).contains("\"answer\": \"42\"");
        assertThat(reply.outputTokens()).isEqualTo(100); // 400 characters / 4
        assertThat(reply.inputTokens()).isEqualTo(("What is 6 * 7?\n\nSolve.".length() + 3) / 4);
        assertThat(reply.costUsd()).isEqualTo(new Price(1, 10).cost(reply.inputTokens(), 100));
    }

    @Test
    void missingRecordingFailsLikeAnOutage() {
        Trace trace = executor.run(Workflow.of(Step.independent("wrong", "Solve.")), Q2, pool, Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.error()).contains("wrong has no recorded reply for task q2"));
    }

    @Test
    void stepSeeingTwoAgreeingAnswersFollowsThem() {
        // p_follow = 1: a worker whose own answer (42) differs from two agreeing visible answers (41) adopts them.
        Workflow workflow = Workflow.of(
                Step.independent("wrong", "Solve."),
                Step.independent("wrong-too", "Solve."),
                Step.seeingAll("right", "Aggregate."));

        Trace trace = executor.run(workflow, Q1, pool, Budget.unlimited());

        assertThat(trace.finalText()).hasValueSatisfying(text -> assertThat(text).contains("41"));
        // Input tokens of the aggregating step include the replies it saw.
        assertThat(trace.calls().get(2).reply().orElseThrow().inputTokens())
                .isGreaterThan(trace.calls().get(0).reply().orElseThrow().inputTokens());
    }

    @Test
    void stepSeeingALoneDifferingAnswerKeepsItsOwn() {
        // p_keep = 1: against one differing answer the worker keeps its own.
        Workflow workflow = Workflow.of(Step.independent("wrong", "Solve."), Step.seeingAll("right", "Verify."));

        Trace trace = executor.run(workflow, Q1, pool, Budget.unlimited());

        assertThat(trace.finalText()).hasValueSatisfying(text -> assertThat(text).contains("42"));
    }

    @Test
    void sameWorkflowGivesTheSameResultEveryRun() {
        Pool coinFlip = ReplayPool.create(RECORDINGS, PRICES, new ContextModel(0.5, 0.5, 7));
        Workflow workflow = Workflow.of(Step.independent("wrong", "Solve."), Step.seeingAll("right", "Verify."));

        String first = executor.run(workflow, Q1, coinFlip, Budget.unlimited()).finalText().orElseThrow();
        for (int i = 0; i < 20; i++) {
            assertThat(executor.run(workflow, Q1, coinFlip, Budget.unlimited()).finalText()).contains(first);
        }
    }

    @Test
    void aStepSeeingExactlyThePeersARecordedReviewSawReplaysThatReview() {
        RecordedBenchmark reviewed = ReviewedBenchmark.read();
        Pool replay = ReplayPool.create(reviewed, FREE, new ContextModel(0.0, 1.0, 0));
        Task q1 = reviewed.tasks().getFirst();
        // Steps in the other order than the review saw them: the same peers, so the same review.
        Workflow workflow = Workflow.of(Step.independent("c", "Solve."), Step.independent("b", "Solve."), Step.seeingAll("a", "Check."));

        Trace trace = executor.run(workflow, q1, replay, Budget.unlimited());

        var reply = trace.finalReply().orElseThrow();
        assertThat(reply.text()).isEqualTo(ReviewedBenchmark.A_REVIEWS_Q1);
        assertThat(reply.inputTokens()).as("as billed when recorded").isEqualTo(70);
        assertThat(reply.outputTokens()).isEqualTo(9);
    }

    @Test
    void aStepSeeingOtherPeersThanAnyReviewDrawsFromTheWorkersMeasuredRates() {
        RecordedBenchmark reviewed = ReviewedBenchmark.read();
        // Measured: c never keeps its own answer against a lone differing one; b, unmeasured, keeps it always (assumed).
        ContextModel model = new ContextModel(0.0, 1.0, 0).withMeasured(Map.of("c", new ContextModel.Rates(
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(0.0), 2)), "fitted.yaml");
        Pool replay = ReplayPool.create(reviewed, FREE, model);
        Task q4 = reviewed.tasks().get(3); // alone: a 40, b 50, c 60; c reviewed only having seen a

        String cSeeingB = executor.run(Workflow.of(Step.independent("b", "Solve."), Step.seeingAll("c", "Check.")), q4, replay,
                Budget.unlimited()).finalText().orElseThrow();
        String bSeeingC = executor.run(Workflow.of(Step.independent("c", "Solve."), Step.seeingAll("b", "Check.")), q4, replay,
                Budget.unlimited()).finalText().orElseThrow();

        assertThat(cSeeingB).isEqualTo("The answer is 50.");
        assertThat(bSeeingC).isEqualTo("The answer is 50.");
    }

    @Test
    void aWorkerMeasuredToCorrectGivesTheRightAnswerNoStepGaveOnlyWhereItAndAllItSawWereWrong() {
        RecordedBenchmark reviewed = ReviewedBenchmark.read();
        OptionalDouble none = OptionalDouble.empty();
        ContextModel measured = new ContextModel(0.0, 1.0, 0).withMeasured(Map.of("c", new ContextModel.Rates(none, none, none,
                OptionalDouble.of(0.0), OptionalDouble.of(1.0), Map.of(), 2)), "fitted.yaml"); // drops a wrong answer, corrects always
        Task q4 = reviewed.tasks().get(3); // alone: a 40, b 50, c 60, gold 10; c reviewed only having seen a
        Task q3 = reviewed.tasks().get(2); // alone: a 40, b 10, c 50
        Workflow cChecksB = Workflow.of(Step.independent("b", "Solve."), Step.seeingAll("c", "Check."));

        String corrected = executor.run(cChecksB, q4, ReplayPool.create(reviewed, FREE, measured), Budget.unlimited())
                .finalText().orElseThrow();
        String assumed = executor.run(cChecksB, q4, ReplayPool.create(reviewed, FREE, new ContextModel(0.0, 1.0, 0)), Budget.unlimited())
                .finalText().orElseThrow();
        String seesRight = executor.run(cChecksB, q3, ReplayPool.create(reviewed, FREE, measured), Budget.unlimited())
                .finalText().orElseThrow();

        assertThat(corrected).as("b's 50 and c's own 60 are wrong; c corrects to the gold").isEqualTo("10");
        assertThat(assumed).as("the assumed model only ever gives a step's own answer").isEqualTo("The answer is 60.");
        assertThat(seesRight).as("b's 10 is right: nothing to correct, and c keeps no wrong answer").isEqualTo("The answer is 10.");
    }

    @Test
    void withoutRecordedReviewsAStepThatSeesOthersAnswersByTheAssumedModel() {
        RecordedBenchmark reviewed = ReviewedBenchmark.read();
        RecordedBenchmark without = new RecordedBenchmark(reviewed.name(), reviewed.tasks(), reviewed.replies(), reviewed.models());
        Workflow workflow = Workflow.of(Step.independent("b", "Solve."), Step.independent("c", "Solve."), Step.seeingAll("a", "Check."));

        String answer = executor.run(workflow, without.tasks().getFirst(), ReplayPool.create(without, FREE, new ContextModel(0.0, 1.0, 0)),
                Budget.unlimited()).finalText().orElseThrow();

        assertThat(answer).as("a keeps its own 10, which b also gave").isEqualTo("The answer is 10.");
    }

    @Test
    void hindsightKnowsWhoWasRightAlone() {
        var hindsight = ReplayPool.hindsight(pool);
        assertThat(hindsight.solvesAlone(Q1, "right")).isTrue();
        assertThat(hindsight.solvesAlone(Q1, "wrong")).isFalse();
        assertThat(hindsight.solvesAlone(Q2, "wrong")).isFalse();
        assertThat(hindsight.solvesAlone(Q1, "nobody")).isFalse();
    }
}
