package dev.baton.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.ProgressListener;
import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.io.AtomicFiles;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Records a pool's answers to a benchmark: asks every worker every question alone, exactly as the replay pool's
 * solo step asks, and writes a benchmark file in the recorded-replies schema (with the tokens the provider billed)
 * that {@code baton train} and {@code baton eval} read as they read the shipped ones. So the learned conductor
 * trains on the user's own pool.
 *
 * <p>Resuming is the response cache's job: give the executor a cache, and a recording killed midway and started
 * again pays for nothing twice. A spending cap on the executor ({@link dev.baton.execute.SpendingCap}), after the
 * cache, bounds the whole recording; a call it refuses is left out of the file and counted.
 *
 * <p>An output named {@code *.gz} is written gzipped, as the shipped benchmarks are.
 */
public final class Recorder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Pool pool;
    private final Orchestrator loop;
    private final int parallelism;
    private final ProgressListener progress;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** A recorder whose calls have no deadline of their own (each attempt still has its worker's timeout). */
    public Recorder(Pool pool, Executor executor, int parallelism, ProgressListener progress) {
        this(pool, executor, Budget.unlimited().deadline(), parallelism, progress);
    }

    /**
     * @param pool        the workers to record
     * @param executor    makes the calls: retry, resilience, cache and spending cap as configured
     * @param callTimeout most wall time for one call, its retries and their waits included; positive
     * @param parallelism calls in flight at once, at least 1 (per-worker limits come from the executor)
     * @param progress    hears after every call
     */
    public Recorder(Pool pool, Executor executor, Duration callTimeout, int parallelism, ProgressListener progress) {
        this.pool = Objects.requireNonNull(pool, "pool");
        // Each question is asked of one worker at a time, so a question's deadline is its one call's.
        this.loop = new Orchestrator(executor, pool, Budget.unlimited().withDeadline(callTimeout), 1);
        this.progress = Objects.requireNonNull(progress, "progress");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * What a recording did.
     *
     * @param tasks    questions recorded
     * @param answered calls that answered (and are in the file)
     * @param cached   of those, answered from the cache at no cost
     * @param failures the workers whose calls failed, in the pool's order, with their failures by kind (those calls are
     *                 left out of the file; the replay pool treats them as outages)
     * @param skipped  calls not made: the spending cap refused them, or the run stopped
     * @param costUsd  what this run spent
     * @param stopped  whether {@link #requestStop} left calls out; then nothing was written
     */
    public record Summary(int tasks, int answered, int cached, List<WorkerFailures> failures, int skipped, double costUsd,
                         boolean stopped) {

        public Summary {
            failures = List.copyOf(failures);
        }

        /** Returns how many calls failed, every worker's together. */
        public int failed() {
            return failures.stream().mapToInt(WorkerFailures::count).sum();
        }

        /** Returns how many calls failed in a way a rerun will not fix. */
        public int permanentlyFailed() {
            return failures.stream().mapToInt(WorkerFailures::permanent).sum();
        }

        /** Returns a one-line account for a terminal. */
        public String describe() {
            return String.format(Locale.ROOT, "%d questions x workers: %d answered (%d from cache), %d failed, %d skipped; "
                    + "spent $%.6f", tasks, answered, cached, failed(), skipped, costUsd);
        }
    }

    /**
     * Asks a recording in progress to stop: calls not yet started are not made, calls in flight finish (they are paid
     * for, and their replies land in the cache), and nothing is written. Safe from any thread, e.g. a shutdown hook.
     */
    public void requestStop() {
        stopRequested.set(true);
    }

    /**
     * Returns the path of the price table written beside a recording: the pool's prices, which replaying the recording
     * needs ({@code --prices}).
     */
    public static Path pricesOf(Path recording) {
        String name = recording.getFileName().toString();
        int dot = name.indexOf('.');
        return recording.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".prices.tsv");
    }

    /**
     * Asks every worker every task and writes the recording to {@code out} (atomically, JSONL; gzipped when the name
     * ends in {@code .gz}), and the pool's prices beside it ({@link #pricesOf}). When {@link #requestStop} left calls
     * out, writes nothing and says so in {@link Summary#stopped()}.
     */
    public Summary record(List<Task> tasks, Path out) {
        int total = tasks.size() * pool.size();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean leftOut = new AtomicBoolean();
        List<List<Future<CallResult>>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(parallelism)) {
            for (Task task : tasks) {
                List<Future<CallResult>> perWorker = new ArrayList<>();
                for (String worker : pool.ids()) {
                    perWorker.add(threads.submit(() -> {
                        if (stopRequested.get()) {
                            leftOut.set(true);
                            return new CallResult.Skipped("the recording was stopped");
                        }
                        CallResult call = loop.answer(new SoloConductor(worker), task, pool.view()).trace().calls().getFirst().result();
                        progress.advanced("record", done.incrementAndGet(), total);
                        return call;
                    }));
                }
                calls.add(perWorker);
            }
            return write(tasks, calls, out, leftOut);
        }
    }

    private Summary write(List<Task> tasks, List<List<Future<CallResult>>> calls, Path out, AtomicBoolean leftOut) {
        StringBuilder lines = new StringBuilder();
        int answered = 0;
        int cached = 0;
        Map<String, Map<FailureKind, Integer>> failedByKind = new LinkedHashMap<>();
        Map<String, Integer> permanent = new LinkedHashMap<>();
        int skipped = 0;
        double cost = 0;
        try {
            for (int t = 0; t < tasks.size(); t++) {
                Task task = tasks.get(t);
                Map<String, Reply> replies = new LinkedHashMap<>();
                for (int w = 0; w < pool.size(); w++) {
                    String worker = pool.ids().get(w);
                    switch (calls.get(t).get(w).get()) {
                        case CallResult.Answered a -> {
                            replies.put(worker, a.reply());
                            answered++;
                            cached += a.cached() ? 1 : 0;
                            cost += a.reply().costUsd();
                        }
                        case CallResult.Failed f -> {
                            failedByKind.computeIfAbsent(worker, id -> new EnumMap<>(FailureKind.class)).merge(f.kind(), 1, Integer::sum);
                            permanent.merge(worker, f.retriable() ? 0 : 1, Integer::sum);
                        }
                        case CallResult.Skipped s -> skipped++;
                    }
                }
                lines.append(line(task, replies)).append('\n');
            }
            if (!leftOut.get()) {
                AtomicFiles.write(out, bytes(out, lines.toString()));
                AtomicFiles.write(pricesOf(out), prices());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recording interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the recording " + out, e);
        }
        List<WorkerFailures> failures = pool.ids().stream().filter(failedByKind::containsKey)
                .map(worker -> new WorkerFailures(worker, failedByKind.get(worker), permanent.get(worker))).toList();
        return new Summary(tasks.size(), answered, cached, failures, skipped, cost, leftOut.get());
    }

    /** Returns the recording's bytes: gzipped when the file's name says so, as every tool reading it expects. */
    private static byte[] bytes(Path out, String lines) throws IOException {
        byte[] text = lines.getBytes(StandardCharsets.UTF_8);
        if (!out.getFileName().toString().endsWith(".gz")) {
            return text;
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(text.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text);
        }
        return zipped.toByteArray();
    }

    /** Returns the pool's prices as a price table (the columns of {@code data/prices.tsv}). */
    private String prices() {
        StringBuilder table = new StringBuilder("model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\n");
        for (var card : pool.cards()) {
            table.append(card.id()).append('\t').append(card.price().inputUsdPerMillion()).append('\t')
                    .append(card.price().outputUsdPerMillion()).append('\t').append("recorded from ").append(card.model()).append('\n');
        }
        return table.toString();
    }

    /** One task in the recorded-replies schema: the cached tokens of a reply are what the provider billed first. */
    private static String line(Task task, Map<String, Reply> replies) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", task.id());
        node.put("question", task.question());
        node.put("gold", task.gold());
        node.put("answer_type", task.answerType().name().toLowerCase(Locale.ROOT));
        ObjectNode responses = node.putObject("responses");
        replies.forEach((worker, reply) -> responses.putObject(worker)
                .put("tail", reply.text())
                .put("chars", reply.text().length())
                .put("input_tokens", reply.inputTokens())
                .put("output_tokens", reply.outputTokens()));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
