package dev.baton.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A hostile HTTP client on a raw socket: it sends a request's headers at once, then its body one byte at a time with
 * a pause between bytes, as a slowloris attack does. Its response is read on the caller's thread while a virtual
 * thread keeps trickling; the trickle stops as soon as the server has answered or closed.
 */
final class TricklingClient implements AutoCloseable {

    /** What the server answered: the status and the body (the server's JSON error). */
    record Answer(int status, String body) {
    }

    private final Socket socket;
    private final Thread trickle;
    private volatile boolean answered;

    private TricklingClient(Socket socket, byte[] head, byte[] body, Duration pause) throws IOException {
        this.socket = socket;
        OutputStream out = socket.getOutputStream();
        out.write(head);
        out.flush();
        this.trickle = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < body.length && !answered; i++) {
                    out.write(body[i]);
                    out.flush();
                    Thread.sleep(pause);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection, or the test is over
            }
        });
    }

    /**
     * Opens a connection to {@code port} on loopback and starts sending a POST of {@code body} to {@code path}, with a
     * Content-Length, or chunked (one byte per chunk) when {@code chunked}.
     */
    static TricklingClient post(int port, String path, String body, boolean chunked, Duration pause) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            String framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n";
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + framing + "\r\n";
            byte[] bytes = chunked ? chunkedOneByteEach(body) : body.getBytes(StandardCharsets.US_ASCII);
            return new TricklingClient(socket, head.getBytes(StandardCharsets.US_ASCII), bytes, pause);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] chunkedOneByteEach(String body) {
        StringBuilder chunks = new StringBuilder();
        for (char c : body.toCharArray()) {
            chunks.append("1\r\n").append(c).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits for the response (at most 30 s) and returns it; a connection closed without one is an error. */
    Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            answered = true;
            int length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
                }
            }
            String body = length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether the server closed the connection after its answer (waiting at most 30 s for it to). */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection without an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        answered = true;
        trickle.interrupt();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
