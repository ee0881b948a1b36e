package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void firstRoundsKeepsEarlierRoundsStepsAndPlanning() {
        Trace trace = new Trace(List.of(answered(0, 0, 1, 2), answered(1, 0, 3, 4), answered(2, 0, 5, 6)),
                List.of(answered(0, 0, 10, 20), answered(1, 0, 30, 40), answered(2, 0, 50, 60)));

        Trace firstTwo = trace.firstRounds(2);

        assertThat(firstTwo.calls()).extracting(CallRecord::round).containsExactly(0, 1);
        assertThat(firstTwo.planning()).extracting(CallRecord::round).containsExactly(0, 1);
        assertThat(trace.firstRounds(0)).isEqualTo(Trace.empty());
    }

    @Test
    void tokensCountStepsAndPlanning() {
        Trace trace = new Trace(List.of(answered(0, 0, 1, 2), answered(0, 1, 3, 4)), List.of(answered(0, 0, 10, 20)));

        assertThat(trace.inputTokens()).isEqualTo(14);
        assertThat(trace.outputTokens()).isEqualTo(26);
        assertThat(trace.totalTokens()).isEqualTo(40);
    }

    @Test
    void plusPlanningOfNothingIsTheSameTraceAndOfSomethingAddsIt() {
        Trace trace = new Trace(List.of(answered(0, 0, 1, 2)));

        assertThat(trace.plusPlanning(List.of())).isSameAs(trace);
        assertThat(trace.plusPlanning(List.of(answered(0, 0, 1, 1))).planning()).hasSize(1);
    }

    private static CallRecord answered(int round, int step, long in, long out) {
        return new CallRecord(round, step, "w", "s", List.of(), Duration.ZERO,
                new CallResult.Answered(new Reply("r", in, out, 0, Duration.ZERO), 1));
    }
}
