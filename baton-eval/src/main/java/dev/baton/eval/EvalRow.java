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
 */
public record EvalRow(String conductor, double accuracy, double ciLow, double ciHigh, double meanCalls,
                      double meanCostUsd, double meanTokens, int n, Map<String, Integer> workerCalls) {

    public EvalRow {
        Objects.requireNonNull(conductor, "conductor");
        workerCalls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workerCalls));
    }
}
