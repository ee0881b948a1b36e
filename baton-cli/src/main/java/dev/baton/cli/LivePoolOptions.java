package dev.baton.cli;

import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.store.ResponseCache;
import dev.baton.store.ResponseCacheFailures;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreBackend;
import dev.baton.task.AnswerType;
import dev.baton.wiring.LoadedPool;
import java.io.PrintWriter;
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

    /**
     * Returns the executor for the pool: resilience and, unless {@code --no-cache}, the store's response cache, which
     * tells {@code failures} when the store fails under it.
     */
    Executor executor(LoadedPool loaded, StoreBackend store, ResponseCacheInterceptor.Listener failures, Interceptor... added) {
        return executor(loaded, store.responses(), failures, added);
    }

    /** As {@link #executor(LoadedPool, StoreBackend, ResponseCacheInterceptor.Listener, Interceptor...)}, over {@code cache}. */
    Executor executor(LoadedPool loaded, ResponseCache cache, ResponseCacheInterceptor.Listener failures, Interceptor... added) {
        return loaded.executor(noCache ? Optional.empty()
                : Optional.of(new ResponseCacheInterceptor(cache, ResponseCacheInterceptor.Mode.READ_WRITE, failures)),
                added);
    }

    /**
     * Returns a listener for the response cache of a command that goes on when the store fails under it ({@code ask},
     * {@code serve}): it counts the failures and warns of the first on {@code err}, once.
     */
    static ResponseCacheFailures warningOnce(PrintWriter err) {
        return new ResponseCacheFailures((operation, failure) -> {
            err.println(operation == ResponseCacheInterceptor.Operation.WRITE
                    ? "warning: the response cache cannot be written (" + failure.getMessage() + "): replies are not kept, "
                            + "so a repeated call is paid again; going on without it"
                    : "warning: the response cache cannot be read (" + failure.getMessage() + "): calls are made, and paid, "
                            + "as if nothing were cached; going on without it");
            err.flush();
        });
    }

    /** Returns whether the response cache is used: a live pool without {@code --no-cache}. */
    boolean caching(LoadedPool loaded) {
        return loaded.live() && !noCache;
    }
}
