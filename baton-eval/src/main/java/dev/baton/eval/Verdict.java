package dev.baton.eval;

import java.util.Comparator;
import java.util.Optional;

/**
 * The one line a reader wants from a table: how the learned conductor did against the best single worker, in accuracy
 * points and relative cost, both taken from rows of the same table (so of the same run and split).
 *
 * <p>The learned conductor is the first row whose name starts with {@code learned}. The best single worker is the
 * {@code best-solo} row (chosen on the train split); without one, the most accurate {@code solo:} row, which is then
 * said to be chosen on this split. With no learned row there is no verdict; with no single-worker row the line says so.
 */
final class Verdict {

    private Verdict() {
    }

    /** Returns the verdict line of a table, if it has a learned row. */
    static Optional<String> of(EvalReport report) {
        Optional<EvalRow> learned = report.rows().stream().filter(row -> row.conductor().startsWith("learned")).findFirst();
        if (learned.isEmpty()) {
            return Optional.empty();
        }
        Optional<EvalRow> bestSolo = report.rows().stream().filter(row -> row.conductor().startsWith("best-solo")).findFirst();
        String which = "best single worker";
        if (bestSolo.isEmpty()) {
            bestSolo = report.rows().stream().filter(row -> row.conductor().startsWith("solo:"))
                    .max(Comparator.comparingDouble(EvalRow::accuracy));
            which = "best single worker on this split";
        }
        if (bestSolo.isEmpty()) {
            return Optional.of(learned.get().conductor() + " vs best single worker: no single-worker row to compare with "
                    + "(add --conductor best-solo)");
        }
        return Optional.of(learned.get().conductor() + " vs " + which + ": " + compare(learned.get(), bestSolo.get()));
    }

    private static String compare(EvalRow learned, EvalRow solo) {
        // Rounded before the sign is chosen, so a difference of -0.04 reads +0.0, not -0.0.
        double points = Math.round((learned.accuracy() - solo.accuracy()) * 10) / 10.0;
        String accuracy = ReportTable.format("%s%.1f points (%.1f%% vs %.1f%%)", points >= 0 ? "+" : "-", Math.abs(points),
                learned.accuracy(), solo.accuracy());
        String cost = solo.meanCostUsd() > 0
                ? ReportTable.format("at %.2fx the cost", learned.meanCostUsd() / solo.meanCostUsd())
                : ReportTable.format("at $%.6f vs $%.6f per question", learned.meanCostUsd(), solo.meanCostUsd());
        boolean overlap = learned.ciLow() <= solo.ciHigh() && solo.ciLow() <= learned.ciHigh();
        return accuracy + " " + cost + (overlap ? "; the 95% intervals overlap" : "");
    }
}
