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

/**
 * An OpenAI-compatible chat completions server on loopback that answers every request after a fixed delay, over
 * keep-alive HTTP/1.1 connections, one virtual thread per connection: the upstream of the gateway benchmarks. It speaks
 * just enough HTTP for the JDK's client and Baton's gateway (a {@code Content-Length} body, no chunking), so that what
 * the benchmark measures is the gateway, not the stub.
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

    /** Returns the base URL a pool file's {@code base_url} names. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
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
                int length = readHead(in);
                if (length < 0) {
                    return;
                }
                in.readNBytes(length);
                if (!delay.isZero()) {
                    Thread.sleep(delay);
                }
                byte[] head = String.format(Locale.ROOT, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: %d\r\n\r\n", REPLY.length).getBytes(StandardCharsets.US_ASCII);
                byte[] whole = new byte[head.length + REPLY.length];
                System.arraycopy(head, 0, whole, 0, head.length);
                System.arraycopy(REPLY, 0, whole, head.length, REPLY.length);
                out.write(whole);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the stub is closing
        }
    }

    /** Reads a request's head; returns its body's length, or -1 at the end of the connection. */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        boolean first = true;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\n') {
                String text = line.toString().strip();
                line.setLength(0);
                if (text.isEmpty()) {
                    if (first) {
                        continue;
                    }
                    return length;
                }
                first = false;
                int colon = text.indexOf(':');
                if (colon > 0 && text.substring(0, colon).equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(text.substring(colon + 1).strip());
                }
            } else {
                line.append((char) c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
