package dev.baton.bench.serve;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** The upstream itself, with no gateway in between: the baseline every gateway's added latency is measured from. */
record DirectTarget(StubUpstream upstream) implements Target {

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public HttpRequest request(Duration delay, String label) {
        return ServeLoad.post(URI.create(upstream.baseUrl(delay) + "/chat/completions"), Target.body("stub", label), Map.of());
    }
}
