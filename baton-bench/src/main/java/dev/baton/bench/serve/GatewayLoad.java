package dev.baton.bench.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code baton serve} as a gateway in front of a model, beside a peer gateway, in one sitting: each gateway a process
 * of its own started as its users start it (Baton through its launcher, with the pool file's defaults; Portkey's
 * open-source gateway with Node.js), the upstream a {@link StubUpstream} on loopback, the clients this JVM's. Three
 * scenarios:
 *
 * <ul>
 *   <li>{@code latency}: one request at a time, direct and through each gateway in turn, the upstream answering after
 *       0, 5, 50 and 200 ms: the median each way and the difference, the latency a gateway adds;</li>
 *   <li>{@code fast}: 64 clients against an upstream that answers at once: requests per second, percentiles,
 *       refusals, and the gateway's CPU time per request (its process's alone);</li>
 *   <li>{@code slow}: 1,000 clients against an upstream answering after 2 s, the real case: every request answered?
 *       percentiles, refusals, the gateway's peak resident memory.</li>
 * </ul>
 *
 * <p>Beside Baton and the peer runs {@code relay (floor)}, a {@link TcpRelay}: a process that only copies bytes, the
 * least any gateway can add on this machine (the latency of waking one more process each way). Asked for by name,
 * {@code jetty-floor}, {@code javalin-floor} and {@code langchain4j-floor} run a {@link StackFloor}: the least a
 * gateway on Baton's own libraries adds, without Baton's work.
 *
 * <p>{@code --compare FILE} runs a second Baton launcher (another build) beside the first, as {@code compared}: two
 * builds measured in one sitting, under the same load on the machine, where one after the other they would not be.
 *
 * <p>Each gateway first gets the same warm-up, {@code --warmup} seconds (60 by default) of the fast scenario's load: a JVM
 * keeps compiling its hot path for about a minute, and a figure taken before that measures the compiler, not the gateway.
 *
 * <p>Run it (after {@code mvn -B -q -DskipTests -pl baton-cli,baton-bench -am package}; Portkey installed with
 * {@code npm install @portkey-ai/gateway@1.15.2} in a folder of its own, left out when {@code --portkey} is not given):
 *
 * <pre>
 * java -cp "baton-bench/target/classes:baton-bench/target/lib/*" dev.baton.bench.serve.GatewayLoad \
 *     --portkey /path/to/portkey-folder [--scenario latency|fast|slow|all] [--seconds 20] [--repeats PERCENT] \
 *     [--gateways plain,cache,portkey,relay,jetty-floor,javalin-floor,langchain4j-floor] [--compare /other/checkout/baton]
 * </pre>
 */
public final class GatewayLoad {

    private static final List<Duration> LATENCY_DELAYS = List.of(Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofMillis(200));
    private static final Duration SLOW = Duration.ofSeconds(2);
    /** Requests one at a time, each way, before the latency scenario measures: connections open, caches warm. */
    private static final int SEQUENTIAL_WARMUP = 3_000;
    /** How many turns each target's requests at one delay are sent in, the targets taking turns. */
    private static final int TURNS = 10;

    private GatewayLoad() {
    }

    /** The benchmark's options; see the class comment. */
    private record Options(Path launcher, Optional<Path> compare, Optional<Path> portkey, String scenario, int seconds,
                           int warmupSeconds, int fastClients, int slowClients, int rounds, List<String> gateways,
                           int repeatPercent) {

        static Options parse(String[] args) {
            Path launcher = Path.of("baton");
            Optional<Path> compare = Optional.empty();
            Optional<Path> portkey = Optional.empty();
            String scenario = "all";
            int seconds = 20;
            // A JVM compiles its hot path for about a minute under load (C2 threads used a third of the server's CPU in
            // the first 25 s, 1.5% after 60 s): measure steady state, and give the peer the same warm-up.
            int warmup = 60;
            int fast = 64;
            int slow = 1_000;
            int rounds = 1;
            int repeats = 0;
            List<String> gateways = List.of("plain", "cache", "portkey", "relay");
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--baton" -> launcher = Path.of(value);
                    case "--compare" -> compare = Optional.of(Path.of(value));
                    case "--portkey" -> portkey = Optional.of(Path.of(value));
                    case "--scenario" -> scenario = value;
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--fast-clients" -> fast = Integer.parseInt(value);
                    case "--slow-clients" -> slow = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--repeats" -> repeats = Integer.parseInt(value);
                    case "--gateways" -> gateways = List.of(value.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --baton FILE "
                            + "--compare FILE --portkey DIR --scenario latency|fast|slow|all --seconds N --warmup N --fast-clients N "
                            + "--slow-clients N --rounds N --gateways plain,cache,portkey,relay,jetty-floor,javalin-floor,"
                            + "langchain4j-floor --repeats PERCENT");
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
            }
            if (repeats < 0 || repeats > 100) {
                throw new IllegalArgumentException("--repeats is a percentage, 0 to 100, got " + repeats);
            }
            return new Options(launcher.toAbsolutePath(), compare.map(Path::toAbsolutePath), portkey, scenario, seconds, warmup,
                    fast, slow, rounds, gateways, repeats);
        }

