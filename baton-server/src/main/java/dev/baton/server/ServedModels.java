package dev.baton.server;

import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.ConductorSpecException;
import dev.baton.execute.Executor;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The models a server answers as: one per configured conductor spec (the model name is the spec), then every worker
 * of the pool under its own id (Baton as a gateway: the worker answers alone, with the executor's cache, retries and
 * trace). Also holds the pool and the executor every request runs on.
 *
 * <pre>{@code
 * ServedModels models = ServedModels.of(loaded, executor, resolver, List.of("best-solo", "vote:top3"));
 * }</pre>
 */
public final class ServedModels {

    /** The {@code owned_by} of a pool worker served alone. */
    static final String WORKER = "pool";

    private final LoadedPool loaded;
    private final Executor executor;
    private final Map<String, ServedModel> byName;

    private ServedModels(LoadedPool loaded, Executor executor, Map<String, ServedModel> byName) {
        this.loaded = loaded;
        this.executor = executor;
        this.byName = byName;
    }

    /**
     * Resolves every conductor spec once; each request then runs the same conductor under its own budget.
     *
     * @throws ConductorSpecException for an unknown or malformed spec, one naming several conductors, or a spec
     *                                given twice
     */
    public static ServedModels of(LoadedPool loaded, Executor executor, ConductorResolver resolver, List<String> specs) {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(resolver, "resolver");
        if (specs.isEmpty()) {
            throw new ConductorSpecException("serve at least one conductor");
        }
        Map<String, ServedModel> byName = new LinkedHashMap<>();
        for (String given : specs) {
            String spec = given.strip();
            ServedModel model = new ServedModel(spec, "baton", resolver.resolve(spec));
            if (byName.putIfAbsent(spec, model) != null) {
                throw new ConductorSpecException("conductor '" + spec + "' is given twice");
            }
        }
        for (String worker : loaded.pool().ids()) {
            byName.putIfAbsent(worker, new ServedModel(worker, WORKER, new SoloConductor(worker)));
        }
        return new ServedModels(loaded, executor, Collections.unmodifiableMap(byName));
    }

    /** Returns the model a client named, if it is served. */
    public Optional<ServedModel> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Returns every served model: the conductors first, in the order given, then the workers in pool order. */
    public Collection<ServedModel> all() {
        return byName.values();
    }

    /** Returns the pool every request runs on. */
    public LoadedPool pool() {
        return loaded;
    }

    /** Returns the executor every request's calls go through. */
    public Executor executor() {
        return executor;
    }
}
