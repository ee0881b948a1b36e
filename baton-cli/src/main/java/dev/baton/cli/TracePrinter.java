package dev.baton.cli;

import dev.baton.client.Answer;
import dev.baton.eval.LineWrap;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints an answer's trace compactly, one row per call, fitted to the terminal: planning calls first, then each round's
 * steps — worker, tokens in/out, cost, latency, cached?, and the subtask (or why the call failed). The columns are as
 * wide as their contents; the subtask takes the rest of the line and continues under itself rather than being cut.
 * Tokens the provider did not report, estimated from characters, are marked {@code ~}, and a note under the table says so.
 */
final class TracePrinter {

    /** The width when {@code $COLUMNS} does not say: every terminal has at least this. */
    static final int DEFAULT_WIDTH = 80;
    /** The narrowest width honoured: below it the columns alone would not fit. */
    private static final int MIN_WIDTH = 60;
    /** Room the subtask keeps before the worker column may grow past {@link #MIN_WORKER}. */
    private static final int MIN_SUBTASK = 24;
    private static final int MIN_WORKER = 12;
    private static final String[] HEADERS = {"step", "worker", "tokens", "cost", "latency", "hit", "subtask"};

    private TracePrinter() {
    }

    /** Returns the width to print in: {@code $COLUMNS} when it is a number, at least {@value #MIN_WIDTH}; else 80. */
    static int width(Map<String, String> env) {
        try {
            return Math.max(MIN_WIDTH, Integer.parseInt(env.getOrDefault("COLUMNS", "").strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    static void print(Answer answer, PrintWriter out, int width) {
        out.println(String.format(Locale.ROOT, "trace: %s, %d round%s, %d call%s, %,d tokens, %s, %.1f s",
                answer.conductor(), answer.trace().rounds(), answer.trace().rounds() == 1 ? "" : "s", answer.calls(),
                answer.calls() == 1 ? "" : "s", answer.inputTokens() + answer.outputTokens(), Price.usd(answer.costUsd()),
                answer.elapsed().toNanos() / 1e9));
        List<String[]> rows = new ArrayList<>();
        answer.trace().planning().forEach(call -> rows.add(row(call, "p")));
        answer.trace().calls().forEach(call -> rows.add(row(call, "")));
        int[] widths = widths(rows, width);
        int room = width - Arrays.stream(widths).map(w -> w + 1).sum();
        print(HEADERS, widths, width, out);
        String[] above = null;
        for (String[] row : rows) {
            String subtask = row[row.length - 1];
            // The steps of one round often share a subtask: once it has been shown wrapped, a reference is enough.
            boolean repeated = row.length == HEADERS.length && above != null && subtask.equals(above[above.length - 1]);
            print(repeated && subtask.length() > room ? withText(row, "(same as " + above[0] + ")") : row, widths, width, out);
            above = row.length == HEADERS.length && !repeated ? row : above;
        }
        if (answer.trace().planning().stream().anyMatch(TracePrinter::estimated)
                || answer.trace().calls().stream().anyMatch(TracePrinter::estimated)) {
            out.println("~ tokens and cost estimated from characters: the provider reported no usage");
        }
        if (!answer.trace().planning().isEmpty()) {
            out.println("planning (p): the conductor's own calls; what each decided:");
            for (CallRecord call : answer.trace().planning()) {
                int arrow = call.subtask().lastIndexOf('\u2192');
                String outcome = arrow < 0 ? call.subtask() : call.subtask().substring(arrow + 1);
                String step = "  p" + (call.round() + 1) + "." + (call.step() + 1) + " ";
                List<String> lines = LineWrap.lines(oneLine(outcome), width - step.length(), "");
                for (int i = 0; i < lines.size(); i++) {
                    out.println((i == 0 ? step : " ".repeat(step.length())) + lines.get(i));
                }
            }
        }
    }

    /**
     * Returns a call's cells: step, worker, tokens, cost, latency, hit, and the free text; a call that did not answer
     * has only step, worker and the text saying why.
     */
    private static String[] row(CallRecord call, String prefix) {
        String step = prefix + (call.round() + 1) + "." + (call.step() + 1);
        return switch (call.result()) {
            case CallResult.Answered answered -> {
                Reply reply = answered.reply();
                yield new String[] {step, call.workerId(), (reply.usageEstimated() ? "~" : "") + reply.inputTokens() + "/" + reply.outputTokens(),
                    Price.usd(reply.costUsd()), millis(reply.latency().toMillis()), answered.cached() ? "yes" : "no",
                    oneLine(call.subtask())};
            }
            case CallResult.Failed failed -> new String[] {step, call.workerId(), String.format(Locale.ROOT,
                    "failed (%s, %d attempt%s): %s", failed.kind().name().toLowerCase(Locale.ROOT), failed.attempts(),
                    failed.attempts() == 1 ? "" : "s", oneLine(failed.error()))};
            case CallResult.Skipped skipped -> new String[] {step, call.workerId(), "skipped: " + oneLine(skipped.reason())};
        };
    }

    /**
     * Returns each column's width but the last: as wide as its header and cells, the worker's at most what leaves the
     * subtask {@value #MIN_SUBTASK} columns (and never under {@value #MIN_WORKER}).
     */
    private static int[] widths(List<String[]> rows, int width) {
        int[] widths = new int[HEADERS.length - 1];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int others = 0;
        for (int i = 0; i < widths.length; i++) {
            others += i == 1 ? 0 : widths[i] + 1;
        }
        widths[1] = Math.min(widths[1], Math.max(MIN_WORKER, width - others - 1 - MIN_SUBTASK));
        return widths;
    }

    /** Prints one row: its cells in their columns (numbers right-aligned), its last cell wrapped under itself. */
    private static void print(String[] row, int[] widths, int width, PrintWriter out) {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < row.length - 1; i++) {
            String cell = i == 1 ? shortened(row[i], widths[i]) : row[i];
            cells.append(String.format(Locale.ROOT, "%" + (i >= 2 && i <= 4 ? "" : "-") + widths[i] + "s ", cell));
        }
        String indent = " ".repeat(cells.length());
        List<String> text = LineWrap.lines(row[row.length - 1], Math.max(width - cells.length(), MIN_WORKER), "");
        for (int i = 0; i < text.size(); i++) {
            out.println(((i == 0 ? cells : indent) + text.get(i)).stripTrailing());
        }
    }

    private static String[] withText(String[] row, String text) {
        String[] changed = row.clone();
        changed[changed.length - 1] = text;
        return changed;
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
}
