package dev.baton.eval.report;

import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import java.util.Comparator;
import java.util.Optional;

/**
 * The rows a reader compares first: the learned conductor, the best other conductor that could really be
 * run (not the oracle, which peeks at the answers), and the oracle's ceiling.
 *
 * @param learned   the first row whose conductor starts with {@code learned}
 * @param bestOther the most accurate other non-oracle row, the cheaper one on a tie
 * @param oracle    the oracle's row
 */
record Headline(Optional<EvalRow> learned, Optional<EvalRow> bestOther, Optional<EvalRow> oracle) {

    /** Picks the headline rows of a table; any may be missing. */
    static Headline of(EvalReport report) {
        Optional<EvalRow> learned = report.rows().stream()
                .filter(row -> RowKind.of(row.conductor()) == RowKind.LEARNED).findFirst();
        Optional<EvalRow> bestOther = report.rows().stream()
                .filter(row -> RowKind.of(row.conductor()) != RowKind.LEARNED && RowKind.of(row.conductor()) != RowKind.ORACLE)
                .max(Comparator.comparingDouble(EvalRow::accuracy)
                        .thenComparing(Comparator.comparingDouble(EvalRow::meanCostUsd).reversed()));
        Optional<EvalRow> oracle = report.rows().stream()
                .filter(row -> RowKind.of(row.conductor()) == RowKind.ORACLE).findFirst();
        return new Headline(learned, bestOther, oracle);
    }

    /** Returns the learned conductor's accuracy minus the best other's, in points; empty unless both exist. */
    Optional<Double> pointsAhead() {
        return learned.isEmpty() || bestOther.isEmpty() ? Optional.empty()
                : Optional.of(learned.get().accuracy() - bestOther.get().accuracy());
    }

    /** Returns the learned conductor's cost over the best other's; empty unless both exist and the other costs something. */
    Optional<Double> costRatio() {
        return learned.isEmpty() || bestOther.isEmpty() || bestOther.get().meanCostUsd() <= 0 ? Optional.empty()
                : Optional.of(learned.get().meanCostUsd() / bestOther.get().meanCostUsd());
    }
}
