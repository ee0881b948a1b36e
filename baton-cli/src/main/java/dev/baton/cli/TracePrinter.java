package dev.baton.cli;

import dev.baton.client.Answer;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.worker.Reply;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints an answer's trace compactly, one line per call, in 80 columns: planning calls first, then each round's
 * steps — worker, tokens in/out, cost, latency, cached?, and the subtask (or why the call failed). Tokens the provider
 * did not report, estimated from characters, are marked {@code ~}, and a note under the table says so.
 */
final class TracePrinter {

    private static final int WIDTH = 80;
    private static final String ROW = "%-5s %-20s %11s %10s %7s %-3s %s";

    private TracePrinter() {
    }

    static void print(Answer answer, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "trace: %s, %d round%s, %d call%s, %,d tokens, $%.6f, %.1f s",
                answer.conductor(), answer.trace().rounds(), answer.trace().rounds() == 1 ? "" : "s", answer.calls(),
                answer.calls() == 1 ? "" : "s", answer.inputTokens() + answer.outputTokens(), answer.costUsd(),
                answer.elapsed().toNanos() / 1e9));
        out.println(fit(String.format(Locale.ROOT, ROW, "step", "worker", "tokens i/o", "cost USD", "latency", "hit", "subtask")));
        rows(answer.trace().planning(), "p", out);
        rows(answer.trace().calls(), "", out);
        if (answer.trace().planning().stream().anyMatch(TracePrinter::estimated)
                || answer.trace().calls().stream().anyMatch(TracePrinter::estimated)) {
            out.println("~ tokens and cost estimated from characters: the provider reported no usage");
        }
        if (!answer.trace().planning().isEmpty()) {
            out.println("planning (p): the conductor's own calls; what each decided:");
            for (CallRecord call : answer.trace().planning()) {
                int arrow = call.subtask().lastIndexOf('\u2192');
                String outcome = arrow < 0 ? call.subtask() : call.subtask().substring(arrow + 1);
                out.println(fit("  p" + (call.round() + 1) + "." + (call.step() + 1) + " " + oneLine(outcome)));
            }
        }
    }

    private static void rows(List<CallRecord> calls, String prefix, PrintWriter out) {
        for (CallRecord call : calls) {
            String step = prefix + (call.round() + 1) + "." + (call.step() + 1);
            String worker = shortened(call.workerId(), 20);
            String line = switch (call.result()) {
                case CallResult.Answered answered -> {
                    Reply reply = answered.reply();
                    String tokens = (reply.usageEstimated() ? "~" : "") + reply.inputTokens() + "/" + reply.outputTokens();
                    yield String.format(Locale.ROOT, ROW, step, worker, tokens,
                            String.format(Locale.ROOT, "%.6f", reply.costUsd()), millis(reply.latency().toMillis()),
                            answered.cached() ? "yes" : "no", oneLine(call.subtask()));
                }
                case CallResult.Failed failed -> String.format(Locale.ROOT, "%-5s %-20s failed (%s, %d attempt%s): %s", step, worker,
                        failed.kind().name().toLowerCase(Locale.ROOT), failed.attempts(), failed.attempts() == 1 ? "" : "s",
                        oneLine(failed.error()));
                case CallResult.Skipped skipped -> String.format(Locale.ROOT, "%-5s %-20s skipped: %s", step, worker,
                        oneLine(skipped.reason()));
            };
            out.println(fit(line));
        }
    }

    /**
     * Returns why no worker answered, one line per call that failed or was skipped, planning calls first: worker id,
     * failure kind and message ({@code solver-a: authentication: Incorrect API key provided}), each line once.
     */
    static List<String> whyUnanswered(Trace trace) {
        List<String> reasons = Stream.concat(trace.planning().stream(), trace.calls().stream())
                .flatMap(call -> switch (call.result()) {
                    case CallResult.Answered answered -> Stream.<String>empty();
                    case CallResult.Failed failed -> Stream.of(call.workerId() + ": " + failed.kind().name().toLowerCase(Locale.ROOT)
                            + ": " + reason(call, failed.error()));
                    case CallResult.Skipped skipped -> Stream.of(call.workerId() + ": skipped: " + reason(call, skipped.reason()));
                })
                .distinct()
                .toList();
        return reasons.isEmpty() ? List.of("the conductor asked no worker") : reasons;
    }

    /** Returns a failure's message on one line, without the worker id that the line already starts with. */
    private static String reason(CallRecord call, String message) {
        String line = oneLine(message);
        String prefix = call.workerId() + ": ";
        return shortened(line.startsWith(prefix) ? line.substring(prefix.length()) : line, 300);
    }

    private static boolean estimated(CallRecord call) {
        return call.reply().filter(Reply::usageEstimated).isPresent();
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String shortened(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }

    private static String fit(String line) {
        return line.length() <= WIDTH ? line.stripTrailing() : line.substring(0, WIDTH - 3) + "...";
    }
}
