package dev.baton.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/**
 * Decides what an offline worker answers when it sees earlier answers.
 *
 * <p>Recorded data only say what a model answers alone. Given its own answer {@code own} and the visible
 * candidate answers {@code C}:
 * <ul>
 *   <li>{@code own} unparseable: the plurality answer of {@code C};</li>
 *   <li>{@code own} in {@code C}: {@code own};</li>
 *   <li>an answer of {@code C} backed by at least two visible steps and different from {@code own}: adopt it
 *       with probability {@code pFollow}, else {@code own};</li>
 *   <li>otherwise keep {@code own} with probability {@code pKeep}, else one of the candidates.</li>
 * </ul>
 * The answer is always one that some included step produced alone, so a workflow never beats the best of
 * its own steps: gains come only from choosing and combining real answers well.
 *
 * <p>The two probabilities are either <em>assumed</em> (the shipped {@code data/context-model.yaml}: the same for every
 * worker) or <em>measured</em> per worker by {@code baton context fit} from recorded reviews, which writes them under
 * {@code workers}; a worker the file does not list, or a rate it could not measure, takes the file's top-level value.
 * A replay step that sees exactly the peers a recorded review saw replays that review instead (see {@link ReplayWorker}).
 *
 * @param pFollow  probability of adopting an answer that at least two visible steps agree on
 * @param pKeep    probability of keeping one's own answer against a lone differing candidate
 * @param seed     mixed into every per-step seed
 * @param measured per-worker rates measured from recorded reviews; empty for an assumed model
 * @param source   where the model comes from, as reports name it: the file, or {@code data/context-model.yaml}
 */
public record ContextModel(double pFollow, double pKeep, long seed, Map<String, Rates> measured, String source) {

    /** The source of a model built in code rather than read from a file. */
    public static final String IN_CODE = "in code";

    public ContextModel {
        if (!probability(pFollow) || !probability(pKeep)) {
            throw new IllegalArgumentException("p_follow and p_keep must be probabilities in [0, 1], got "
                    + pFollow + " and " + pKeep);
        }
        measured = Map.copyOf(measured);
        Objects.requireNonNull(source, "source");
    }

    /** An assumed model: the same two probabilities for every worker. */
    public ContextModel(double pFollow, double pKeep, long seed) {
        this(pFollow, pKeep, seed, Map.of(), IN_CODE);
    }

    /**
     * One worker's rates as measured from its recorded reviews; a rate the reviews gave no occasion for is empty.
     *
     * @param pFollow how often it adopted an answer two or more of the peers it saw agreed on, other than its own
     * @param pKeep   how often it kept its own answer when the peers it saw differed from it and agreed on none
     * @param reviews the reviews the rates come from
     */
    public record Rates(OptionalDouble pFollow, OptionalDouble pKeep, int reviews) {
        public Rates {
            Objects.requireNonNull(pFollow, "pFollow");
            Objects.requireNonNull(pKeep, "pKeep");
            if (pFollow.isPresent() && !probability(pFollow.getAsDouble()) || pKeep.isPresent() && !probability(pKeep.getAsDouble())) {
                throw new IllegalArgumentException("p_follow and p_keep must be probabilities in [0, 1], got " + pFollow + " and " + pKeep);
            }
            if (reviews < 0) {
                throw new IllegalArgumentException("reviews must not be negative: " + reviews);
            }
        }
    }

    private static boolean probability(double p) {
        return p >= 0 && p <= 1;
    }

    /** Returns whether some worker's rates were measured rather than assumed. */
    public boolean isMeasured() {
        return !measured.isEmpty();
    }

    /** Returns this model with per-worker rates measured from recorded reviews. */
    public ContextModel withMeasured(Map<String, Rates> rates, String from) {
        return new ContextModel(pFollow, pKeep, seed, rates, from);
    }

