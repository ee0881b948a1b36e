package dev.baton.execute;

import dev.baton.worker.Reply;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything that happened while answering one task, across all rounds, in (round, step) order.
 *
 * @param calls one record per planned step
 */
public record Trace(List<CallRecord> calls) {

    private static final Trace EMPTY = new Trace(List.of());

    public Trace {
        calls = calls.stream()
                .sorted(Comparator.comparingInt(CallRecord::round).thenComparingInt(CallRecord::step))
                .toList();
    }

    public static Trace empty() {
        return EMPTY;
    }

    /** Returns the number of rounds that ran. */
    public int rounds() {
        return calls.isEmpty() ? 0 : calls.getLast().round() + 1;
    }

    /**
     * Returns the final reply: the last step's reply when it answered, otherwise the last successful
     * reply of the run, otherwise empty.
     */
    public Optional<Reply> finalReply() {
        for (CallRecord call : calls.reversed()) {
            if (call.reply().isPresent()) {
                return call.reply();
            }
        }
        return Optional.empty();
    }

    /** Returns the final reply's text, if any. */
    public Optional<String> finalText() {
        return finalReply().map(Reply::text);
    }

    /** Returns how many worker calls were made (skipped steps are not calls; retries count once). */
    public int callCount() {
        return (int) calls.stream().filter(CallRecord::called).count();
    }

    public double costUsd() {
        return calls.stream().flatMap(c -> c.reply().stream()).mapToDouble(Reply::costUsd).sum();
    }

    public long inputTokens() {
        return calls.stream().flatMap(c -> c.reply().stream()).mapToLong(Reply::inputTokens).sum();
    }

    public long outputTokens() {
        return calls.stream().flatMap(c -> c.reply().stream()).mapToLong(Reply::outputTokens).sum();
    }

    public long totalTokens() {
        return inputTokens() + outputTokens();
    }

    /** Returns the records of the given round. */
    public List<CallRecord> round(int round) {
        return calls.stream().filter(c -> c.round() == round).toList();
    }

    /** Returns the trace as it stood after its first {@code count} rounds. */
    public Trace firstRounds(int count) {
        return new Trace(calls.stream().filter(c -> c.round() < count).toList());
    }

    /** Returns a trace holding this trace's calls followed by {@code more}. */
    public Trace plus(List<CallRecord> more) {
        return new Trace(java.util.stream.Stream.concat(calls.stream(), more.stream()).toList());
    }
}
