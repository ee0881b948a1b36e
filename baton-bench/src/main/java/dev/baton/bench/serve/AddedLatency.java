package dev.baton.bench.serve;

import dev.baton.client.ConductorResolver;
import dev.baton.client.LoadedPool;
import dev.baton.server.BatonServer;
import dev.baton.server.ServedModels;
import dev.baton.server.ServerSettings;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.Store;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The latency {@code baton serve} adds in front of an upstream that takes its time: for each upstream delay, one
 * request at a time straight to a {@link StubUpstream} and then the same through a Baton gateway whose pool file points
 * to it (the worker asked by its id, as a gateway's client would), in one sitting; it prints both medians and their
 * difference. A gateway's cost should not depend on how slow the model is.
 *
 * <p>Run it (after {@code mvn -B -q -DskipTests -pl baton-bench -am package}):
 *
 * <pre>
 * java -cp "baton-bench/target/classes:baton-bench/target/lib/*" dev.baton.bench.serve.AddedLatency [REQUESTS [DELAY_MS ...]]
 * </pre>
 *
 * Defaults: 1,000 requests each way, upstream delays 0, 5 and 50 ms, after 3,000 each way through an instant upstream
 * so that what is measured is compiled code. The server keeps its traces in a SQLite file of a
 * fresh temporary folder, as {@code baton serve} does.
 */
public final class AddedLatency {

    private AddedLatency() {
    }

    /** Requests each way through an instant upstream before anything is measured, so the JIT has compiled the path. */
    private static final int JIT_WARMUP = 3_000;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        List<Integer> delays = args.length > 1 ? Arrays.stream(args, 1, args.length).map(Integer::valueOf).toList()
                : List.of(0, 5, 50);
        PrintStream out = System.out;
        Path folder = Files.createTempDirectory("baton-added-latency");
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            // Measured cold, the gateway's dozen hand-offs run interpreted and add milliseconds that a server soon loses.
            measure(http, folder, -1, JIT_WARMUP);
            out.printf(Locale.ROOT, "added latency, one request at a time, %d requests each way after %d to warm up, "
                    + "medians in ms%n", requests, JIT_WARMUP);
            out.printf(Locale.ROOT, "%-10s %10s %12s %12s %12s %12s%n", "upstream", "direct", "gateway", "added",
                    "with cache", "added");
            for (int delay : delays) {
                double[] medians = measure(http, folder, delay, requests);
                out.printf(Locale.ROOT, "%-10s %10.2f %12.2f %+12.2f %12.2f %+12.2f%n", delay + " ms", medians[0], medians[1],
                        medians[1] - medians[0], medians[2], medians[2] - medians[0]);
            }
        }
    }

    /**
     * Starts a stub answering after {@code delay} ms (an instant one for a negative delay, the warm-up) and two gateways
     * in front of it, one with the response cache; returns the medians direct, through the gateway, through the cached one.
     */
    private static double[] measure(HttpClient http, Path folder, int delay, int requests) throws Exception {
        String name = delay < 0 ? "warm-up" : "delay-" + delay;
        try (StubUpstream upstream = new StubUpstream(Duration.ofMillis(Math.max(0, delay)));
             Store store = Store.open(folder.resolve(name + ".db"))) {
            Path poolFile = folder.resolve(name + ".yaml");
            Files.writeString(poolFile, """
                    workers:
                      - id: stub
                        provider: openai
                        model: stub
                        base_url: %s
                        price: {input: 0.10, output: 0.10}
                    """.formatted(upstream.baseUrl()), StandardCharsets.UTF_8);
            LoadedPool pool = LoadedPool.load(poolFile.toString(), "gsm8k", Optional.empty(), Map.of());
            try (ConductorResolver resolver = new ConductorResolver(pool, () -> {
                throw new IllegalStateException("no learned conductor here");
            })) {
                ServedModels bare = ServedModels.of(pool, pool.executor(Optional.empty()), resolver, List.of("best-solo"));
                // As baton serve runs: every call looks in the store's response cache first and keeps its reply.
                ServedModels withCache = ServedModels.of(pool, pool.executor(Optional.of(
                        new ResponseCacheInterceptor(store.responses()))), resolver, List.of("best-solo"));
                try (BatonServer plain = BatonServer.start(ServerSettings.loopback(0), bare, store.traces());
                     BatonServer serve = BatonServer.start(ServerSettings.loopback(0), withCache, store.traces())) {
                    URI direct = URI.create(upstream.baseUrl() + "/chat/completions");
                    URI gateway = URI.create(plain.baseUrl() + "/chat/completions");
                    URI cachedGateway = URI.create(serve.baseUrl() + "/chat/completions");
                    int warmup = Math.max(20, requests / 10);
                    median(http, direct, warmup, name + " warm-up");
                    median(http, gateway, warmup, name + " warm-up");
                    median(http, cachedGateway, warmup, name + " warm-up");
                    return new double[] {median(http, direct, requests, name + " direct"),
                            median(http, gateway, requests, name + " gateway"),
                            median(http, cachedGateway, requests, name + " cached")};
                }
            }
        }
    }

    /**
     * Sends {@code count} requests one after another, each a question of its own (so that a response cache never
     * answers one); returns the median latency in milliseconds.
     */
    private static double median(HttpClient http, URI endpoint, int count, String run) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            byte[] body = ("{\"model\":\"stub\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"What is six times seven? (" + run + " " + i + ")\"}]}").getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            int status = ServeLoad.send(http, endpoint, body);
            nanos[i] = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException(endpoint + " answered " + status);
            }
        }
        Arrays.sort(nanos);
        return nanos[count / 2] / 1e6;
    }
}