    /**
     * Reads {@code p_follow}, {@code p_keep} and {@code seed} from YAML, and the per-worker rates {@code context fit}
     * writes under {@code workers}; missing keys take the defaults 0.8, 0.7, 0 and no measured worker.
     *
     * @throws ContextModelException naming the source and what is wrong with it
     */
    static ContextModel read(String source, Reader yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(ConfigYaml.factory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Settings settings = mapper.readValue(yaml, Settings.class);
            if (settings == null) {
                settings = new Settings();
            }
            Map<String, Rates> measured = new LinkedHashMap<>();
            for (Map.Entry<String, WorkerSettings> worker : settings.workers.entrySet()) {
                WorkerSettings rates = worker.getValue() == null ? new WorkerSettings() : worker.getValue();
                try {
                    measured.put(worker.getKey(), new Rates(optional(rates.p_follow), optional(rates.p_keep), rates.reviews));
                } catch (IllegalArgumentException e) {
                    throw new ContextModelException(source + ": workers." + worker.getKey() + ": " + e.getMessage());
                }
            }
            return new ContextModel(settings.p_follow, settings.p_keep, settings.seed, measured, source);
        } catch (UnrecognizedPropertyException e) {
            throw new ContextModelException(source + ": unknown setting '" + e.getPropertyName()
                    + "': the context model has p_follow, p_keep, seed and workers (per worker: p_follow, p_keep, reviews)");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ContextModelException(source + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // The record's own range check: a file's value out of range is the user's to fix.
            throw new ContextModelException(source + ": " + e.getMessage());
        }
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static final class Settings {
        public double p_follow = 0.8;
        public double p_keep = 0.7;
        public long seed = 0;
        public Map<String, WorkerSettings> workers = Map.of();
    }

    private static final class WorkerSettings {
        public Double p_follow;
        public Double p_keep;
        public int reviews;
    }

    /**
     * Returns the model as printed under every table: whether its rates are assumed or measured, and from which file.
     */
    public String describe() {
        if (!isMeasured()) {
            return "context model: assumed (" + source + "): p_follow=" + pFollow + ", p_keep=" + pKeep + ", seed=" + seed;
        }
        return "context model: measured (" + source + "): per-worker rates of " + measured.size() + " workers from "
                + measured.values().stream().mapToInt(Rates::reviews).sum() + " recorded reviews; assumed p_follow=" + pFollow
                + ", p_keep=" + pKeep + " where none was measured, seed=" + seed;
    }

    /**
     * Returns the model as a file {@link #read} reads back: the top-level rates, then each measured worker's, after
     * {@code header} as comment lines.
     */
    public String toYaml(String header) {
        StringBuilder yaml = new StringBuilder();
        header.lines().forEach(line -> yaml.append("# ").append(line).append('\n'));
        yaml.append("p_follow: ").append(pFollow).append('\n')
                .append("p_keep: ").append(pKeep).append('\n')
                .append("seed: ").append(seed).append('\n');
        if (!measured.isEmpty()) {
            yaml.append("workers:\n");
            measured.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(worker -> {
                // Quoted, as JSON strings are valid YAML: a model id may hold ':' or '#'.
                yaml.append("  \"").append(worker.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\": {");
                Rates rates = worker.getValue();
                rates.pFollow().ifPresent(p -> yaml.append("p_follow: ").append(p).append(", "));
                rates.pKeep().ifPresent(p -> yaml.append("p_keep: ").append(p).append(", "));
                yaml.append("reviews: ").append(rates.reviews()).append("}\n");
            });
        }
        return yaml.toString();
    }

    /** Returns the probability that {@code worker} adopts an answer two visible steps agree on. */
    public double pFollow(String worker) {
        Rates rates = measured.get(worker);
        return rates == null ? pFollow : rates.pFollow().orElse(pFollow);
    }

    /** Returns the probability that {@code worker} keeps its own answer against lone differing candidates. */
    public double pKeep(String worker) {
        Rates rates = measured.get(worker);
        return rates == null ? pKeep : rates.pKeep().orElse(pKeep);
    }

    /** As {@link #choose(String, Optional, List, BiPredicate, SplittableRandom)} with the model's top-level rates. */
    public <A> int choose(Optional<A> own, List<A> candidates, BiPredicate<A, A> same, SplittableRandom random) {
        return choose(pFollow, pKeep, own, candidates, same, random);
    }

    /**
     * Picks the index of the answer to give: {@code -1} for one's own, otherwise an index into {@code candidates}.
     *
     * @param own        the step's own answer, empty when its recorded reply is unparseable
     * @param candidates answers extracted from the visible replies, in step order
     * @param same       answer equivalence for the task's answer type
     * @param worker     whose rates apply: its measured ones where it has them
     * @param random     seeded per (task, workflow, step)
     */
    public <A> int choose(String worker, Optional<A> own, List<A> candidates, BiPredicate<A, A> same, SplittableRandom random) {
        return choose(pFollow(worker), pKeep(worker), own, candidates, same, random);
    }

    private static <A> int choose(double pFollow, double pKeep, Optional<A> own, List<A> candidates, BiPredicate<A, A> same,
                                  SplittableRandom random) {
        if (candidates.isEmpty()) {
            return -1;
        }
        int[] support = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            for (A other : candidates) {
                if (same.test(candidates.get(i), other)) {
                    support[i]++;
                }
            }
        }
        if (own.isEmpty()) {
            return mostSupported(support, i -> true);
        }
        A mine = own.get();
        if (candidates.stream().anyMatch(c -> same.test(mine, c))) {
            return -1;
        }
        int backed = mostSupported(support, i -> support[i] >= 2);
        if (backed >= 0) {
            return random.nextDouble() < pFollow ? backed : -1;
        }
        return random.nextDouble() < pKeep ? -1 : random.nextInt(candidates.size());
    }

    /** Returns the index with the most support among those allowed (the earliest on ties), or -1. */
    private static int mostSupported(int[] support, java.util.function.IntPredicate allowed) {
        int best = -1;
        for (int i = 0; i < support.length; i++) {
            if (allowed.test(i) && (best < 0 || support[i] > support[best])) {
                best = i;
            }
        }
        return best;
    }
}
