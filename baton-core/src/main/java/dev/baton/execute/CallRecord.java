package dev.baton.execute;

import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a run as it happened: who was asked what, and what came back.
 *
 * @param round    zero-based round of the conversation
 * @param step     zero-based index of the step within its round's workflow
 * @param workerId the worker that was asked
 * @param subtask  the step's instruction
 * @param role     the id of the role the subtask was written from, if any
 * @param messages what the step asked, as the executor built it (an added {@link Interceptor} may have
 *                 changed the request on its way to the worker)
 * @param startedAt offset of the call's start from the start of the run
 * @param result   how it ended
 */
public record CallRecord(int round, int step, String workerId, String subtask, Optional<String> role,
                         List<ChatMessage> messages, Duration startedAt, CallResult result) {

    /** A record of a step written from no named role. */
    public CallRecord(int round, int step, String workerId, String subtask, List<ChatMessage> messages, Duration startedAt,
                      CallResult result) {
        this(round, step, workerId, subtask, Optional.empty(), messages, startedAt, result);
    }

    public CallRecord {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(subtask, "subtask");
        Objects.requireNonNull(role, "role");
        messages = List.copyOf(messages);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
    }

    /** Returns the reply when the step answered. */
    public Optional<Reply> reply() {
        return result instanceof CallResult.Answered answered ? Optional.of(answered.reply()) : Optional.empty();
    }

    /** Returns whether a worker was actually called (answered or failed, not skipped). */
    public boolean called() {
        return !(result instanceof CallResult.Skipped);
    }

    /** Returns how many attempts were made, retries included. */
    public int attempts() {
        return switch (result) {
            case CallResult.Answered answered -> answered.attempts();
            case CallResult.Failed failed -> failed.attempts();
            case CallResult.Skipped skipped -> 0;
        };
    }

    /** Returns when the call ended, relative to the start of the run. */
    public Duration endedAt() {
        return startedAt.plus(reply().map(Reply::latency).orElse(Duration.ZERO));
    }
}
