package dev.baton.resilience;

import dev.baton.execute.Budget;
import dev.baton.execute.BudgetState;
import java.time.Duration;

/** A run's budget state with nothing spent and a given time before its deadline: what a per-attempt link reads. */
final class TimeLeft {

    private TimeLeft() {
    }

    static BudgetState of(Duration timeLeft) {
        return new BudgetState() {
            @Override public Budget budget() { return Budget.unlimited(); }
            @Override public int calls() { return 0; }
            @Override public double spentUsd() { return 0; }
            @Override public double reservedUsd() { return 0; }
            @Override public Duration elapsed() { return Duration.ZERO; }
            @Override public Duration timeLeft() { return timeLeft; }
        };
    }
}
