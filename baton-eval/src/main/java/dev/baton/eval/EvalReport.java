package dev.baton.eval;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating conductors on one benchmark split.
 *
 * @param benchmark the benchmark's name
 * @param pool      the pool's kind, for example {@code replay}
 * @param split     {@code train}, {@code test} or {@code all}
 * @param rows      one row per conductor, in the order asked
 * @param notes     how the figures were obtained (context model, token estimate), printed under the table
 */
public record EvalReport(String benchmark, String pool, String split, List<EvalRow> rows, List<String> notes) {

    public EvalReport {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(split, "split");
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
