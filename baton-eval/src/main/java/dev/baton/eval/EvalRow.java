package dev.baton.eval;

import java.util.Map;
import java.util.Objects;

/**
 * One conductor's line in an evaluation table.
 *
 * @param conductor   the conductor spec, for example {@code vote:top3}
 * @param accuracy    percent of tasks answered correctly
 * @param ciLow       lower end of the 95% bootstrap interval of the accuracy, in percent
 * @param ciHigh      upper end of that interval, in percent
 * @param meanCalls   worker calls per task
 * @param meanCostUsd USD per task
 * @param meanTokens  input plus output tokens per task
 * @param n           number of tasks
 * @param workerCalls total calls per worker id, most used first
 * @param failed      tasks with a call of a live pool that failed after every retry or that a spending cap left out,
 *                    each scored as it came out (usually wrong); running the same evaluation again retries only those
 */
public record EvalRow(String conductor, double accuracy, double ciLow, double ciHigh, double meanCalls,
                      double meanCostUsd, double meanTokens, int n, Map<String, Integer> workerCalls, int failed) {

    public EvalRow {
        Objects.requireNonNull(conductor, "conductor");
        workerCalls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workerCalls));
        if (failed < 0 || failed > n) {
            throw new IllegalArgumentException("failed must be between 0 and n = " + n + ": " + failed);
        }
    }

    /** A row none of whose tasks had a failed call. */
    public EvalRow(String conductor, double accuracy, double ciLow, double ciHigh, double meanCalls, double meanCostUsd,
                   double meanTokens, int n, Map<String, Integer> workerCalls) {
        this(conductor, accuracy, ciLow, ciHigh, meanCalls, meanCostUsd, meanTokens, n, workerCalls, 0);
    }
}
