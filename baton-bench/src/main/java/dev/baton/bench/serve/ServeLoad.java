package dev.baton.bench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.learn.encode.CachedEncoder;
import dev.baton.learn.encode.MiniLmEncoder;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.server.BatonServer;
import dev.baton.server.ServedModels;
import dev.baton.server.ServerSettings;
import dev.baton.store.Store;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The load benchmark of {@code baton serve}: one or more server replicas over the replay pool of GSM8K, driven on
 * loopback by a closed loop of clients (the JDK's {@code HttpClient}, one virtual thread per client), each sending
 * chat completions one after another, the conductors and test questions taken in turn. It reports requests per second,
 * latency percentiles, errors, and the heap in use sampled every second (is it flat?).
 *
 * <p>Run it (after {@code mvn -B -q -DskipTests -pl baton-bench -am package}):
 *
 * <pre>
 * java -cp "baton-bench/target/classes:baton-bench/target/lib/*" dev.baton.bench.serve.ServeLoad \
 *     --seconds 60 --replicas 1 --clients 16 --conductor best-solo --conductor learned:runs/gsm8k/checkpoint.json
 * </pre>
 *
 * <p>Each replica is a server of its own with a store of its own ({@code --store sqlite}: a SQLite file per replica in
 * a fresh temporary folder; {@code memory}: in memory), as two processes would be; the options leave room for a shared
 * store. Clients and servers share this JVM and its cores, so the figures are a floor for a server alone. A
 * {@code learned:} conductor loads the sentence encoder, its question embeddings cached in {@code --encoder-store}.
 */
public final class ServeLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        PrintStream out = System.out;
        LoadedPool pool = LoadedPool.load(LoadedPool.REPLAY, "gsm8k", Optional.empty(), Map.of());
        List<Task> questions = Split.TEST.select("gsm8k", pool.replay().orElseThrow().benchmark().tasks());
        Path folder = Files.createTempDirectory("baton-serve-load");
        List<AutoCloseable> opened = new ArrayList<>();
        List<BatonServer> servers = new ArrayList<>();
        Supplier<QuestionEncoder> encoder = encoder(options, opened);
        try {
            for (int i = 0; i < options.replicas(); i++) {
                Store store = switch (options.store()) {
                    case "memory" -> Store.inMemory();
                    case "sqlite" -> Store.open(folder.resolve("replica-" + i + ".db"));
                    default -> throw new IllegalArgumentException("--store must be sqlite or memory: " + options.store());
                };
                opened.add(store);
                ConductorResolver resolver = new ConductorResolver(pool, encoder);
                opened.add(resolver);
                ServedModels models = ServedModels.of(pool, pool.executor(Optional.empty()), resolver, options.conductors());
                // The limits baton serve starts with: the benchmark measures the server as users run it.
                BatonServer server = BatonServer.start(ServerSettings.loopback(0), models, store.traces());
                servers.add(server);
            }
            List<URI> endpoints = servers.stream().map(s -> URI.create(s.baseUrl() + "/chat/completions")).toList();
            List<byte[]> bodies = new ArrayList<>();
            for (Task task : questions) {
                for (String conductor : options.conductors()) {
                    bodies.add(body(conductor, task.question()));
                }
            }
            // Replicas in turn, and the bodies in turn on each.
            LongFunction<HttpRequest> requests = n -> post(endpoints.get((int) (n % endpoints.size())),
                    bodies.get((int) ((n / endpoints.size()) % bodies.size())), Map.of());
            out.printf(Locale.ROOT, "baton serve load: %d replica(s), %d clients, conductors %s, store %s, %d questions, "
                    + "%d cores, max heap %d MiB%n", options.replicas(), options.clients(), options.conductors(), options.store(),
                    questions.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                 HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build()) {
                LoadRun warmup = new LoadRun(http, requests, options.clients());
                warmup.run(options.warmupSeconds(), null);
                out.printf(Locale.ROOT, "warm-up: %d requests in %d s (%d errors)%n", warmup.result().requests(),
                        options.warmupSeconds(), warmup.result().errors());
                HeapSampler heap = new HeapSampler();
                LoadRun measured = new LoadRun(http, requests, options.clients());
                long cpuBefore = cpuNanos();
                measured.run(options.seconds(), heap);
                long cpu = cpuNanos() - cpuBefore;
                LoadRun.Result result = measured.result();
                out.printf(Locale.ROOT, "requests: %d in %.1f s = %.0f requests/s%n", result.requests(), result.seconds(),
                        result.requests() / result.seconds());
                out.printf(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", result.percentileMs(50),
                        result.percentileMs(90), result.percentileMs(99), result.percentileMs(100));
                out.printf(Locale.ROOT, "CPU (servers and clients together): %.3f ms per request%n",
                        cpu / 1e6 / Math.max(1, result.requests()));
                out.printf(Locale.ROOT, "errors: %d (refused with 429: %d)%s%n", result.errors(), result.refused(),
                        result.firstError().map(e -> " (first: " + e + ")").orElse(""));
                heap.print(out);
            }
        } finally {
            servers.forEach(BatonServer::close);
            for (AutoCloseable resource : opened.reversed()) {
                resource.close();
            }
        }
    }

    private static Supplier<QuestionEncoder> encoder(LoadOptions options, List<AutoCloseable> opened) {
        return new Supplier<>() {
            private QuestionEncoder encoder;

            @Override
            public synchronized QuestionEncoder get() {
                if (encoder == null) {
                    Store store = Store.open(options.encoderStore());
                    MiniLmEncoder model = MiniLmEncoder.load(Math.max(1, Runtime.getRuntime().availableProcessors()));
                    opened.add(store);
                    opened.add(model);
                    encoder = new CachedEncoder(model, store.embeddings());
                }
                return encoder;
            }
        };
    }

    /** Returns the CPU time this process has used: a cost per request that other load on the machine hardly moves. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static byte[] body(String model, String question) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", question);
        return JSON.writeValueAsBytes(root);
    }

    /** Returns a JSON POST of {@code body} to {@code endpoint} with the extra headers given. */
    static HttpRequest post(URI endpoint, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }
}
