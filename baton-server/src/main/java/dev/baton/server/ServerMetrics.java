package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The server's metrics in Prometheus' text format: HTTP requests by endpoint and status with a latency histogram,
 * and per worker the calls made, the calls that failed (by kind), what they cost and how many the response cache
 * answered.
 *
 * <pre>
 * baton_http_requests_total{endpoint="/v1/chat/completions",method="POST",status="200"} 3.0
 * baton_http_request_duration_seconds_bucket{endpoint="/v1/chat/completions",...,le="0.5"} 3
 * baton_worker_calls_total{worker="gpt-4o-2024-08-06"} 3.0
 * baton_worker_errors_total{kind="timeout",worker="..."} 0.0
 * baton_worker_cost_usd_total{worker="..."} 0.0123
 * baton_response_cache_hits_total{worker="..."} 1.0
 * baton_answers_total{model="best-solo",answered="true"} 3.0
 * </pre>
 */
final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /**
     * Meters by their labels, found again without the registry: registering looks a meter up by a new id (its tags
     * sorted), and doing so for each of a request's five meters was 2% of a gateway request's CPU. The label values
     * are bounded (endpoints and methods by {@link Routes}, workers and models by the pool), so these maps are too.
     */
    private final Map<List<String>, RequestMeters> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    /** Counts one HTTP request and its latency. */
    void request(String endpoint, String method, int status, Duration latency) {
        RequestMeters meters = requests.computeIfAbsent(List.of(endpoint, method, Integer.toString(status)), labels ->
                new RequestMeters(Counter.builder("baton.http.requests").description("HTTP requests answered")
                        .tags("endpoint", labels.get(0), "method", labels.get(1), "status", labels.get(2)).register(registry),
                        Timer.builder("baton.http.request.duration").description("Time to answer an HTTP request")
                                .tags("endpoint", labels.get(0), "method", labels.get(1), "status", labels.get(2))
                                .publishPercentileHistogram().register(registry)));
        meters.count().increment();
        meters.latency().record(latency);
    }

    /** Counts a request's answer and every worker call it made, planning calls included. */
    void answered(String model, Answer answer) {
        counter(List.of("answers", model, Boolean.toString(answer.text().isPresent())), labels -> Counter.builder("baton.answers")
                .description("Chat requests answered, by model and whether a worker answered")
                .tags("model", labels.get(1), "answered", labels.get(2))).increment();
        for (CallRecord call : answer.trace().calls()) {
            call(call);
        }
        for (CallRecord call : answer.trace().planning()) {
            call(call);
        }
    }

    private void call(CallRecord call) {
        if (!call.called()) {
            return;
        }
        String worker = call.workerId();
        counter(List.of("calls", worker), labels -> Counter.builder("baton.worker.calls").description("Worker calls made")
                .tag("worker", labels.get(1))).increment();
        switch (call.result()) {
            case CallResult.Answered answered -> {
                counter(List.of("cost", worker), labels -> Counter.builder("baton.worker.cost").baseUnit("usd")
                        .description("What worker calls cost").tag("worker", labels.get(1))).increment(answered.reply().costUsd());
                if (answered.cached()) {
                    // Hits over calls is the share of questions asked before: a cache pays from about a quarter.
                    counter(List.of("cache-hits", worker), labels -> Counter.builder("baton.response.cache.hits")
                            .description("Worker calls answered from the response cache").tag("worker", labels.get(1)))
                            .increment();
                }
            }
            case CallResult.Failed failed -> counter(List.of("errors", worker, failed.kind().name().toLowerCase(Locale.ROOT)),
                    labels -> Counter.builder("baton.worker.errors").description("Worker calls that failed")
                            .tags("worker", labels.get(1), "kind", labels.get(2))).increment();
            case CallResult.Skipped skipped -> {
                // not a call: returned above
            }
        }
    }

    /** Returns the counter kept under {@code labels}, registering the one {@code builder} describes the first time. */
    private Counter counter(List<String> labels, Function<List<String>, Counter.Builder> builder) {
        return counters.computeIfAbsent(labels, key -> builder.apply(key).register(registry));
    }

    /** A request's counter and latency timer, for one set of labels. */
    private record RequestMeters(Counter count, Timer latency) {
    }

    /** Counts the traces the store refused ({@code baton_trace_store_failures_total}): each is lost. */
    void traceStoreFailures(java.util.function.LongSupplier failures) {
        // A function counter holds its object weakly: these metrics, not a lambda nothing else keeps, live as long as the server.
        io.micrometer.core.instrument.FunctionCounter.builder("baton.trace.store.failures", this, m -> failures.getAsLong())
                .description("Traces the store refused to write").register(registry);
    }

    /**
     * Counts the response cache's failures ({@code baton_response_cache_failures_total}): each is a reply not kept, or
     * a call paid for although it may have been cached.
     */
    void responseCacheFailures(java.util.function.LongSupplier failures) {
        io.micrometer.core.instrument.FunctionCounter.builder("baton.response.cache.failures", this, m -> failures.getAsLong())
                .description("Times the store failed under the response cache").register(registry);
    }

    /** Returns every metric in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }
}
