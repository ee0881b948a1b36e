package dev.baton.cli;

import dev.baton.execute.Executor;
import dev.baton.input.InvalidSettingException;
import dev.baton.server.BatonServer;
import dev.baton.server.GatewayPoolFile;
import dev.baton.server.ServedModel;
import dev.baton.server.ServedModels;
import dev.baton.server.ServerLimits;
import dev.baton.server.ServerSettings;
import dev.baton.store.QueuedResponseCache;
import dev.baton.store.ResponseCacheFailures;
import dev.baton.store.StoreBackend;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton serve}: the conductor as an OpenAI-compatible model over HTTP, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "dev.baton.cli.ServeHelp",
        description = {
            "Serve conductors as OpenAI-compatible models: POST /v1/chat/completions with \"model\" naming a --conductor "
                + "spec (or a pool worker, answering alone), from any OpenAI client. Runs until Ctrl-C.",
            "",
            "The last user message is the question, earlier turns are context. Responses carry usage with cost (USD), "
                + "headers x-baton-trace-id, x-baton-calls, x-baton-response-cost, and a \"baton\" object with the "
                + "workflows. Also: POST /v1/rewards (the reward of a workflow a conductor model wrote, for RL trainers; see "
                + "baton rollouts export), GET /v1/models, /v1/traces/{id}, /health, /metrics (Prometheus).",
            "",
            "A request may lower its budget with headers x-baton-max-calls, x-baton-max-usd, x-baton-timeout-ms.",
            "",
            "Replicas behind a load balancer share traces and cached replies with --store jdbc:postgresql://HOST:PORT/DB?user=U "
                + "(password from --store-password-env NAME, else PGPASSWORD).",
            "",
            "Example:",
            "  baton serve --pool replay --bench gsm8k \\",
            "      --conductor best-solo --conductor vote:top3",
            ""})
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LivePoolOptions poolOptions;

    @Option(names = "--bench", defaultValue = "gsm8k", paramLabel = "NAME|PATH",
            description = "The recorded benchmark a replay pool answers from (questions must be among its questions). "
                    + "Default: ${DEFAULT-VALUE}.")
    String bench;

    @Option(names = "--conductor", paramLabel = "SPEC",
            description = "A conductor to serve, its spec being the model name; repeat to serve several (as for ask). "
                    + "Default: best-solo.")
    List<String> conductors = new ArrayList<>();

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on; another than loopback needs --api-key-env. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "The NAME of an environment variable holding a key clients must send as 'Authorization: Bearer "
                    + "KEY'; repeat for several keys. None: no key is asked for (loopback only).")
    List<String> apiKeyEnv = new ArrayList<>();

    /** The server's limits per request (defaults: {@link ServerLimits#defaults()}); a request's headers may only lower them. */
    @Mixin
    BudgetOptions budget;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Most requests answered at once; beyond, 429 with Retry-After (real overload: a waiting request "
                    + "holds only a virtual thread).${bundle:default.max-concurrent:-}")
    Integer maxConcurrent;

    @Option(names = "--write-pool", paramLabel = "FILE",
            description = "Once listening, write a pool file of this server's gateway workers (one openai worker per pool "
                    + "worker, at this server's URL, priced as its pool prices them): baton eval --pool FILE then calls "
                    + "every worker through this server.")
    Path writePool;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() {
        BatonCommand root = BatonCommand.of(spec);
        ServerSettings settings = new ServerSettings(host, checkedPort(), apiKeys(root.env), limits());
        settings.checkOpenOnlyOnLoopback();
        List<String> specs = conductors.isEmpty() ? List.of("best-solo") : conductors;
        LoadedPool loaded = poolOptions.load(bench, Optional.empty(), root.env);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                // Lets the server close before the JVM halts: requests in flight end, the store is closed cleanly.
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "baton-serve-shutdown");
        try (StoreBackend store = encoderOptions.openStore(); EncoderOptions.Lazy encoder = encoderOptions.lazy(store);
             ConductorResolver resolver = new ConductorResolver(loaded, encoder)) {
            // A damaged store would otherwise be found at the first request that reads it, as 500s: refuse it now.
            store.checkIntegrity();
            ResponseCacheFailures cacheFailures = LivePoolOptions.warningOnce(spec.commandLine().getErr());
            // Replies are cached off the request path; closed (its queue written) after the server, before the store.
            try (QueuedResponseCache cache = new QueuedResponseCache(store.responses(), cacheFailures)) {
                Executor executor = poolOptions.executor(loaded, cache, cacheFailures);
                ServedModels models = ServedModels.of(loaded, executor, resolver, specs);
                serve(settings, models, store, cacheFailures::count, resolver, loaded, out, stop, hook);
            }
            out.println("stopped");
            out.flush();
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private void serve(ServerSettings settings, ServedModels models, StoreBackend store, LongSupplier cacheFailures,
                       ConductorResolver resolver, LoadedPool loaded, PrintWriter out, CountDownLatch stop, Thread hook) {
        try (BatonServer server = BatonServer.start(settings, models, store.traces(), cacheFailures)) {
            out.println("Baton serves on " + server.baseUrl() + " (OpenAI-compatible; Ctrl-C stops)");
            out.println("models: " + String.join(", ", models.all().stream().map(ServedModel::name).toList()));
            out.println("traces: " + store.location());
            out.println("trace viewer: " + server.viewerUrl() + (apiKeyEnv.isEmpty() ? "" : " (open it once as "
                    + server.viewerUrl() + "?key=KEY; the key is then kept in a cookie)"));
            resolver.notes().forEach(note -> out.println("note: " + note));
            if (writePool != null) {
                writeGatewayPool(loaded, server);
                out.println("pool file of the gateway workers: " + writePool);
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } catch (InterruptedException e) {
                // An embedder (or a test) running this command on a thread stops it by interrupting it.
            } finally {
                removeHook(hook);
            }
        }
    }

    private void writeGatewayPool(LoadedPool loaded, BatonServer server) {
        try {
            Path parent = writePool.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(writePool, GatewayPoolFile.yaml(loaded, server.baseUrl(), apiKeyEnv.stream().findFirst()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + writePool + ": " + e.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running; it waits for this thread to close the server.
        }
    }

    private int checkedPort() {
        if (port < 0 || port > 65_535) {
            throw new InvalidSettingException("--port must be between 0 and 65535, got " + port);
        }
        return port;
    }

    private List<String> apiKeys(Map<String, String> env) {
        List<String> keys = new ArrayList<>();
        for (String name : apiKeyEnv) {
            String key = env.get(name);
            if (key == null || key.isBlank()) {
                throw new InvalidSettingException("--api-key-env " + name + ": the environment variable " + name
                        + " is not set or empty");
            }
            keys.add(key.strip());
        }
        return keys;
    }

    private ServerLimits limits() {
        ServerLimits limits = ServerLimits.defaults();
        limits = limits.withBudget(budget.over(limits.budget()));
        if (maxConcurrent != null) {
            if (maxConcurrent < 1) {
                throw new InvalidSettingException("--max-concurrent must be at least 1, got " + maxConcurrent);
            }
            limits = limits.withMaxConcurrent(maxConcurrent);
        }
        return limits;
    }
}
