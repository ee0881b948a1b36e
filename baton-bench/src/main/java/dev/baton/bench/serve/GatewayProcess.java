package dev.baton.bench.serve;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A gateway under measurement, started as a process of its own (the way its users run it), so that the CPU time and
 * memory read from {@code /proc} are its alone, not the load generator's or the upstream's. Stopped by its PID: a
 * SIGTERM, which lets {@code baton serve} write what it has queued, then a kill if it does not go within 30 s.
 */
final class GatewayProcess implements Target, AutoCloseable {

    /** The kernel's clock ticks per second, in which {@code /proc/PID/stat} counts CPU time (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final BiFunction<Duration, String, HttpRequest> requests;

    private GatewayProcess(String name, Process process, BiFunction<Duration, String, HttpRequest> requests) {
        this.name = name;
        this.process = process;
        this.requests = requests;
    }

    /**
     * Starts {@code baton serve} through the launcher over {@code poolFile}, whose workers are named {@code stub-<ms>}
     * after the upstream delay their base URL asks for; a request asks the worker of its delay by its id, as a
     * gateway's client does. The gateway is named {@code <name> (cache)} or {@code <name> (no cache)}.
     */
    static GatewayProcess baton(String name, Path launcher, Path poolFile, Path folder, boolean cache, HttpClient http)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--pool", poolFile.toString(),
                "--port", Integer.toString(port), "--store", folder.resolve("baton-" + port + ".db").toString()));
        if (!cache) {
            command.add("--no-cache");
        }
        String named = name + (cache ? " (cache)" : " (no cache)");
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        Process process = start(command, folder.resolve("baton-" + port + ".log"));
        GatewayProcess gateway = new GatewayProcess(named, process, (delay, label) ->
                ServeLoad.post(endpoint, Target.body("stub-" + delay.toMillis(), label), Map.of()));
        gateway.awaitListening(http, URI.create("http://127.0.0.1:" + port + "/health"));
        return gateway;
    }

    /**
     * Starts Portkey's open-source gateway (npm {@code @portkey-ai/gateway}, installed under {@code installDir}) with
     * Node.js; a request names the upstream by Portkey's {@code x-portkey-custom-host} header, as its users point it
     * at an OpenAI-compatible server of their own.
     */
    static GatewayProcess portkey(Path installDir, StubUpstream upstream, Path folder, HttpClient http) throws Exception {
        Path script = installDir.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no Portkey gateway under " + installDir + " (npm install @portkey-ai/gateway@1.15.2 there)");
        }
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        Process process = start(List.of("node", script.toString(), "--port=" + port, "--headless"),
                folder.resolve("portkey-" + port + ".log"));
        GatewayProcess gateway = new GatewayProcess("portkey", process, (delay, label) -> ServeLoad.post(endpoint,
                Target.body("stub", label), Map.of("x-portkey-provider", "openai", "x-portkey-custom-host",
                        upstream.baseUrl(delay), "Authorization", "Bearer sk-stub")));
        gateway.awaitListening(http, URI.create("http://127.0.0.1:" + port + "/"));
        return gateway;
    }

    /**
     * Starts a {@link TcpRelay} in front of {@code upstream}, a JVM of its own on this JVM's class path: the floor of
     * what any gateway adds, one more process that wakes to copy each request and each reply.
     */
    static GatewayProcess relay(StubUpstream upstream, Path folder, HttpClient http) throws Exception {
        return onThisClassPath("relay (floor)", List.of(TcpRelay.class.getName()), upstream, folder, http);
    }

    /**
     * Starts a {@link StackFloor} of {@code stack} ({@code javalin} or {@code langchain4j}) in front of {@code upstream},
     * with the heap the launcher gives {@code baton serve}: the floor of what a gateway on Baton's libraries adds.
     */
    static GatewayProcess stackFloor(String stack, StubUpstream upstream, Path folder, HttpClient http) throws Exception {
        return onThisClassPath(stack + " (floor)", List.of("-Xmx320m", StackFloor.class.getName(), stack), upstream, folder,
                http);
    }

    /** Starts {@code main} (JVM options, then a class whose main takes the ports to listen on and of the upstream). */
    private static GatewayProcess onThisClassPath(String name, List<String> main, StubUpstream upstream, Path folder,
                                                  HttpClient http) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path")));
        command.addAll(main);
        command.addAll(List.of(Integer.toString(port), Integer.toString(upstream.port())));
        Process process = start(command, folder.resolve("jvm-" + port + ".log"));
        GatewayProcess gateway = new GatewayProcess(name, process, (delay, label) -> ServeLoad.post(
                URI.create("http://127.0.0.1:" + port + "/d/" + delay.toMillis() + "/v1/chat/completions"),
                Target.body("stub", label), Map.of()));
        gateway.awaitListening(http, URI.create("http://127.0.0.1:" + port + "/"));
        return gateway;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HttpRequest request(Duration delay, String label) {
        return requests.apply(delay, label);
    }

    /** Returns the CPU time the process has used, user and system, all its threads. */
    Duration cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // The command name, in parentheses, may hold spaces: the fields are counted after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** Returns the most memory the process has held resident so far (its high-water mark), in MiB. */
    long peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmHWM for process " + process.pid());
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitListening(HttpClient http, URI probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening");
            }
            try {
                http.send(HttpRequest.newBuilder(probe).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
