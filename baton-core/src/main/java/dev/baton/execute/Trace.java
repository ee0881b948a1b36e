package dev.baton.execute;

import dev.baton.worker.Reply;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything that happened while answering one task, across all rounds: the workflow steps' calls, and the calls
 * a conductor made to plan them (an LM conductor asks a model for each round's workflow).
 *
 * <p>Steps' calls are what a workflow sees and answers with; planning calls never appear among them, but they
 * are real calls that cost real money, so {@link #callCount()}, {@link #costUsd()} and the token counts include
 * them, and so does the budget.
 *
 * @param calls    one record per planned step, in (round, step) order
 * @param planning one record per call a conductor made to plan, in (round, step) order
 */
public record Trace(List<CallRecord> calls, List<CallRecord> planning) {

    private static final Comparator<CallRecord> ORDER =
            Comparator.comparingInt(CallRecord::round).thenComparingInt(CallRecord::step);
    private static final Trace EMPTY = new Trace(List.of(), List.of());

    public Trace {
        calls = inOrder(calls);
        planning = inOrder(planning);
    }

    /** Creates a trace of steps' calls alone. */
    public Trace(List<CallRecord> calls) {
        this(calls, List.of());
    }

    public static Trace empty() {
        return EMPTY;
    }

    /** Returns the number of rounds whose steps ran. */
    public int rounds() {
        return calls.isEmpty() ? 0 : calls.getLast().round() + 1;
    }

    /**
     * Returns the final reply: the last step's reply when it answered, otherwise the last successful
     * reply of the run, otherwise empty. Planning calls never count.
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

    /** Returns how many calls were made, planning included (skipped steps are not calls; retries count once). */
    public int callCount() {
        int count = 0;
        for (CallRecord call : everyCall()) {
            count += call.called() ? 1 : 0;
        }
        return count;
    }

    /** Returns what every call cost, planning included, and what failed calls were billed. */
    public double costUsd() {
        double usd = 0;
        for (CallRecord call : everyCall()) {
            usd += call.result().billedUsd();
        }
        return usd;
    }

    public long inputTokens() {
        long tokens = 0;
        for (CallRecord call : everyCall()) {
            tokens += call.result() instanceof CallResult.Answered answered ? answered.reply().inputTokens() : 0;
        }
        return tokens;
    }

    public long outputTokens() {
        long tokens = 0;
        for (CallRecord call : everyCall()) {
            tokens += call.result() instanceof CallResult.Answered answered ? answered.reply().outputTokens() : 0;
        }
        return tokens;
    }

    public long totalTokens() {
        return inputTokens() + outputTokens();
    }

    /** Returns the steps' records of the given round. */
    public List<CallRecord> round(int round) {
        return calls.stream().filter(c -> c.round() == round).toList();
    }

    /** Returns the trace as it stood after its first {@code count} rounds (planning calls of later rounds left out). */
    public Trace firstRounds(int count) {
        return new Trace(calls.stream().filter(c -> c.round() < count).toList(),
                planning.stream().filter(c -> c.round() < count).toList());
    }

    /** Returns a trace holding this trace's calls followed by the steps' records {@code more}. */
    public Trace plus(List<CallRecord> more) {
        return new Trace(Stream.concat(calls.stream(), more.stream()).toList(), planning);
    }

    /** Returns a trace holding this trace's calls and, besides its planning calls, {@code more}. */
    public Trace plusPlanning(List<CallRecord> more) {
        return more.isEmpty() ? this : new Trace(calls, Stream.concat(planning.stream(), more.stream()).toList());
    }

    /**
     * Steps' calls, then planning calls. Loops rather than streams: a server sums these several times a request, and the
     * streams' pipelines were 3% of a gateway request's CPU.
     */
    private Iterable<CallRecord> everyCall() {
        return planning.isEmpty() ? calls : () -> Stream.concat(calls.stream(), planning.stream()).iterator();
    }

    /** Returns the records in (round, step) order: as given, when they already are. */
    private static List<CallRecord> inOrder(List<CallRecord> records) {
        for (int i = 1; i < records.size(); i++) {
            if (ORDER.compare(records.get(i - 1), records.get(i)) > 0) {
                return records.stream().sorted(ORDER).toList();
            }
        }
        return List.copyOf(records);
    }
}
