package dev.baton.bench.serve;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * One timed run of closed-loop clients: each client, on a virtual thread of its own, sends a request, waits for the
 * answer, and sends the next, until the time is up. The run numbers its requests; the request source makes the n-th
 * (which server, which body), so callers choose how requests spread over servers and whether any repeats.
 */
final class LoadRun {

    private final HttpClient http;
    private final LongFunction<HttpRequest> requests;
    private final int clients;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<long[]> latencies = new ArrayList<>();
    private double seconds;

    LoadRun(HttpClient http, LongFunction<HttpRequest> requests, int clients) {
        this.http = http;
        this.requests = requests;
        this.clients = clients;
    }

    /** Runs for {@code runSeconds}; samples the heap meanwhile when given a sampler. */
    void run(int runSeconds, HeapSampler heap) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + runSeconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Client> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(end);
            running.add(client);
            threads.add(Thread.ofVirtual().start(client));
        }
        Thread sampler = heap == null ? null : Thread.ofPlatform().daemon().start(() -> heap.sampleUntil(end));
        for (Thread thread : threads) {
            thread.join();
        }
        if (sampler != null) {
            sampler.join();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        running.forEach(client -> latencies.add(client.latencies()));
    }

    Result result() {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), refused.get(), seconds, Optional.ofNullable(firstError.get()));
    }

    /**
     * What a run measured.
     *
     * @param latenciesNanos every answered request's latency, sorted
     * @param errors         requests not answered 200, the refused among them
     * @param refused        requests answered 429 (the server's overload refusal)
     */
    record Result(long[] latenciesNanos, long errors, long refused, double seconds, Optional<String> firstError) {

        long requests() {
            return latenciesNanos.length + errors;
        }

        double percentileMs(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.clamp(index, 0, latenciesNanos.length - 1)] / 1e6;
        }
    }

    /** One client: requests one after another, each answered one's latency kept. */
    private final class Client implements Runnable {
        private final long end;
        private long[] times = new long[4096];
        private int count;

        Client(long end) {
            this.end = end;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                HttpRequest request = requests.apply(next.getAndIncrement());
                long sent = System.nanoTime();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        if (count == times.length) {
                            times = Arrays.copyOf(times, count * 2);
                        }
                        times[count++] = System.nanoTime() - sent;
                    } else {
                        if (status == 429) {
                            refused.incrementAndGet();
                        }
                        fail("HTTP " + status);
                    }
                } catch (Exception e) {
                    fail(e.toString());
                }
            }
        }

        private void fail(String why) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, why);
        }

        long[] latencies() {
            return Arrays.copyOf(times, count);
        }
    }
}
