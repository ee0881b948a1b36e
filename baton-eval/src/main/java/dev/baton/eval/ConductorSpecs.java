package dev.baton.eval;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.CascadeConductor;
import dev.baton.conduct.baseline.Hindsight;
import dev.baton.conduct.baseline.MoaConductor;
import dev.baton.conduct.baseline.OracleConductor;
import dev.baton.conduct.baseline.RandomConductor;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.conduct.baseline.VoteConductor;
import dev.baton.conduct.lm.LmConductor;
import dev.baton.conduct.lm.LmConductorOptions;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.workflow.Workflow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code --conductor} specs into conductors:
 *
 * <ul>
 *   <li>{@code solo:<worker>}: one worker alone; {@code solo:all}: one row per worker of the pool;</li>
 *   <li>{@code best-solo}: the worker with the best accuracy alone on the train split;</li>
 *   <li>{@code vote:<w1,w2,...>}, {@code vote:top<k>}: independent answers, the plurality wins;</li>
 *   <li>{@code moa:top<k>}: the top k answer independently, the best-on-train worker aggregates them;</li>
 *   <li>{@code cascade:<w1,w2,...>}: the first two answer, then one more at a time until two agree
 *       ({@link CascadeConductor}); {@code best-cascade}: the most accurate cascade of two or three workers on the
 *       train split;</li>
 *   <li>{@code random}: one worker drawn at random per task;</li>
 *   <li>{@code oracle}: a worker that got the task right alone, if any (offline pools only);</li>
 *   <li>{@code lm:<worker>}: that worker, prompted as the paper's conductor, writes each round's workflow
 *       ({@link LmConductor} with its default options; its calls are made as an evaluation makes the steps', without
 *       retries and with no budget).</li>
 * </ul>
 *
 * <p>Other modules add kinds through {@code extensions} (the CLI adds {@code learned:<checkpoint>}). The forms with
 * what each means, as help texts and error messages show them, are listed once, in {@link ConductorSpecForm#ALL}: a
 * new kind goes there too.
 *
 * @param pool      the workers the specs may name
 * @param view      the workers evaluated: {@code solo:all}, rankings and top-k draw from these
 * @param ranking   computes the train-split ranking when a spec first needs it
 * @param bestCascade computes the workers of {@code best-cascade} when a spec first needs it
 * @param hindsight the answer key of an offline pool, empty for live pools
 * @param extensions further spec kinds: kind to a factory taking the text after the colon
 */
public record ConductorSpecs(Pool pool, PoolView view, Supplier<WorkerRanking> ranking, Supplier<List<String>> bestCascade,
                             Optional<Hindsight> hindsight,
                             Map<String, Function<String, Conductor>> extensions) {

    public ConductorSpecs {
        extensions = Map.copyOf(extensions);
    }

    private static final Pattern TOP = Pattern.compile("top(\\d+)");

    /**
     * Checks a spec's form without resolving it, so a typo fails before any long work starts.
     *
     * @throws ConductorSpecException naming the problem
     */
    public static void checkForm(String spec, java.util.Set<String> extensionKinds) {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
        boolean hasArgument = colon >= 0 && !trimmed.substring(colon + 1).isBlank();
        boolean ok = switch (kind) {
            case "solo", "vote", "cascade", "lm" -> hasArgument;
            case "moa" -> hasArgument && TOP.matcher(trimmed.substring(colon + 1).strip()).matches();
            case "best-solo", "best-cascade", "random", "oracle" -> colon < 0;
            default -> extensionKinds.contains(kind) && hasArgument;
        };
        if (!ok) {
            throw new ConductorSpecException(ConductorSpecForm.unknown(spec, extensionKinds));
        }
    }

    /** Resolves one spec to its conductors ({@code solo:all} gives several). */
    public List<Conductor> resolve(String spec) {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String argument = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
        return switch (kind) {
            case "solo" -> solo(argument, trimmed);
            case "best-solo" -> noArgument(argument, trimmed,
                    List.of(new SoloConductor(ranking.get().best(), "best-solo (" + ranking.get().best() + ")")));
            case "vote" -> List.of(new VoteConductor(workers(argument, trimmed), trimmed));
            case "cascade" -> List.of(cascade(argument, trimmed));
            case "best-cascade" -> noArgument(argument, trimmed, List.of(new CascadeConductor(bestCascade.get(),
                    "best-cascade (" + String.join(",", bestCascade.get()) + ")")));
            case "moa" -> List.of(moa(argument, trimmed));
            case "random" -> noArgument(argument, trimmed, List.of(new RandomConductor(0)));
            case "lm" -> List.of(new LmConductor(pool.get(argument), pool, LmConductorOptions.defaults()));
            case "oracle" -> noArgument(argument, trimmed, List.of(new OracleConductor(hindsight.orElseThrow(
                    () -> new ConductorSpecException("oracle needs an offline pool: only recorded answers say who was right")))));
            default -> {
                Function<String, Conductor> extension = extensions.get(kind);
                if (extension == null) {
                    throw new ConductorSpecException(ConductorSpecForm.unknown(spec, extensions.keySet()));
                }
                yield List.of(extension.apply(argument));
            }
        };
    }

    private List<Conductor> solo(String argument, String spec) {
        if (argument.isEmpty()) {
            throw new ConductorSpecException("'" + spec + "' names no worker: use solo:<worker> or solo:all");
        }
        if (argument.equals("all")) {
            return view.workerIds().stream().<Conductor>map(SoloConductor::new).toList();
        }
        return List.of(new SoloConductor(pool.get(argument).id()));
    }

    private List<String> workers(String argument, String spec) {
        if (argument.isEmpty()) {
            throw new ConductorSpecException("'" + spec + "' names no workers: use vote:<w1,w2,...> or vote:top<k>");
        }
        Matcher top = TOP.matcher(argument);
        List<String> workers = top.matches()
                ? ranking.get().top(topK(top, spec))
                : Arrays.stream(argument.split(",")).map(String::strip).map(id -> pool.get(id).id()).toList();
        if (workers.size() > Workflow.MAX_STEPS) {
            throw new ConductorSpecException("'" + spec + "' asks " + workers.size() + " workers; a workflow has at most "
                    + Workflow.MAX_STEPS + " steps");
        }
        return workers;
    }

    private Conductor cascade(String argument, String spec) {
        List<String> workers = Arrays.stream(argument.split(",")).map(String::strip).map(id -> pool.get(id).id()).toList();
        if (workers.size() < CascadeConductor.MIN_WORKERS || workers.stream().distinct().count() != workers.size()) {
            throw new ConductorSpecException("'" + spec + "' needs at least " + CascadeConductor.MIN_WORKERS
                    + " different workers, in the order they are asked: cascade:<w1,w2,...>");
        }
        if (workers.size() > Orchestrator.DEFAULT_MAX_ROUNDS + 1) {
            throw new ConductorSpecException("'" + spec + "' lists " + workers.size() + " workers; a cascade asks one more per round"
                    + " after the first two, so it has at most " + (Orchestrator.DEFAULT_MAX_ROUNDS + 1));
        }
        return new CascadeConductor(workers, spec);
    }

    private Conductor moa(String argument, String spec) {
        Matcher top = TOP.matcher(argument);
        if (!top.matches()) {
            throw new ConductorSpecException("'" + spec + "' is not moa:top<k> (k from 1 to " + (Workflow.MAX_STEPS - 1) + ")");
        }
        int k = topK(top, spec);
        if (k >= Workflow.MAX_STEPS) {
            throw new ConductorSpecException("'" + spec + "': k proposers plus the aggregator must fit in "
                    + Workflow.MAX_STEPS + " steps, so k is at most " + (Workflow.MAX_STEPS - 1));
        }
        return new MoaConductor(ranking.get().top(k), ranking.get().best(), spec);
    }

    private int topK(Matcher top, String spec) {
        int k;
        try {
            k = Integer.parseInt(top.group(1));
        } catch (NumberFormatException e) {
            k = Integer.MAX_VALUE; // too many digits for an int: certainly more workers than the pool has
        }
        if (k < 1 || k > view.size()) {
            throw new ConductorSpecException("'" + spec + "': k must be between 1 and the pool's " + view.size() + " workers");
        }
        return k;
    }

    private static List<Conductor> noArgument(String argument, String spec, List<Conductor> conductors) {
        if (!argument.isEmpty()) {
            throw new ConductorSpecException("'" + spec + "' takes no argument");
        }
        return conductors;
    }
}
