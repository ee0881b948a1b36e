package dev.baton.providers;

import java.util.Objects;

/**
 * A worker that replays one model's recorded answers to a benchmark (see baton-offline's {@code ReplayWorker}),
 * priced from the shipped price table. It can only answer that benchmark's questions.
 *
 * @param id          the worker's id in its pool
 * @param benchmark   {@code gsm8k}, {@code math-l5}, {@code mmlu-pro}, or the path of a recorded benchmark file
 * @param model       the recorded model, for example {@code o1-mini-2024-09-12}
 * @param description one line for people; empty to use the replay's own
 */
public record ReplayWorkerSpec(String id, String benchmark, String model, String description) implements WorkerSpec {

    public ReplayWorkerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(description, "description");
        if (id.isBlank() || benchmark.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("id, benchmark and model must not be blank");
        }
    }
}
