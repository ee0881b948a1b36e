package dev.baton.offline;

import dev.baton.grade.Grader;
import dev.baton.grade.GradingMemo;
import dev.baton.task.Task;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import dev.baton.worker.WorkerException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers with what a real model answered to the same question.
 *
 * <p>A call that sees no earlier reply returns the recorded reply. A call that sees earlier replies (its
 * messages hold assistant turns) replays a recorded review ({@code baton record --reviews}) when this model reviewed the
 * question having seen exactly those replies, that is, the same peers' solo answers: real behaviour, tokens as billed.
 * Otherwise it answers as the {@link ContextModel} decides for this worker (its measured rates where
 * {@code context fit} measured them), from its own recorded answer and the answers it sees, seeded by the call's
 * content so the same workflow gives the same result on every run. Where {@code context fit} measured that this worker
 * corrects (gives the right answer when it and every step it sees were wrong), the draw may give the gold answer: the
 * only way a replayed step gives an answer no step gave, and so the only way checking can pay offline. Tokens are estimated as characters / 4: input from the messages sent, output from the full length
 * of the recorded reply. A question the model has no recording for fails like a provider outage.
 *
 * <p>A call names its task only by id and answer type ({@link TaskRef}); this worker keeps its own answer
 * key, the recordings (with their gold answers, which only a measured correction replays).
 */
public final class ReplayWorker implements Worker {

    private final WorkerCard card;
    private final RecordedBenchmark recordings;
    private final ContextModel contextModel;
    private final GradingMemo graders;
    private final Map<String, Task> tasks;

    ReplayWorker(WorkerCard card, RecordedBenchmark recordings, ContextModel contextModel, GradingMemo graders) {
        this.card = card;
        this.recordings = recordings;
        this.contextModel = contextModel;
        this.graders = graders;
        this.tasks = recordings.tasks().stream().collect(Collectors.toMap(Task::id, Function.identity(), (first, again) -> first));
    }

    @Override
    public WorkerCard card() {
        return card;
    }

    @Override
    public Reply call(CallRequest request) throws WorkerException {
        TaskRef task = request.task();
        RecordedReply recorded = recordings.reply(task.id(), id()).orElseThrow(() -> new WorkerException.Transient(id(),
                id() + " has no recorded reply for task " + task.id() + " of " + recordings.name()));
        Optional<RecordedReview> review = reviewSeeing(task.id(), request.visibleReplies());
        if (review.isPresent()) {
            RecordedReply reply = review.get().reply();
            long inputTokens = reply.inputTokens().orElse(request.estimatedInputTokens());
            long outputTokens = reply.outputTokens().orElse(tokens(reply.chars()));
            return new Reply(reply.text(), inputTokens, outputTokens, card.price().cost(inputTokens, outputTokens), Duration.ZERO);
        }
        String text = answerInContext(request, recorded.text());
        // A recording made by `baton record` carries what the provider billed; asked the same way (alone), the same
        // prompt costs the same. Otherwise, and for a step that also sees earlier replies, tokens are estimated.
        boolean alone = request.visibleReplies().isEmpty();
        long inputTokens = alone && recorded.inputTokens().isPresent() ? recorded.inputTokens().getAsLong()
                : tokens(request.messages().stream().mapToLong(m -> m.text().length()).sum());
        long outputTokens = recorded.outputTokens().orElse(tokens(recorded.chars()));
        return new Reply(text, inputTokens, outputTokens, card.price().cost(inputTokens, outputTokens), Duration.ZERO);
    }

    /** Returns the reply text this step gives: its own, or a visible reply whose answer it adopts. */
    private String answerInContext(CallRequest request, String ownText) {
        List<String> visible = request.visibleReplies();
        if (visible.isEmpty()) {
            return ownText;
        }
        Grader grader = graders.forType(request.task().answerType());
        List<String> candidateTexts = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String reply : visible) {
            grader.extract(reply).ifPresent(answer -> {
                candidateTexts.add(reply);
                candidates.add(answer);
            });
        }
        Task task = tasks.get(request.task().id());
        ContextChoice choice = contextModel.choose(id(), Optional.ofNullable(task.metadata().get("category")), grader.extract(ownText),
                candidates, grader::equivalent, answer -> grader.equivalent(answer, task.gold()), new SplittableRandom(seed(request)));
        return switch (choice) {
            case ContextChoice.Own own -> ownText;
            case ContextChoice.Peer peer -> candidateTexts.get(peer.index());
            case ContextChoice.Corrected corrected -> goldReply(grader, task);
        };
    }

    /** Returns the gold answer as a reply the grader reads as right: a measured correction, replayed. */
    private static String goldReply(Grader grader, Task task) {
        for (String reply : List.of(task.gold(), "\\boxed{" + task.gold() + "}", "The answer is " + task.gold() + ".")) {
            if (grader.grade(reply, task).correct()) {
                return reply;
            }
        }
        return task.gold();
    }

    /**
     * Returns this model's recorded review of the task that saw exactly {@code visible}: the peers it saw, asked alone,
     * replied with these texts (in any order), as the step's earlier steps did.
     */
    private Optional<RecordedReview> reviewSeeing(String taskId, List<String> visible) {
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        List<String> seen = visible.stream().sorted().toList();
        for (RecordedReview review : recordings.reviews(taskId)) {
            if (!review.worker().equals(id()) || review.saw().size() != seen.size()) {
                continue;
            }
            List<String> sawTexts = review.saw().stream().map(peer -> recordings.reply(taskId, peer))
                    .flatMap(Optional::stream).map(RecordedReply::text).sorted().toList();
            if (sawTexts.equals(seen)) {
                return Optional.of(review);
            }
        }
        return Optional.empty();
    }

    /** Derives a seed from the worker, the task and exactly what the call sees: one per (task, workflow, step). */
    private long seed(CallRequest request) {
        long hash = 0xcbf29ce484222325L ^ contextModel.seed();
        hash = mix(hash, id());
        hash = mix(hash, request.task().id());
        for (ChatMessage message : request.messages()) {
            hash = mix(hash, message.role().name());
            hash = mix(hash, message.text());
        }
        return hash;
    }

    /** FNV-1a over UTF-8: stable across JVMs, unlike String.hashCode mixing orders. */
    private static long mix(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash * 31 + 7;
    }

    private static long tokens(long chars) {
        return (chars + 3) / 4;
    }

    /** Returns whether this worker has a recorded reply for the task. */
    public boolean hasRecording(Task task) {
        return recordings.reply(task.id(), id()).isPresent();
    }

    /** Returns whether this worker's recorded reply to {@code task}, asked alone, is correct. */
    public boolean recordedCorrect(Task task) {
        Optional<RecordedReply> reply = recordings.reply(task.id(), id());
        return reply.map(r -> graders.forType(task.answerType()).grade(r.text(), task).correct()).orElse(false);
    }
}
