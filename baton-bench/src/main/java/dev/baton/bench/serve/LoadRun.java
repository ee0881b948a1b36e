package dev.baton.bench.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One timed run of closed-loop clients: each client, on a virtual thread of its own, sends a request, waits for the
 * answer, and sends the next, until the time is up. Requests go to the replicas and take the bodies in turn.
 */
final class LoadRun {

    private final HttpClient http;
    private final List<URI> endpoints;
    private final List<byte[]> bodies;
    private final int clients;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<long[]> latencies = new ArrayList<>();
    private double seconds;

    LoadRun(HttpClient http, List<URI> endpoints, List<byte[]> bodies, int clients) {
        this.http = http;
        this.endpoints = endpoints;
        this.bodies = bodies;
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
        return new Result(all, errors.get(), seconds, Optional.ofNullable(firstError.get()));
    }

    /**
     * What a run measured.
     *
     * @param latenciesNanos every answered request's latency, sorted
     */
    record Result(long[] latenciesNanos, long errors, double seconds, Optional<String> firstError) {

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
                long n = next.getAndIncrement();
                URI endpoint = endpoints.get((int) (n % endpoints.size()));
                byte[] body = bodies.get((int) ((n / endpoints.size()) % bodies.size()));
                long sent = System.nanoTime();
                try {
                    int status = ServeLoad.send(http, endpoint, body);
                    if (status == 200) {
                        if (count == times.length) {
                            times = Arrays.copyOf(times, count * 2);
                        }
                        times[count++] = System.nanoTime() - sent;
                    } else {
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
