package dev.baton.providers;

import dev.baton.input.BadInputException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayPool;
import dev.baton.pool.Pool;
import dev.baton.worker.Worker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated pool file: its workers in file order, not yet built. {@link #build} looks up API keys and loads
 * replay recordings; until then a spec holds no secret and touches no network or benchmark.
 */
public final class PoolSpec {

    private final Path file;
    private final List<WorkerSpec> workers;
    private final Map<String, YamlNode> entries;

    PoolSpec(Path file, List<WorkerSpec> workers, Map<String, YamlNode> entries) {
        this.file = file;
        this.workers = List.copyOf(workers);
        this.entries = Map.copyOf(entries);
    }

    /** Returns the file this spec was read from. */
    public Path file() {
        return file;
    }

    /** Returns the workers in file order, which is pool order. */
    public List<WorkerSpec> workers() {
        return workers;
    }

    /**
     * Builds the pool: each live worker with the key its {@code api_key_env} names, each replay worker over its
     * benchmark's recordings (each benchmark loaded once).
     *
     * @param env the environment to read keys from, usually {@code System.getenv()}; tests pass a map
     * @throws PoolFileException when a key variable is unset or blank, a benchmark cannot be loaded, or it has
     *                           no recordings of a replay worker's model; the message names file, line and field
     */
    public Pool build(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Map<String, Pool> replays = new HashMap<>();
        List<Worker> built = new ArrayList<>();
        for (WorkerSpec spec : workers) {
            built.add(switch (spec) {
                case LiveWorkerSpec live -> LiveWorker.create(live, key(live, env));
                case ReplayWorkerSpec replay -> replayWorker(replay, replays);
            });
        }
        return Pool.of(built);
    }

    /** Returns whether the key variable a live worker names is set (to something not blank) in {@code env}. */
    public static boolean keySet(LiveWorkerSpec spec, Map<String, String> env) {
        return spec.apiKeyEnv().map(env::get).filter(value -> !value.isBlank()).isPresent();
    }

    private Optional<String> key(LiveWorkerSpec spec, Map<String, String> env) {
        if (spec.apiKeyEnv().isEmpty()) {
            return Optional.empty();
        }
        if (!keySet(spec, env)) {
            throw field(spec.id(), "api_key_env").problem("environment variable " + spec.apiKeyEnv().get() + " is not set");
        }
        return Optional.of(env.get(spec.apiKeyEnv().get()).strip());
    }

    private Worker replayWorker(ReplayWorkerSpec spec, Map<String, Pool> replays) {
        Pool recorded = replays.get(spec.benchmark());
        if (recorded == null) {
            RecordedBenchmark benchmark;
            try {
                benchmark = Benchmarks.load(spec.benchmark(), Optional.empty());
            } catch (BadInputException e) {
                throw field(spec.id(), "benchmark").problem(e.getMessage());
            }
            recorded = ReplayPool.create(benchmark, OfflineConfig.defaultPrices(), OfflineConfig.defaultContextModel());
            replays.put(spec.benchmark(), recorded);
        }
        Pool pool = recorded;
        Worker worker = pool.find(spec.model()).orElseThrow(() -> field(spec.id(), "model").problem(spec.benchmark()
                + " has no recordings of '" + spec.model() + "'; it has: " + String.join(", ", pool.ids())));
        return spec.id().equals(worker.id()) && spec.description().isEmpty() ? worker : new RenamedWorker(worker, spec);
    }

    /** Returns the node of a worker's field, or the worker's entry when the field was left out. */
    private YamlNode field(String workerId, String name) {
        YamlNode entry = entries.get(workerId);
        return entry.fields().getOrDefault(name, entry);
    }

    @Override
    public String toString() {
        return "PoolSpec[" + file + ", " + workers.size() + " workers]";
    }
}
