package dev.baton.wiring;

import dev.baton.worker.FailureKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The calls of one worker that failed in a recording, by kind, and how many of them will fail again however often the
 * recording is run: a {@code not_found} or {@code authentication} failure needs the pool file or the provider fixed, a
 * {@code network} one passes.
 *
 * @param worker    the worker's id
 * @param byKind    failed calls per kind, none zero, in {@link FailureKind}'s order
 * @param permanent of those, the calls whose failure said a retry would not help ({@link dev.baton.execute.CallResult.Failed#retriable()})
 */
public record WorkerFailures(String worker, Map<FailureKind, Integer> byKind, int permanent) {

    public WorkerFailures {
        Objects.requireNonNull(worker, "worker");
        byKind.forEach((kind, count) -> {
            if (count < 1) {
                throw new IllegalArgumentException(worker + ": a kind's count must be positive: " + kind + " " + count);
            }
        });
        byKind = byKind.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byKind));
        if (permanent < 0 || permanent > byKind.values().stream().mapToInt(Integer::intValue).sum()) {
            throw new IllegalArgumentException(worker + ": permanent must be between 0 and the failed calls: " + permanent);
        }
    }

    /** Returns how many of the worker's calls failed. */
    public int count() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Returns how many of them a rerun tries again with a chance. */
    public int retriable() {
        return count() - permanent;
    }

    /**
     * Returns one line for a person, e.g. {@code solver-c: 20 failed: not_found 20 (permanent: a rerun will not fix them)}
     * or {@code solver-a: 2 failed: network 2 (a rerun retries them)}.
     */
    public String describe() {
        String kinds = byKind.entrySet().stream()
                .map(entry -> name(entry.getKey()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        String rerun = permanent == 0 ? "a rerun retries them"
                : permanent == count() ? "permanent: a rerun will not fix them"
                : permanent + " permanent: a rerun will not fix those; it retries the other " + retriable();
        return worker + ": " + count() + " failed: " + kinds + " (" + rerun + ")";
    }

    /** Returns a kind as traces and metrics name it: {@code not_found}. */
    static String name(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
