package dev.baton.providers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/**
 * A WireMock server on 127.0.0.1 at a free port: the provider's side of the wire in every live-worker test.
 * Delayed replies are scheduled, not slept on a server thread, so stopping never waits for a slow stub.
 */
final class LoopbackServer {

    /** Replies computed from their requests, for stubs that name {@link ComputedReplies#NAME}. */
    static final ComputedReplies COMPUTED = new ComputedReplies();

    private LoopbackServer() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options()
                .extensions(COMPUTED)
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .containerThreads(40));
        server.start();
        return server;
    }

    static URI baseUrl(WireMockServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
