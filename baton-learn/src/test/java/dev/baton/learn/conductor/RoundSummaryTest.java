package dev.baton.learn.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.grade.Graders;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundSummaryTest {

    private final Task task = Task.of("t1", "How many?", "# 18", AnswerType.NUMBER);

    private static CallRecord answered(int round, int step, String text, double cost) {
        return new CallRecord(round, step, "w" + round + step, "Solve.", List.of(), Duration.ZERO,
                new CallResult.Answered(new Reply(text, 10, 10, cost, Duration.ZERO), 1));
    }

    private float[] summary(CallRecord... calls) {
        return RoundSummary.of(new Trace(List.of(calls)), task, Graders.forType(task.answerType()), 8, Trust.ofAccuracy(id -> 0.9));
    }

    @Test
    void aFinalAnswerBackedByAnEarlierStepIsMarked() {
        float[] x = summary(answered(0, 0, "The answer is 18.", 0.001), answered(1, 0, "So: 18", 0.001));

        assertThat(x).hasSize(PolicyShape.SUMMARY_FEATURES);
        assertThat(x[0]).isEqualTo(2 / 8f);          // answers
        assertThat(x[1]).isEqualTo(1f);              // plurality share
        assertThat(x[2]).isEqualTo(0.5f);            // distinct share
        assertThat(x[3]).isEqualTo(1f);              // final is the plurality
        assertThat(x[4]).isEqualTo(1f);              // final backed by two steps
        assertThat(x[5]).isEqualTo(1f);              // final's share
        assertThat(x[6]).isEqualTo(2 / 8f);          // calls
        assertThat(x[7]).isCloseTo((float) ((Math.log10(0.002 + 1e-6) + 6) / 4), within(1e-6f));
        assertThat(x[8]).isZero();                   // failures
    }

    @Test
    void disagreementAndFailuresShow() {
        CallRecord failed = new CallRecord(0, 1, "w01", "Solve.", List.of(), Duration.ZERO,
                new CallResult.Failed("timeout", true, 2));
        float[] x = summary(answered(0, 0, "18", 0.001), answered(0, 2, "20", 0.001), failed,
                answered(1, 0, "The answer is 20", 0.001), answered(1, 1, "no idea", 0.001));

        assertThat(x[0]).isEqualTo(3 / 8f);          // three parseable answers: 18, 20, 20
        assertThat(x[1]).isEqualTo(2 / 3f);
        assertThat(x[2]).isEqualTo(2 / 3f);
        // The last step answered nothing usable, so the final reply is its text: no answer, no backing.
        assertThat(x[3]).isZero();
        assertThat(x[4]).isZero();
        assertThat(x[5]).isZero();
        assertThat(x[6]).isEqualTo(5 / 8f);
        assertThat(x[8]).isEqualTo(1 / 5f);
    }

    @Test
    void aLoneAnswerIsItsOwnPluralityButUnbacked() {
        float[] x = summary(answered(0, 0, "18", 0.001));
        assertThat(x[3]).isEqualTo(1f);
        assertThat(x[4]).isZero();
        assertThat(x[5]).isEqualTo(1f);
    }

    @Test
    void theVoteMarginShowsHowDecidedTheAnswerIs() {
        // Every worker trusted alike (0.9), wrong answers spread over nine: 18 has two independent witnesses, 20 one, so
        // 18 leads by logit(0.9) + log 9 = 4.39 (as log-odds), decided to 2 sigmoid(4.39) - 1.
        float[] x = summary(answered(0, 0, "18", 0.001), answered(0, 1, "18", 0.001), answered(0, 2, "20", 0.001));
        double margin = Math.log(0.9 / 0.1) + Math.log(9);
        assertThat(x[9]).isCloseTo((float) (2 / (1 + Math.exp(-margin)) - 1), within(1e-6f));
        assertThat(x[10]).isCloseTo((float) (margin / 10), within(1e-6f));

        float[] tied = summary(answered(0, 0, "18", 0.001), answered(0, 1, "20", 0.001));
        assertThat(tied[9]).isZero();
        assertThat(tied[10]).isZero();
    }

    @Test
    void emptyTraceGivesZeros() {
        List<Float> values = new ArrayList<>();
        for (float v : summary()) {
            values.add(v);
        }
        assertThat(values.subList(0, 7)).containsOnly(0f);
    }
}
