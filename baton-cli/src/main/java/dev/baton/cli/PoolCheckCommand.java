package dev.baton.cli;

import dev.baton.providers.LiveWorker;
import dev.baton.providers.LiveWorkerSpec;
import dev.baton.providers.PoolFile;
import dev.baton.providers.PoolSpec;
import dev.baton.providers.ReplayWorkerSpec;
import dev.baton.providers.WorkerSpec;
import dev.baton.task.AnswerType;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton pool check}: validates a pool file, shows its workers and, with {@code --ping}, calls each once. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Validate a pool file and print its workers; with --ping, call each live worker once.",
            "",
            "Each worker's id, provider, model, base URL, API key variable (and whether it is set; never its value), price "
                + "per million tokens, max output tokens, timeout, concurrency, requests and tokens per minute (rpm, tpm) "
                + "and description.",
            "",
            "With --ping, make one tiny call to each live worker (\"Reply with OK\", at most 8 output tokens) and print "
                + "its latency, tokens and cost, or its typed failure. Exit code 1 when a ping fails, 2 when the file is invalid.",
            "",
            "Example: baton pool check pool.yaml --ping"})
final class PoolCheckCommand implements Callable<Integer> {

    private static final CallOptions PING_OPTIONS = CallOptions.defaults().withMaxOutputTokens(8);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The pool file (YAML).")
    Path file;

    @Option(names = "--ping", description = "Call each live worker once and report the outcome.")
    boolean ping;

    @Override
    public Integer call() {
        PoolSpec pool = PoolFile.read(file);
        Map<String, String> env = BatonCommand.of(spec).env;
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": " + pool.workers().size() + " workers");
        printTable(pool, env, out);
        if (!ping) {
            out.flush();
            return 0;
        }
        out.println();
        int failed = 0;
        for (WorkerSpec worker : pool.workers()) {
            if (!ping(worker, env, out)) {
                failed++;
            }
        }
        out.flush();
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + failed + " of " + pool.workers().size() + " workers failed the ping");
            err.flush();
            return 1;
        }
        return 0;
    }

    private static void printTable(PoolSpec pool, Map<String, String> env, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "provider", "model", "base url", "key", "$/M in", "$/M out", "max out", "timeout",
            "conc", "rpm", "tpm", "description"});
        for (WorkerSpec worker : pool.workers()) {
            rows.add(switch (worker) {
                case LiveWorkerSpec live -> new String[] {live.id(), live.provider().id(), live.model(),
                    masked(live.baseUrl().toString(), live.baseUrl()),
                    live.apiKeyEnv().map(name -> name + (PoolSpec.keySet(live, env) ? " (set)" : " (NOT SET)")).orElse("-"),
                    Price.listed(live.price().inputUsdPerMillion()), Price.listed(live.price().outputUsdPerMillion()),
                    live.defaults().maxOutputTokens().isPresent() ? String.valueOf(live.defaults().maxOutputTokens().getAsInt()) : "-",
                    live.timeout().toMillis() % 1000 == 0 ? live.timeout().toSeconds() + "s" : live.timeout().toMillis() + "ms",
                    String.valueOf(live.concurrency()), perMinute(live.rateLimits().requestsPerMinute()),
                    perMinute(live.rateLimits().tokensPerMinute()), live.description()};
                case ReplayWorkerSpec replay -> new String[] {replay.id(), "replay", replay.model(), replay.benchmark(), "-",
                    "table", "table", "-", "-", "-", "-", "-", replay.description().isEmpty() ? "recorded answers" : replay.description()};
            });
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String perMinute(OptionalInt limit) {
        return limit.isPresent() ? String.valueOf(limit.getAsInt()) : "-";
    }

    /** Pings one worker; returns whether it answered. */
    private static boolean ping(WorkerSpec worker, Map<String, String> env, PrintWriter out) {
        if (!(worker instanceof LiveWorkerSpec live)) {
            out.println(worker.id() + ": not pinged (a replay answers only its benchmark's recorded questions)");
            return true;
        }
        if (live.apiKeyEnv().isPresent() && !PoolSpec.keySet(live, env)) {
            out.println(live.id() + ": not pinged: environment variable " + live.apiKeyEnv().get() + " is not set");
            return false;
        }
        LiveWorker client = LiveWorker.create(live, live.apiKeyEnv().map(name -> env.get(name).strip()));
        CallRequest request = new CallRequest(new TaskRef("ping", AnswerType.TEXT), List.of(ChatMessage.user("Reply with OK")),
                PING_OPTIONS);
        try {
            Reply reply = client.call(request);
            out.println(String.format(Locale.ROOT, "%s: ok in %d ms, %d in + %d out tokens, %s: %s", live.id(),
                    reply.latency().toMillis(), reply.inputTokens(), reply.outputTokens(), Price.usd(reply.costUsd()),
                    oneLine(reply.text())));
            return true;
        } catch (WorkerException e) {
            out.println(live.id() + ": " + e.kind() + " (" + (e.retriable() ? "transient" : "permanent")
                    + e.retryAfter().map(wait -> ", retry after " + wait.toSeconds() + "s").orElse("") + "): "
                    + masked(oneLine(Optional.ofNullable(e.getMessage()).orElse("")), live.baseUrl()));
            return false;
        }
    }

    /**
     * Returns {@code text} with the credentials written into {@code url} masked: {@code http://user:***@host},
     * or {@code http://***@host} for a user part alone, which is often a token.
     */
    static String masked(String text, URI url) {
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return text;
        }
        int colon = userInfo.indexOf(':');
        String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        // With its '@' only, so that a short user name is not masked all over the text.
        return text.replace(userInfo + "@", shown + "@").replace(url.getUserInfo() + "@", shown + "@");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
