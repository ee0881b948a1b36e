package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.ToDoubleFunction;
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

    private static ToDoubleFunction<String> trust(Map<String, Double> accuracy) {
        return id -> accuracy.getOrDefault(id, 0.0);
    }

    private String answer(ToDoubleFunction<String> trust, CallRecord... calls) {
        return BackedAnswer.of(new Trace(List.of(calls)), grader, trust).orElseThrow();
    }

    @Test
    void oneStepAnswersWithItsReply() {
        assertThat(answer(id -> 0.5, step(0, "a", "It is 18."))).isEqualTo("It is 18.");
    }

    @Test
    void aWeakerSecondStepDoesNotOverturnAStrongFirst() {
        ToDoubleFunction<String> trust = trust(Map.of("strong", 0.95, "weak", 0.6));
        assertThat(answer(trust, step(0, "strong", "18"), step(1, "weak", "20"))).isEqualTo("18");
        assertThat(answer(trust, step(0, "weak", "20"), step(1, "strong", "18"))).isEqualTo("18");
    }

    @Test
    void twoCloseWorkersThatAgreeOutvoteTheBestAlone() {
        ToDoubleFunction<String> trust = trust(Map.of("a", 0.95, "b", 0.94, "c", 0.93));
        assertThat(answer(trust, step(0, "a", "18"), step(1, "b", "20"), step(2, "c", "The answer is 20")))
                .isEqualTo("The answer is 20");
    }

    @Test
    void twoWeakWorkersDoNotOutvoteAMuchStrongerOne() {
        // log(9 * 0.9 / 0.1) = 4.39 against 2 x log(9 * 0.3 / 0.7) = 2.70
        ToDoubleFunction<String> trust = trust(Map.of("strong", 0.9, "w1", 0.3, "w2", 0.3));
        assertThat(answer(trust, step(0, "strong", "18"), step(1, "w1", "20"), step(2, "w2", "20"))).isEqualTo("18");
    }

    @Test
    void exactTiesGoToTheLaterStep() {
        assertThat(answer(id -> 0.8, step(0, "a", "18"), step(1, "b", "20"))).isEqualTo("20");
    }

    @Test
    void unreadableAndFailedStepsDoNotVote() {
        ToDoubleFunction<String> trust = trust(Map.of("a", 0.7, "b", 0.9, "c", 0.9));
        assertThat(answer(trust, step(0, "a", "18"), step(1, "b", "I cannot say"), failed(2, "c"))).isEqualTo("18");
    }

    @Test
    void withNoReadableAnswerTheLastReplyStands() {
        assertThat(answer(id -> 0.9, step(0, "a", "no idea"), step(1, "b", "still no idea"))).isEqualTo("still no idea");
    }

    @Test
    void weightsGrowWithAccuracyAndAWorkerNoBetterThanGuessingOnlyBreaksTies() {
        assertThat(BackedAnswer.weight(0.95)).isGreaterThan(BackedAnswer.weight(0.9));
        assertThat(BackedAnswer.weight(0.5)).isEqualTo(Math.log(9), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(BackedAnswer.weight(0.1)).isZero();
        assertThat(BackedAnswer.weight(0.0)).isZero();
        assertThat(BackedAnswer.weight(1.0)).isFinite();
    }
}
