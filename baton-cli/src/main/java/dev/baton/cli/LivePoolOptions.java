package dev.baton.cli;

import dev.baton.conduct.baseline.Hindsight;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.RetryPolicy;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.providers.LiveWorkerSpec;
import dev.baton.providers.PoolFile;
import dev.baton.providers.PoolSpec;
import dev.baton.resilience.Resilience;
import dev.baton.resilience.ResilienceSettings;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.Store;
import dev.baton.task.AnswerType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of the commands that call a pool that may be live ({@code ask}, {@code record}): which pool, and how its
 * calls are made — with per-worker retry, concurrency limits and circuit breakers, through the response cache in the
 * store unless {@code --no-cache}.
 */
final class LivePoolOptions {

    @Option(names = "--pool", defaultValue = "replay", paramLabel = "FILE|replay",
            description = "The workers: a pool file (YAML; see baton pool check), or replay (the recorded answers of "
                    + "--bench, offline). Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--no-cache", description = "Call the workers even for a call made before (the response cache in "
            + "--store is neither read nor written).")
    boolean noCache;

    /** A pool ready to call: its workers, and for a replay pool the benchmark it replays. */
    record Loaded(Pool pool, Optional<ReplayedBenchmark> replay, Map<String, Integer> concurrency) {

        boolean live() {
            return replay.isEmpty();
        }

        Optional<Hindsight> hindsight() {
            return replay.map(ReplayedBenchmark::hindsight);
        }
    }

    /**
     * Loads the pool.
     *
     * @param bench  the benchmark a replay pool answers from
     * @param answer the answer type of a benchmark file whose records name none
     * @param env    where the pool file's key variables are read
     */
    Loaded load(String bench, Optional<AnswerType> answer, Map<String, String> env) {
        if (pool.equals("replay")) {
            RecordedBenchmark recorded = Benchmarks.load(bench, answer);
            ReplayedBenchmark replayed = ReplayedBenchmark.of(recorded, OfflineConfig.prices(null), OfflineConfig.contextModel(null));
            return new Loaded(replayed.pool(), Optional.of(replayed), Map.of());
        }
        PoolSpec spec = PoolFile.read(Path.of(pool));
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        spec.workers().stream().filter(LiveWorkerSpec.class::isInstance).map(LiveWorkerSpec.class::cast)
                .forEach(worker -> concurrency.put(worker.id(), worker.concurrency()));
        return new Loaded(spec.build(env), Optional.empty(), concurrency);
    }

    /**
     * Returns the executor for a loaded pool: a replay pool's calls are deterministic and free, so they get neither
     * retries nor a cache; a live pool's get per-worker resilience and, unless {@code --no-cache}, the store's cache.
     */
    Executor executor(Loaded loaded, Store store, Interceptor... added) {
        Executor.Builder base = Executor.builder();
        for (Interceptor interceptor : added) {
            base.addInterceptor(interceptor);
        }
        if (!loaded.live()) {
            return base.retry(RetryPolicy.none()).build();
        }
        Executor.Builder builder = Resilience.of(ResilienceSettings.defaults(), loaded.concurrency()).applyTo(base);
        if (!noCache) {
            builder.cache(new ResponseCacheInterceptor(store.responses()));
        }
        return builder.build();
    }
}
