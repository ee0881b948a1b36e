package dev.baton.bench.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The least a gateway can be: a process that copies bytes between each client connection and a connection of its own
 * to the upstream, doing nothing else (no HTTP parsing, a platform thread blocked in each direction). Its added latency
 * is the floor of one more process on the path on this machine: the time to wake a process that has waited, twice, with
 * no work in between. {@link GatewayLoad} runs it as the {@code relay} gateway.
 *
 * <pre>java -cp baton-bench/target/classes dev.baton.bench.serve.TcpRelay LISTEN_PORT UPSTREAM_PORT</pre>
 */
public final class TcpRelay {

    private TcpRelay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TcpRelay LISTEN_PORT UPSTREAM_PORT (both on 127.0.0.1)");
        }
        int upstreamPort = Integer.parseInt(args[1]);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 4096, loopback)) {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(loopback, upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().start(() -> copy(client, upstream));
                Thread.ofPlatform().daemon().start(() -> copy(upstream, client));
            }
        }
    }

    /** Copies what {@code from} sends to {@code to} until either side closes; then closes both. */
    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException closed) {
            // either side went away: closing both ends the other direction too
        }
    }
}
