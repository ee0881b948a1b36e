package dev.baton.cli;

import dev.baton.client.LoadedPool;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.store.StoreBackend;
import dev.baton.task.AnswerType;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of the commands that call a pool that may be live ({@code ask}, {@code record}): which pool, whether to cache. */
final class LivePoolOptions {

    @Option(names = "--pool", defaultValue = LoadedPool.REPLAY, paramLabel = "FILE|replay",
            description = "The workers: a pool file (YAML; see baton pool check), or replay (the recorded answers of "
                    + "--bench, offline). Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--no-cache", description = "Call the workers even for a call made before (the response cache in "
            + "--store is neither read nor written).")
    boolean noCache;

    LoadedPool load(String bench, Optional<AnswerType> answer, Map<String, String> env) {
        return LoadedPool.load(pool, bench, answer, env);
    }

    /** Returns the executor for the pool: resilience and, unless {@code --no-cache}, the store's response cache. */
    Executor executor(LoadedPool loaded, StoreBackend store, Interceptor... added) {
        return loaded.executor(noCache ? Optional.empty() : Optional.of(store), added);
    }
}
