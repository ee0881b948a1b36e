package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The server's metrics in Prometheus' text format: HTTP requests by endpoint and status with a latency histogram,
 * and per worker the calls made, the calls that failed (by kind) and what they cost.
 *
 * <pre>
 * baton_http_requests_total{endpoint="/v1/chat/completions",method="POST",status="200"} 3.0
 * baton_http_request_duration_seconds_bucket{endpoint="/v1/chat/completions",...,le="0.5"} 3
 * baton_worker_calls_total{worker="gpt-4o-2024-08-06"} 3.0
 * baton_worker_errors_total{kind="timeout",worker="..."} 0.0
 * baton_worker_cost_usd_total{worker="..."} 0.0123
 * baton_answers_total{model="best-solo",answered="true"} 3.0
 * </pre>
 */
final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Counts one HTTP request and its latency. */
    void request(String endpoint, String method, int status, Duration latency) {
        String code = Integer.toString(status);
        Counter.builder("baton.http.requests").description("HTTP requests answered")
                .tags("endpoint", endpoint, "method", method, "status", code).register(registry).increment();
        Timer.builder("baton.http.request.duration").description("Time to answer an HTTP request")
                .tags("endpoint", endpoint, "method", method, "status", code)
                .publishPercentileHistogram().register(registry).record(latency);
    }

    /** Counts a request's answer and every worker call it made, planning calls included. */
    void answered(String model, Answer answer) {
        Counter.builder("baton.answers").description("Chat requests answered, by model and whether a worker answered")
                .tags("model", model, "answered", Boolean.toString(answer.text().isPresent())).register(registry).increment();
        Stream.concat(answer.trace().calls().stream(), answer.trace().planning().stream())
                .filter(CallRecord::called).forEach(this::call);
    }

    private void call(CallRecord call) {
        String worker = call.workerId();
        Counter.builder("baton.worker.calls").description("Worker calls made").tag("worker", worker)
                .register(registry).increment();
        switch (call.result()) {
            case CallResult.Answered answered -> Counter.builder("baton.worker.cost").baseUnit("usd")
                    .description("What worker calls cost").tag("worker", worker)
                    .register(registry).increment(answered.reply().costUsd());
            case CallResult.Failed failed -> Counter.builder("baton.worker.errors").description("Worker calls that failed")
                    .tags("worker", worker, "kind", failed.kind().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
            case CallResult.Skipped skipped -> {
                // not a call: filtered out above
            }
        }
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
