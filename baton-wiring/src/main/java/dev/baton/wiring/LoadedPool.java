package dev.baton.wiring;

import dev.baton.conduct.baseline.Hindsight;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.RetryPolicy;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.providers.LiveWorkerSpec;
import dev.baton.providers.PoolFile;
import dev.baton.providers.PoolSpec;
import dev.baton.resilience.Resilience;
import dev.baton.resilience.ResilienceSettings;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.task.AnswerType;
import dev.baton.worker.RateLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool ready to call, loaded from a pool file or as the replay pool of a recorded benchmark, and the executor its
 * calls should go through: a replay pool's calls are deterministic and free, so they get neither retries nor a cache;
 * a live pool's get per-worker retry, rate and concurrency limits and circuit breakers, and the store's response cache.
 *
 * <pre>{@code
 * LoadedPool loaded = LoadedPool.load("pool.yaml", "gsm8k", Optional.empty(), System.getenv());
 * Executor executor = loaded.executor(Optional.of(new ResponseCacheInterceptor(store.responses())));
 * }</pre>
 *
 * @param pool        the workers
 * @param replay      for a replay pool, the benchmark it replays (its questions are the ones it can answer)
 * @param concurrency per live worker, how many calls may run at once
 * @param rateLimits  per live worker that has any, the requests and tokens its calls may use a minute
 */
public record LoadedPool(Pool pool, Optional<ReplayedBenchmark> replay, Map<String, Integer> concurrency,
                         Map<String, RateLimits> rateLimits) {

    /** The {@code --pool} value that names the replay pool rather than a file. */
    public static final String REPLAY = "replay";

    public LoadedPool {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(replay, "replay");
        concurrency = Map.copyOf(concurrency);
        rateLimits = Map.copyOf(rateLimits);
    }

    /** A pool whose workers have no rate limits. */
    public LoadedPool(Pool pool, Optional<ReplayedBenchmark> replay, Map<String, Integer> concurrency) {
        this(pool, replay, concurrency, Map.of());
    }

    /**
     * Loads a pool.
     *
     * @param spec   a pool file's path, or {@link #REPLAY}
     * @param bench  the benchmark a replay pool answers from (ignored for a pool file)
     * @param answer the answer type of a benchmark file whose records name none
     * @param env    where the pool file's key variables are read
     * @throws dev.baton.input.BadInputException for a malformed pool file, an unknown benchmark, a missing key variable
     */
    public static LoadedPool load(String spec, String bench, Optional<AnswerType> answer, Map<String, String> env) {
        if (spec.equals(REPLAY)) {
            ReplayedBenchmark replayed = ReplayedBenchmark.of(Benchmarks.load(bench, answer), OfflineConfig.prices(null),
                    OfflineConfig.contextModel(null));
            return new LoadedPool(replayed.pool(), Optional.of(replayed), Map.of());
        }
        PoolSpec file = PoolFile.read(Path.of(spec));
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        Map<String, RateLimits> rateLimits = new LinkedHashMap<>();
        file.workers().stream().filter(LiveWorkerSpec.class::isInstance).map(LiveWorkerSpec.class::cast).forEach(worker -> {
            concurrency.put(worker.id(), worker.concurrency());
            if (!worker.rateLimits().isNone()) {
                rateLimits.put(worker.id(), worker.rateLimits());
            }
        });
        return new LoadedPool(file.build(env), Optional.empty(), concurrency, rateLimits);
    }

    /** Returns whether the pool calls live models (not only the replay pool). */
    public boolean live() {
        return replay.isEmpty();
    }

    /** Returns the answer key of a replay pool, for the oracle. */
    public Optional<Hindsight> hindsight() {
        return replay.map(ReplayedBenchmark::hindsight);
    }

    /**
     * Returns the executor this pool's calls should go through.
     *
     * @param cache the response cache live calls use, or empty for none; it comes first, so that nothing added
     *              (a spending cap) holds back a reply it already has, which costs nothing
     * @param added interceptors that run around every call the cache does not answer (a spending cap, for example)
     */
    public Executor executor(Optional<ResponseCacheInterceptor> cache, Interceptor... added) {
        return executor(List.of(), cache, added);
    }

    /**
     * Returns the executor this pool's calls should go through, with {@code watching} outside the cache: they see every
     * call, those the cache answers included (a tally of what was paid and what was cached, say). Each executor counts
     * its workers' rate limits and calls at once on its own, from when it is built: build one per process.
     */
    public Executor executor(List<Interceptor> watching, Optional<ResponseCacheInterceptor> cache, Interceptor... added) {
        Executor.Builder builder = Executor.builder();
        watching.forEach(builder::addInterceptor);
        if (live()) {
            cache.ifPresent(builder::addInterceptor);
        }
        for (Interceptor interceptor : added) {
            builder.addInterceptor(interceptor);
        }
        if (!live()) {
            return builder.retry(RetryPolicy.none()).build();
        }
        Resilience.of(ResilienceSettings.defaults(), concurrency, rateLimits).applyTo(builder);
        return builder.build();
    }
}