        boolean runs(String name) {
            return scenario.equals("all") || scenario.equals(name);
        }
    }

    /** Starts one gateway of the sitting. */
    @FunctionalInterface
    private interface GatewayStart {
        GatewayProcess start() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        Path folder = Files.createTempDirectory("baton-gateway-load");
        try {
            run(options, out, folder);
        } finally {
            deleteAll(folder); // each gateway's store and log: gigabytes after a long sitting
        }
    }

    private static void run(Options options, PrintStream out, Path folder) throws Exception {
        try (StubUpstream upstream = new StubUpstream(Duration.ZERO);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            Path poolFile = writePool(folder, upstream);
            List<GatewayStart> gateways = new ArrayList<>();
            for (boolean cache : new boolean[] {false, true}) {
                if (options.gateways().contains(cache ? "cache" : "plain")) {
                    gateways.add(() -> GatewayProcess.baton("baton", options.launcher(), poolFile, folder, cache, http));
                    options.compare().ifPresent(other -> gateways.add(
                            () -> GatewayProcess.baton("compared", other, poolFile, folder, cache, http)));
                }
            }
            if (options.gateways().contains("relay")) {
                gateways.add(() -> GatewayProcess.relay(upstream, folder, http));
            }
            for (String stack : List.of("jetty", "javalin", "langchain4j")) {
                if (options.gateways().contains(stack + "-floor")) {
                    gateways.add(() -> GatewayProcess.stackFloor(stack, upstream, folder, http));
                }
            }
            if (options.gateways().contains("portkey")) {
                options.portkey().ifPresent(dir -> gateways.add(() -> GatewayProcess.portkey(dir, upstream, folder, http)));
            }
            out.printf(Locale.ROOT, "gateway load: %d cores, load average %s, gateways: %s%s%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage(), options.gateways(),
                    options.portkey().isPresent() ? "" : " (no --portkey: the peer is left out)");
            if (options.runs("latency")) {
                latency(out, http, new DirectTarget(upstream), gateways, options);
            }
            if (options.runs("fast")) {
                load(out, http, gateways, options.fastClients(), Duration.ZERO, options);
            }
            if (options.runs("slow")) {
                load(out, http, gateways, options.slowClients(), SLOW, options);
            }
        }
    }

    /**
     * One request at a time: the median direct and through each gateway, at each upstream delay. Every gateway runs
     * at once and they take turns ({@link #medians}), so that each median is taken over the same minutes: measured one
     * whole block after another, two runs of one build differed by ±0.2 ms as the shared machine grew busier or
     * quieter, as much as the changes being measured.
     */
    private static void latency(PrintStream out, HttpClient http, Target direct, List<GatewayStart> gateways, Options options)
            throws Exception {
        out.printf(Locale.ROOT, "%nadded latency: one request at a time, medians in ms, direct and every gateway taking %d turns, "
                + "after %d s of %d clients and %d requests each way to warm up%n", TURNS, options.warmupSeconds(),
                options.fastClients(), SEQUENTIAL_WARMUP);
        List<GatewayProcess> started = new ArrayList<>();
        try {
            for (GatewayStart start : gateways) {
                GatewayProcess gateway = start.start();
                started.add(gateway);
                warmUp(http, gateway, options);
            }
            List<Target> targets = new ArrayList<>();
            targets.add(direct);
            targets.addAll(started);
            medians(http, targets, Duration.ZERO, SEQUENTIAL_WARMUP, "warm-up");
            out.printf(Locale.ROOT, "%-20s %10s %10s %10s %10s%n", "gateway", "upstream", "direct", "gateway", "added");
            for (Duration delay : LATENCY_DELAYS) {
                double[] medians = medians(http, targets, delay, requestsAt(delay), "at " + delay.toMillis());
                for (int i = 1; i < targets.size(); i++) {
                    out.printf(Locale.ROOT, "%-20s %10s %10.2f %10.2f %+10.2f%n", targets.get(i).name(),
                            delay.toMillis() + " ms", medians[0], medians[i], medians[i] - medians[0]);
                }
            }
        } finally {
            for (GatewayProcess gateway : started.reversed()) {
                gateway.close();
            }
        }
    }

    /** About ten seconds of requests at each delay, at least a hundred. */
    private static int requestsAt(Duration delay) {
        return (int) Math.max(100, Math.min(2_000, 10_000 / Math.max(1, delay.toMillis())));
    }

    /** Closed-loop clients against each gateway in turn: throughput, percentiles, refusals, CPU and peak memory. */
    private static void load(PrintStream out, HttpClient http, List<GatewayStart> gateways, int clients, Duration delay,
                             Options options) throws Exception {
        out.printf(Locale.ROOT, "%n%d clients, upstream answering after %d ms, %d s measured after %d s of warm-up (%d clients, "
                + "instant upstream) and %d s of these clients, the gateways' defaults, %d%% of questions asked before%n", clients,
                delay.toMillis(), options.seconds(), options.warmupSeconds(), options.fastClients(), Math.max(5, 3 * delay.toSeconds()),
                options.repeatPercent());
        out.printf(Locale.ROOT, "%-20s %9s %10s %9s %9s %9s %8s %8s %12s %10s %8s%n", "gateway", "answered", "requests/s", "p50 ms",
                "p99 ms", "max ms", "errors", "429s", "CPU ms/req", "peak RSS", "load avg");
        // In rounds (A B C, A B C ...), so that a machine growing busier in the middle of the sitting shows as a
        // difference between rounds, not between gateways.
        for (int round = 0; round < options.rounds(); round++) {
            for (GatewayStart start : gateways) {
                load(out, http, start, clients, delay, options);
            }
        }
    }

    /** Warms one gateway up, then measures it; prints its row, the load average beside it. */
    private static void load(PrintStream out, HttpClient http, GatewayStart start, int clients, Duration delay, Options options)
            throws Exception {
        try (GatewayProcess gateway = start.start()) {
            String run = gateway.name() + " " + clients + "x" + delay.toMillis();
            warmUp(http, gateway, options);
            // Then the scenario's own clients and delay, so that its connections are open before it is measured.
            new LoadRun(http, n -> gateway.request(delay, run + " warm-up " + n), clients)
                    .run((int) Math.max(5, 3 * delay.toSeconds()), null);
            Duration cpuBefore = gateway.cpu();
            LoadRun measured = new LoadRun(http, n -> gateway.request(delay, question(run, n, options.repeatPercent())), clients);
            measured.run(options.seconds(), null);
            Duration cpu = gateway.cpu().minus(cpuBefore);
            LoadRun.Result result = measured.result();
            out.printf(Locale.ROOT, "%-20s %9d %10.0f %9.2f %9.2f %9.2f %8d %8d %12.3f %7d MiB %8s%n", gateway.name(),
                    result.latenciesNanos().length, result.requests() / result.seconds(), result.percentileMs(50),
                    result.percentileMs(99), result.percentileMs(100), result.errors(), result.refused(),
                    cpu.toNanos() / 1e6 / Math.max(1, result.requests()), gateway.peakRssMib(), loadAverage());
            result.firstError().ifPresent(e -> out.println("  first error: " + e));
        }
    }

    /**
     * The {@code n}th question of a run: new each time, except that {@code repeatPercent} of every hundred ask again one
     * of the run's first hundred questions (a cache's hits; 0 by default, so that no cache answers one).
     */
    private static String question(String run, long n, int repeatPercent) {
        return n % 100 < repeatPercent ? run + " again " + (n / 100 % 100) : run + " " + n;
    }

    /**
     * The same warm-up for every gateway before anything is measured: {@code --warmup} seconds of the fast scenario's
     * clients against the instant upstream, so that each runtime has compiled its hot path.
     */
    private static void warmUp(HttpClient http, GatewayProcess gateway, Options options) throws InterruptedException {
        new LoadRun(http, n -> gateway.request(Duration.ZERO, gateway.name() + " jit warm-up " + n), options.fastClients())
                .run(options.warmupSeconds(), null);
    }

    /**
     * Sends {@code count} requests to each target, one request at a time, in turns of a tenth of them a target (direct,
     * then each gateway, the first target turning by one each round); returns each target's median latency in
     * milliseconds. A turn keeps a target's requests back to back, as one client's are; the turns spread each target
     * over the same minutes.
     */
    private static double[] medians(HttpClient http, List<Target> targets, Duration delay, int count, String run) throws Exception {
        int turn = Math.max(1, count / TURNS);
        long[][] nanos = new long[targets.size()][count];
        for (int from = 0, round = 0; from < count; from += turn, round++) {
            for (int k = 0; k < targets.size(); k++) {
                int t = (round + k) % targets.size();
                Target target = targets.get(t);
                for (int i = from; i < Math.min(count, from + turn); i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(target.request(delay, target.name() + " " + run + " " + i),
                            HttpResponse.BodyHandlers.ofString());
                    nanos[t][i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(target.name() + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                }
            }
        }
        double[] medians = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            Arrays.sort(nanos[t]);
            medians[t] = nanos[t][count / 2] / 1e6;
        }
        return medians;
    }

    /** Writes the pool file Baton serves: one worker per upstream delay, every setting left at its default. */
    private static Path writePool(Path folder, StubUpstream upstream) throws IOException {
        StringBuilder pool = new StringBuilder("workers:\n");
        List<Duration> delays = new ArrayList<>(LATENCY_DELAYS);
        delays.add(SLOW);
        for (Duration delay : delays) {
            pool.append("""
                      - id: stub-%d
                        provider: openai
                        model: stub
                        base_url: %s
                        price: {input: 0.10, output: 0.10}
                    """.formatted(delay.toMillis(), upstream.baseUrl(delay)));
        }
        Path file = folder.resolve("pool.yaml");
        Files.writeString(file, pool, StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
