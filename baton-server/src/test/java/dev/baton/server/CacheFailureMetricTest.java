package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.store.Store;
import dev.baton.wiring.ConductorResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CacheFailureMetricTest {

    /** The count is read when scraped, from a supplier nothing but the server keeps: a garbage collection must not lose it. */
    @Test
    void metricsCountTheResponseCacheFailuresTheServerIsGivenEvenAfterACollection() throws Exception {
        AtomicLong failures = new AtomicLong(3);
        try (Store store = Store.inMemory();
             ConductorResolver resolver = new ConductorResolver(ServerFixture.gsm8k(), () -> {
                 throw new IllegalStateException("no learned conductor here");
             });
             BatonServer server = BatonServer.start(ServerSettings.loopback(0), ServedModels.of(ServerFixture.gsm8k(),
                     ServerFixture.gsm8k().executor(Optional.empty()), resolver, List.of("best-solo")), store.traces(),
                     () -> failures.get());
             HttpClient http = HttpClient.newHttpClient()) {
            failures.incrementAndGet();
            System.gc();

            String metrics = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl().replace("/v1", "/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).contains("baton_response_cache_failures_total 4.0", "baton_trace_store_failures_total 0.0");
        }
    }
}
