package dev.baton.bench.serve;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Samples the heap once a second: the heap in use (which saws up and down with every young collection) and the
 * old generation as the last collection left it, whose trend says whether anything accumulates.
 */
final class HeapSampler {

    private final List<long[]> samples = new ArrayList<>();

    void sampleUntil(long endNanos) {
        long start = System.nanoTime();
        while (System.nanoTime() < endNanos) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            synchronized (samples) {
                samples.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, used, afterLastCollection()});
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Returns the old generation's use after its last collection (G1: "G1 Old Gen"), or -1 when none ran yet. */
    private static long afterLastCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                MemoryUsage usage = pool.getCollectionUsage();
                return usage == null ? -1 : usage.getUsed();
            }
        }
        return -1;
    }

    void print(PrintStream out) {
        List<long[]> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        if (copy.isEmpty()) {
            return;
        }
        long min = copy.stream().mapToLong(s -> s[1]).min().orElseThrow();
        long max = copy.stream().mapToLong(s -> s[1]).max().orElseThrow();
        out.printf(Locale.ROOT, "heap used MiB, sampled each second: min %d, max %d; first 10 s mean %d, last 10 s mean %d%n",
                min >> 20, max >> 20, mean(copy.subList(0, Math.min(10, copy.size()))) >> 20,
                mean(copy.subList(Math.max(0, copy.size() - 10), copy.size())) >> 20);
        StringBuilder series = new StringBuilder("heap used MiB every 5 s:");
        for (int i = 0; i < copy.size(); i += 5) {
            series.append(' ').append(copy.get(i)[1] >> 20);
        }
        out.println(series);
        StringBuilder old = new StringBuilder("old gen after last collection MiB every 5 s:");
        for (int i = 0; i < copy.size(); i += 5) {
            old.append(' ').append(copy.get(i)[2] < 0 ? "-" : Long.toString(copy.get(i)[2] >> 20));
        }
        out.println(old);
    }

    private static long mean(List<long[]> window) {
        return (long) window.stream().mapToLong(s -> s[1]).average().orElse(0);
    }
}
