package dev.baton.bench.serve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenAI-compatible chat completions server on loopback that answers every request after a delay, over keep-alive
 * HTTP/1.1 connections, one virtual thread per connection: the upstream of the gateway benchmarks. The delay is the
 * stub's own, or what a path starting {@code /d/<ms>/} asks for, so that one stub (and one gateway in front of it,
 * one worker per delay) serves every upstream speed of a sitting. It speaks just enough HTTP for the JDK's client and
 * the gateways (a {@code Content-Length} body, no chunking), so that what the benchmark measures is the gateway.
 */
final class StubUpstream implements AutoCloseable {

    private static final byte[] REPLY = """
            {"id":"chatcmpl-stub","object":"chat.completion","created":0,"model":"stub","choices":[{"index":0,\
            "message":{"role":"assistant","content":"The answer is 42."},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":20,"completion_tokens":6,"total_tokens":26}}""".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket socket;
    private final Duration delay;
    private final Thread acceptor;

    StubUpstream(Duration delay) throws IOException {
        this.socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        this.delay = delay;
        this.acceptor = Thread.ofVirtual().name("stub-upstream-accept").start(this::accept);
    }

    /** Returns the loopback port it listens on. */
    int port() {
        return socket.getLocalPort();
    }

    /** Returns the base URL a pool file's {@code base_url} names. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Returns the base URL of this stub answering after {@code delay}, whatever its own delay. */
    String baseUrl(Duration delay) {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/d/" + delay.toMillis() + "/v1";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                Head head = readHead(in);
                if (head == null) {
                    return;
                }
                in.readNBytes(head.length());
                Duration wait = head.delay().orElse(delay);
                if (!wait.isZero()) {
                    Thread.sleep(wait);
                }
                byte[] status = String.format(Locale.ROOT, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: %d\r\n\r\n", REPLY.length).getBytes(StandardCharsets.US_ASCII);
                byte[] whole = new byte[status.length + REPLY.length];
                System.arraycopy(status, 0, whole, 0, status.length);
                System.arraycopy(REPLY, 0, whole, status.length, REPLY.length);
                out.write(whole);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the stub is closing
        }
    }

    /** What the stub reads of a request's head: its body's length, and the delay its path asks for. */
    private record Head(int length, Optional<Duration> delay) {
    }

    /** Reads a request's head; returns null at the end of the connection. */
    private static Head readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        String requestLine = null;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                String text = line.toString().strip();
                line.setLength(0);
                if (text.isEmpty()) {
                    if (requestLine == null) {
                        continue;
                    }
                    return new Head(length, delayAsked(requestLine));
                }
                if (requestLine == null) {
                    requestLine = text;
                    continue;
                }
                int colon = text.indexOf(':');
                if (colon > 0 && text.substring(0, colon).equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(text.substring(colon + 1).strip());
                }
            } else {
                line.append((char) c);
            }
        }
    }

    /** Reads the delay of a request line such as {@code POST /d/50/v1/chat/completions HTTP/1.1}. */
    private static Optional<Duration> delayAsked(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length < 2 || !parts[1].startsWith("/d/")) {
            return Optional.empty();
        }
        int end = parts[1].indexOf('/', 3);
        return Optional.of(Duration.ofMillis(Long.parseLong(parts[1].substring(3, end < 0 ? parts[1].length() : end))));
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
