package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetMeterTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void admitsACallWhoseWorstCaseExactlyFillsWhatIsLeft() {
        BudgetMeter meter = BudgetMeter.resumed(new Budget(10, 1.0, DAY), 0.25);

        assertThat(meter.reserve(0.75)).isEmpty();
        assertThat(meter.calls()).isEqualTo(1);
        assertThat(meter.reservedUsd()).isEqualTo(0.75);
    }

    @Test
    void countsWhatIsReservedAgainstTheNextCall() {
        BudgetMeter meter = BudgetMeter.start(new Budget(10, 1.0, DAY));

        assertThat(meter.reserve(0.6)).isEmpty();
        assertThat(meter.reserve(0.6)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("budget: a call that may cost up to $0.600000 does not fit: $0.000000 spent and $0.600000 reserved of $1.000000"));
        assertThat(meter.calls()).isEqualTo(1);
    }

    @Test
    void settlingReleasesTheReservationAndSpendsTheActualCost() {
        BudgetMeter meter = BudgetMeter.resumed(new Budget(10, 1.0, DAY), 0.1);
        meter.reserve(0.5);

        meter.settle(0.5, 0.2);

        assertThat(meter.reservedUsd()).isZero();
        assertThat(meter.spentUsd()).isEqualTo(0.1 + 0.2);
        assertThat(meter.calls()).isEqualTo(1);
        assertThat(meter.reserve(0.7)).isEmpty();
    }

    @Test
    void refusesOnceEveryCallIsUsedCountingEarlierRounds() {
        BudgetMeter meter = BudgetMeter.start(new Budget(3, 1.0, DAY));
        meter.reserve(0);
        meter.settle(0, 0); // an earlier round's call
        meter.reserve(0);

        assertThat(meter.reserve(0)).isEmpty();
        assertThat(meter.reserve(0)).contains("budget: all 3 calls used");
    }

    @Test
    void refusesAfterTheDeadlineAndNeverReportsNegativeTimeLeft() throws InterruptedException {
        BudgetMeter meter = BudgetMeter.start(new Budget(3, 1.0, Duration.ofMillis(1)));
        Thread.sleep(5);

        assertThat(meter.timeLeft()).isZero();
        assertThat(meter.reserve(0)).contains("budget: deadline of 1 ms passed");
        assertThat(meter.calls()).isZero();
    }

    @Test
    void aReplyCostingMoreThanItsReservationIsChargedInFullAndStopsTheQuestion() {
        BudgetMeter meter = BudgetMeter.start(new Budget(10, 1.0, DAY));
        meter.reserve(0.01);

        meter.settle(0.01, 0.04);

        assertThat(meter.spentUsd()).isEqualTo(0.04);
        assertThat(meter.reserve(0.001)).hasValueSatisfying(reason -> assertThat(reason).isEqualTo(
                "budget: a reply cost $0.040000, more than the $0.010000 reserved for it (its provider ignored the output"
                        + " limit); no further calls"));
        assertThat(meter.calls()).isEqualTo(1);
    }

    @Test
    void withoutAMoneyLimitALongReplyStopsNothing() {
        // A replay pool's recorded replies are as long as the model wrote them, whatever limit the budget assumed.
        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        meter.reserve(0.01);

        meter.settle(0.01, 0.04);

        assertThat(meter.reserve(0.01)).isEmpty();
    }

    @Test
    void aReplyCostingItsReservationExactlyLeavesTheQuestionGoing() {
        BudgetMeter meter = BudgetMeter.start(new Budget(10, 1.0, DAY));
        meter.reserve(0.1 + 0.2);

        meter.settle(0.1 + 0.2, 0.3);

        assertThat(meter.reserve(0.1)).isEmpty();
    }

    @Test
    void aResumedAccountRefusesWhatWasSpentBefore() {
        assertThat(BudgetMeter.resumed(new Budget(10, 1.0, DAY), 0.9).reserve(0.2)).isPresent();
        assertThatThrownBy(() -> BudgetMeter.resumed(new Budget(10, 1.0, DAY), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBudgetRejectsLimitsThatAdmitNothing() {
        assertThat(new Budget(1, Double.MIN_VALUE, Duration.ofNanos(1)).maxCalls()).isEqualTo(1);
        assertThatThrownBy(() -> new Budget(0, 1, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(1, 0, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(1, Double.NaN, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(1, 1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
