package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.task.AnswerType;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackedAnswerTest {

    private final Grader grader = Graders.forType(AnswerType.NUMBER);

    private static CallRecord step(int index, String worker, String text) {
        return new CallRecord(0, index, worker, "Solve.", List.of(), Duration.ZERO,
                new CallResult.Answered(new Reply(text, 10, 10, 0.001, Duration.ZERO), 1));
    }

    private static CallRecord failed(int index, String worker) {
        return new CallRecord(0, index, worker, "Solve.", List.of(), Duration.ZERO, new CallResult.Failed("timeout", true, 1));
    }

    private static Trust trust(Map<String, Double> accuracy) {
        return Trust.ofAccuracy(id -> accuracy.getOrDefault(id, 0.0));
    }

    private static Trust alike(double accuracy) {
        return Trust.ofAccuracy(id -> accuracy);
    }

    /** Trust with measured shared wrong answers: {@code sameWrong} for the two named workers, unmeasured otherwise. */
    private static Trust trust(Map<String, Double> accuracy, String first, String second, double sameWrong) {
        return Trust.of(id -> accuracy.getOrDefault(id, 0.0),
                (a, b) -> Set.of(a, b).equals(Set.of(first, second)) ? sameWrong : Trust.UNMEASURED_SAME_WRONG);
    }

    private String answer(Trust trust, CallRecord... calls) {
        return BackedAnswer.of(new Trace(List.of(calls)), grader, trust).orElseThrow();
    }

    @Test
    void oneStepAnswersWithItsReply() {
        assertThat(answer(alike(0.5), step(0, "a", "It is 18."))).isEqualTo("It is 18.");
    }

    @Test
    void aWeakerSecondStepDoesNotOverturnAStrongFirst() {
        Trust trust = trust(Map.of("strong", 0.95, "weak", 0.6));
        assertThat(answer(trust, step(0, "strong", "18"), step(1, "weak", "20"))).isEqualTo("18");
        assertThat(answer(trust, step(0, "weak", "20"), step(1, "strong", "18"))).isEqualTo("18");
    }

    @Test
    void twoCloseWorkersThatAgreeOutvoteTheBestAlone() {
        Trust trust = trust(Map.of("a", 0.95, "b", 0.94, "c", 0.93));
        assertThat(answer(trust, step(0, "a", "18"), step(1, "b", "20"), step(2, "c", "The answer is 20")))
                .isEqualTo("The answer is 20");
    }

    @Test
    void twoWeakWorkersDoNotOutvoteAMuchStrongerOne() {
        // logit(0.9) = 2.20 against 2 x logit(0.3) + log 9 = 0.50
        Trust trust = trust(Map.of("strong", 0.9, "w1", 0.3, "w2", 0.3));
        assertThat(answer(trust, step(0, "strong", "18"), step(1, "w1", "20"), step(2, "w2", "20"))).isEqualTo("18");
    }

    @Test
    void twoWorkersOftenWrongTogetherDoNotOutvoteAStrongerOne() {
        // MATH-L5's kind of pool: one strong worker, two middling ones. Wrong answers spread over nine alternatives, the
        // two agreeing outweigh it: logit(0.52) + logit(0.46) + log 9 = 2.15 > logit(0.85) = 1.73. When a third of their
        // shared wrong answers are the same answer, their agreement says less: 2.15 - log 9 + log 3 = 1.05.
        Map<String, Double> accuracy = Map.of("strong", 0.85, "m1", 0.52, "m2", 0.46);
        CallRecord[] steps = {step(0, "strong", "18"), step(1, "m1", "20"), step(2, "m2", "20")};
        assertThat(answer(trust(accuracy), steps)).isEqualTo("20");
        assertThat(answer(trust(accuracy, "m1", "m2", 1.0 / 3), steps)).isEqualTo("18");
    }

    @Test
    void aWorkerAskedTwiceIsOneWitness() {
        Trust trust = trust(Map.of("a", 0.9, "b", 0.92));
        assertThat(answer(trust, step(0, "a", "18"), step(1, "a", "18"), step(2, "b", "20"))).isEqualTo("20");
    }

    @Test
    void exactTiesGoToTheLaterStep() {
        assertThat(answer(alike(0.8), step(0, "a", "18"), step(1, "b", "20"))).isEqualTo("20");
    }

    @Test
    void unreadableAndFailedStepsDoNotVote() {
        Trust trust = trust(Map.of("a", 0.7, "b", 0.9, "c", 0.9));
        assertThat(answer(trust, step(0, "a", "18"), step(1, "b", "I cannot say"), failed(2, "c"))).isEqualTo("18");
    }

    @Test
    void withNoReadableAnswerTheLastReplyStands() {
        assertThat(answer(alike(0.9), step(0, "a", "no idea"), step(1, "b", "still no idea"))).isEqualTo("still no idea");
    }

    @Test
    void supportGrowsWithAccuracyAndWithIndependentAgreement() {
        Trust trust = trust(Map.of("a", 0.95, "b", 0.9, "c", 0.6));
        assertThat(BackedAnswer.support(List.of("a"), trust)).isGreaterThan(BackedAnswer.support(List.of("b"), trust));
        assertThat(BackedAnswer.support(List.of("b"), trust)).isEqualTo(Math.log(9), within(1e-9));
        // A second independent worker adds its log-odds and log 9, whatever the order the steps came in.
        assertThat(BackedAnswer.support(List.of("c", "b"), trust))
                .isEqualTo(Math.log(9) + Math.log(0.6 / 0.4) + Math.log(9), within(1e-9));
        assertThat(BackedAnswer.support(List.of("c", "b"), trust)).isEqualTo(BackedAnswer.support(List.of("b", "c"), trust));
        // Accuracies of 0 and 1 are clamped: the support stays finite.
        assertThat(BackedAnswer.support(List.of("unknown"), trust)).isFinite();
        assertThat(BackedAnswer.support(List.of("x"), alike(1.0))).isFinite();
    }
}
