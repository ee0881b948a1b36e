package dev.baton.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.MoaConductor;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.ProgressListener;
import dev.baton.execute.Budget;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.grade.Graders;
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
import java.util.Optional;
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
 * <p>With {@linkplain #withReviews reviews}, once every worker has answered every question alone, each worker answers
 * each question once more having seen some peers' solo answers ({@link ReviewPeers} chooses whom), asked exactly as a
 * Mixture-of-Agents aggregator step that sees those peers is asked ({@link Executor#step}): the replay pool then replays
 * such a step as the worker really answered it. Reviews go through the same executor, so the cache, the spending cap
 * and resuming hold for them as for solo calls; they are written beside {@code responses} as {@code reviews}.
 *
 * <p>An output named {@code *.gz} is written gzipped, as the shipped benchmarks are.
 */
public final class Recorder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Pool pool;
    private final Executor executor;
    private final Budget callBudget;
    private final Orchestrator loop;
    private final int parallelism;
    private final ProgressListener progress;
    private final int reviewPeers;
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
        this(pool, executor, Budget.unlimited().withDeadline(callTimeout), parallelism, progress, 0);
    }

    private Recorder(Pool pool, Executor executor, Budget callBudget, int parallelism, ProgressListener progress,
                     int reviewPeers) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.executor = Objects.requireNonNull(executor, "executor");
        // Each question is asked of one worker at a time, so a question's deadline is its one call's.
        this.callBudget = callBudget;
        this.loop = new Orchestrator(executor, pool, callBudget, 1);
        this.progress = Objects.requireNonNull(progress, "progress");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        if (reviewPeers < 0) {
            throw new IllegalArgumentException("reviews must see a positive number of peers, or none: " + reviewPeers);
        }
        this.reviewPeers = reviewPeers;
    }

    /**
     * Returns a recorder that also records reviews: each worker answers each question again having seen {@code peers}
     * other workers' solo answers (fewer where fewer answered); 0 records none.
     */
    public Recorder withReviews(int peers) {
        return new Recorder(pool, executor, callBudget, parallelism, progress, peers);
    }

    /**
     * What a recording did.
     *
     * @param tasks    questions recorded
     * @param answered calls that answered (and are in the file), reviews included
     * @param cached   of those, answered from the cache at no cost
     * @param failures the workers whose calls failed, in the pool's order, with their failures by kind (those calls are
     *                 left out of the file; the replay pool treats them as outages)
     * @param skipped  calls not made: the spending cap refused them, or the run stopped
     * @param costUsd  what this run spent
     * @param stopped  whether {@link #requestStop} left calls out; then nothing was written
     * @param reviewed of the answered calls, the reviews (a worker answering having seen peers' answers)
     */
    public record Summary(int tasks, int answered, int cached, List<WorkerFailures> failures, int skipped, double costUsd,
                         boolean stopped, int reviewed) {

        public Summary {
            failures = List.copyOf(failures);
            if (reviewed < 0 || reviewed > answered) {
                throw new IllegalArgumentException("reviewed must be between 0 and the answered calls: " + reviewed);
            }
        }

        /** What a recording without reviews did. */
        public Summary(int tasks, int answered, int cached, List<WorkerFailures> failures, int skipped, double costUsd,
                       boolean stopped) {
            this(tasks, answered, cached, failures, skipped, costUsd, stopped, 0);
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
            return String.format(Locale.ROOT, "%d questions x workers: %d answered (%d from cache%s), %d failed, %d skipped; "
                    + "spent $%.6f", tasks, answered, cached, reviewed > 0 ? "; " + reviewed + " of them reviews" : "", failed(),
                    skipped, costUsd);
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
     * Asks every worker every task (and, {@linkplain #withReviews with reviews}, to review it) and writes the recording
     * to {@code out} (atomically, JSONL; gzipped when the name ends in {@code .gz}), and the pool's prices beside it
     * ({@link #pricesOf}). When {@link #requestStop} left calls out, writes nothing and says so in {@link Summary#stopped()}.
     */
    public Summary record(List<Task> tasks, Path out) {
        AtomicBoolean leftOut = new AtomicBoolean();
        try (ExecutorService threads = Executors.newFixedThreadPool(parallelism)) {
            List<Map<String, CallRecord>> solo = solo(tasks, threads, leftOut);
            List<List<Review>> reviews = reviewPeers == 0 ? tasks.stream().<List<Review>>map(t -> List.of()).toList()
                    : reviews(tasks, solo, threads, leftOut);
            return write(tasks, solo, reviews, out, leftOut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recording interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Asks every worker every task alone; returns each task's calls by worker, in pool order. */
    private List<Map<String, CallRecord>> solo(List<Task> tasks, ExecutorService threads, AtomicBoolean leftOut)
            throws InterruptedException, ExecutionException {
        int total = tasks.size() * pool.size();
        AtomicInteger done = new AtomicInteger();
        List<Map<String, Future<CallRecord>>> calls = new ArrayList<>();
        for (Task task : tasks) {
            Map<String, Future<CallRecord>> perWorker = new LinkedHashMap<>();
            for (String worker : pool.ids()) {
                perWorker.put(worker, threads.submit(() -> {
                    if (stopRequested.get()) {
                        leftOut.set(true);
                        return stopped(worker);
                    }
                    CallRecord call = loop.answer(new SoloConductor(worker), task, pool.view()).trace().calls().getFirst();
                    progress.advanced("record", done.incrementAndGet(), total);
                    return call;
                }));
            }
            calls.add(perWorker);
        }
        return joined(calls);
    }

    /**
     * Asks every worker that answered a task alone to answer it again having seen its chosen peers' solo answers, as a
     * Mixture-of-Agents aggregator sees its proposers'. Runs once every solo call has ended, since a review needs its
     * peers' answers (and waiting inside the pool's threads for other calls could starve it).
     */
    private List<List<Review>> reviews(List<Task> tasks, List<Map<String, CallRecord>> solo, ExecutorService threads,
                                       AtomicBoolean leftOut) throws InterruptedException, ExecutionException {
        ReviewPeers chooser = new ReviewPeers(reviewPeers);
        List<Map<String, Future<CallRecord>>> calls = new ArrayList<>();
        List<Map<String, List<String>>> seen = new ArrayList<>();
        List<Runnable> submissions = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            Map<String, String> answered = new LinkedHashMap<>();
            solo.get(t).forEach((worker, call) -> call.reply().ifPresent(reply -> answered.put(worker, reply.text())));
            Map<String, Future<CallRecord>> perWorker = new LinkedHashMap<>();
            Map<String, List<String>> peersOf = new LinkedHashMap<>();
            for (String worker : answered.keySet()) {
                List<String> peers = chooser.choose(task.id(), worker, answered, Graders.forType(task.answerType()));
                if (!peers.isEmpty()) {
                    peersOf.put(worker, peers);
                }
            }
            calls.add(perWorker);
            seen.add(peersOf);
            Map<String, CallRecord> soloCalls = solo.get(t);
            peersOf.forEach((worker, peers) -> submissions.add(() -> perWorker.put(worker, threads.submit(() -> {
                if (stopRequested.get()) {
                    leftOut.set(true);
                    return stopped(worker);
                }
                CallRecord call = executor.step(MoaConductor.aggregatorStep(worker), peers.stream().map(soloCalls::get).toList(),
                        task, pool, callBudget);
                progress.advanced("review", done.incrementAndGet(), submissions.size());
                return call;
            }))));
        }
        submissions.forEach(Runnable::run);
        List<Map<String, CallRecord>> ended = joined(calls);
        List<List<Review>> reviews = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            List<Review> perTask = new ArrayList<>();
            Map<String, List<String>> peersOf = seen.get(t);
            ended.get(t).forEach((worker, call) -> perTask.add(new Review(worker, peersOf.get(worker), call)));
            reviews.add(perTask);
        }
        return reviews;
    }

    /** One review call: who reviewed, whose answers it saw, and how the call ended. */
    private record Review(String worker, List<String> saw, CallRecord call) {
    }

    private static List<Map<String, CallRecord>> joined(List<Map<String, Future<CallRecord>>> calls)
            throws InterruptedException, ExecutionException {
        List<Map<String, CallRecord>> ended = new ArrayList<>();
        for (Map<String, Future<CallRecord>> perWorker : calls) {
            Map<String, CallRecord> byWorker = new LinkedHashMap<>();
            for (Map.Entry<String, Future<CallRecord>> call : perWorker.entrySet()) {
                byWorker.put(call.getKey(), call.getValue().get());
            }
            ended.add(byWorker);
        }
        return ended;
    }

    /** The record of a call not made because the recording was asked to stop. */
    private static CallRecord stopped(String worker) {
        return new CallRecord(0, 0, worker, "", List.of(), Duration.ZERO, new CallResult.Skipped("the recording was stopped"));
    }

    private Summary write(List<Task> tasks, List<Map<String, CallRecord>> solo, List<List<Review>> reviews, Path out,
                          AtomicBoolean leftOut) {
        Tally tally = new Tally();
        StringBuilder lines = new StringBuilder();
        for (int t = 0; t < tasks.size(); t++) {
            Map<String, Reply> replies = new LinkedHashMap<>();
            solo.get(t).forEach((worker, call) -> tally.count(worker, call.result()).ifPresent(reply -> replies.put(worker, reply)));
            List<ReviewLine> reviewed = new ArrayList<>();
            for (Review review : reviews.get(t)) {
                tally.count(review.worker(), review.call().result()).ifPresent(reply -> {
                    reviewed.add(new ReviewLine(review.worker(), review.saw(), reply));
                    tally.reviewed++;
                });
            }
            lines.append(line(tasks.get(t), replies, reviewed)).append('\n');
        }
        if (!leftOut.get()) {
            try {
                AtomicFiles.write(out, bytes(out, lines.toString()));
                AtomicFiles.write(pricesOf(out), prices());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the recording " + out, e);
            }
        }
        return tally.summary(tasks.size(), leftOut.get());
    }

    /** Counts how the calls of a recording ended, solo calls and reviews alike. */
    private final class Tally {
        private int answered;
        private int cached;
        private int reviewed;
        private int skipped;
        private double cost;
        private final Map<String, Map<FailureKind, Integer>> failedByKind = new LinkedHashMap<>();
        private final Map<String, Integer> permanent = new LinkedHashMap<>();

        /** Counts one call; returns its reply when it answered. */
        Optional<Reply> count(String worker, CallResult result) {
            switch (result) {
                case CallResult.Answered a -> {
                    answered++;
                    cached += a.cached() ? 1 : 0;
                    cost += a.reply().costUsd();
                    return Optional.of(a.reply());
                }
                case CallResult.Failed f -> {
                    failedByKind.computeIfAbsent(worker, id -> new EnumMap<>(FailureKind.class)).merge(f.kind(), 1, Integer::sum);
                    permanent.merge(worker, f.retriable() ? 0 : 1, Integer::sum);
                }
                case CallResult.Skipped s -> skipped++;
            }
            return Optional.empty();
        }

        Summary summary(int tasks, boolean stopped) {
            List<WorkerFailures> failures = pool.ids().stream().filter(failedByKind::containsKey)
                    .map(worker -> new WorkerFailures(worker, failedByKind.get(worker), permanent.get(worker))).toList();
            return new Summary(tasks, answered, cached, failures, skipped, cost, stopped, reviewed);
        }
    }

    /** One answered review as the file keeps it. */
    private record ReviewLine(String worker, List<String> saw, Reply reply) {
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
    private static String line(Task task, Map<String, Reply> replies, List<ReviewLine> reviews) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", task.id());
        node.put("question", task.question());
        node.put("gold", task.gold());
        node.put("answer_type", task.answerType().name().toLowerCase(Locale.ROOT));
        // A question's subject travels with it: the policy reads accuracies per subject, context fit rates per subject.
        String category = task.metadata().get("category");
        if (category != null) {
            node.put("category", category);
        }
        ObjectNode responses = node.putObject("responses");
        replies.forEach((worker, reply) -> responses.putObject(worker)
                .put("tail", reply.text())
                .put("chars", reply.text().length())
                .put("input_tokens", reply.inputTokens())
                .put("output_tokens", reply.outputTokens()));
        if (!reviews.isEmpty()) {
            ArrayNode reviewed = node.putArray("reviews");
            for (ReviewLine review : reviews) {
                ObjectNode entry = reviewed.addObject().put("worker", review.worker());
                review.saw().forEach(entry.putArray("saw")::add);
                entry.put("tail", review.reply().text())
                        .put("chars", review.reply().text().length())
                        .put("input_tokens", review.reply().inputTokens())
                        .put("output_tokens", review.reply().outputTokens());
            }
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
