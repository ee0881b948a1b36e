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
import java.util.function.Predicate;

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
 * Under an assumed model the answer is always one that some included step produced alone, so a workflow never beats
 * the best of its own steps: gains come only from choosing and combining real answers well. A worker measured to correct
 * ({@code p_correct}, see {@link Rates}) may give the right answer when its own and every visible one are wrong; where
 * measured, keeping one's own answer is split by whether it is right.
 *
 * <p>The two probabilities are either <em>assumed</em> (the shipped {@code data/context-model.yaml}: the same for every
 * worker) or <em>measured</em> per worker by {@code baton context fit} from recorded reviews, which writes them under
 * {@code workers}, and per question category under each worker's {@code by_category} where tasks carry one; a rate
 * not measured in a category takes the worker's pooled one, and a worker the file does not list, or a rate it could not
 * measure, takes the file's top-level value. A replay step that sees exactly the peers a recorded review saw replays
 * that review instead (see {@link ReplayWorker}).
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
     * <p>The last three need the gold answer, which a replay pool has: whether one's own answer is right splits
     * {@code pKeep}, and {@code pCorrect} is the one way a step gives an answer no step it saw gave (a checker working out
     * the right answer where it and all it saw were wrong). Without them the model is the older one, drawing the same.
     *
     * @param pFollow    how often it adopted an answer two or more of the peers it saw agreed on, other than its own
     * @param pKeep      how often it kept its own answer when the peers it saw differed from it and agreed on none
     * @param pKeepRight {@code pKeep} on the occasions its own answer was right
     * @param pKeepWrong {@code pKeep} on the occasions its own answer was wrong
     * @param pCorrect   how often it gave the right answer when it and every peer it saw were wrong
     * @param byCategory the same rates measured on the questions of one category (a subject), where tasks carry one;
     *                   each has no categories of its own
     * @param reviews    the reviews the rates come from
     */
    public record Rates(OptionalDouble pFollow, OptionalDouble pKeep, OptionalDouble pKeepRight, OptionalDouble pKeepWrong,
                        OptionalDouble pCorrect, Map<String, Rates> byCategory, int reviews) {
        public Rates {
            Map<String, OptionalDouble> named = new LinkedHashMap<>();
            named.put("p_follow", Objects.requireNonNull(pFollow, "pFollow"));
            named.put("p_keep", Objects.requireNonNull(pKeep, "pKeep"));
            named.put("p_keep_right", Objects.requireNonNull(pKeepRight, "pKeepRight"));
            named.put("p_keep_wrong", Objects.requireNonNull(pKeepWrong, "pKeepWrong"));
            named.put("p_correct", Objects.requireNonNull(pCorrect, "pCorrect"));
            named.forEach((name, p) -> {
                if (p.isPresent() && !probability(p.getAsDouble())) {
                    throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p.getAsDouble());
                }
            });
            byCategory.forEach((category, rates) -> {
                if (!rates.byCategory().isEmpty()) {
                    throw new IllegalArgumentException("by_category." + category + " has categories of its own");
                }
            });
            byCategory = Map.copyOf(byCategory);
            if (reviews < 0) {
                throw new IllegalArgumentException("reviews must not be negative: " + reviews);
            }
        }

        /** The rates an older fit measured: following and keeping, not split by right and wrong, and no correcting. */
        public Rates(OptionalDouble pFollow, OptionalDouble pKeep, int reviews) {
            this(pFollow, pKeep, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Map.of(), reviews);
        }

        /**
         * Returns the rates that apply to a question of {@code category}: each the category's where it was measured, else
         * the worker's pooled one. A worker may check one kind of question and merely defer on another; pooled, its
         * rates would make checking look worth a call on both.
         */
        public Rates in(Optional<String> category) {
            Rates own = category.map(byCategory::get).orElse(null);
            if (own == null) {
                return byCategory.isEmpty() ? this : new Rates(pFollow, pKeep, pKeepRight, pKeepWrong, pCorrect, Map.of(), reviews);
            }
            return new Rates(or(own.pFollow, pFollow), or(own.pKeep, pKeep), or(own.pKeepRight, pKeepRight),
                    or(own.pKeepWrong, pKeepWrong), or(own.pCorrect, pCorrect), Map.of(), own.reviews);
        }

        private static OptionalDouble or(OptionalDouble first, OptionalDouble then) {
            return first.isPresent() ? first : then;
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
                    Map<String, Rates> byCategory = new LinkedHashMap<>();
                    rates.by_category.forEach((category, in) -> {
                        try {
                            byCategory.put(category, (in == null ? new WorkerSettings() : in).rates(Map.of()));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("by_category." + category + ": " + e.getMessage(), e);
                        }
                    });
                    measured.put(worker.getKey(), rates.rates(byCategory));
                } catch (IllegalArgumentException e) {
                    throw new ContextModelException(source + ": workers." + worker.getKey() + ": " + e.getMessage());
                }
            }
            return new ContextModel(settings.p_follow, settings.p_keep, settings.seed, measured, source);
        } catch (UnrecognizedPropertyException e) {
            throw new ContextModelException(source + ": unknown setting '" + e.getPropertyName()
                    + "': the context model has p_follow, p_keep, seed and workers (per worker: p_follow, p_keep, p_keep_right, "
                    + "p_keep_wrong, p_correct, reviews, and the same by_category)");
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
        public Double p_keep_right;
        public Double p_keep_wrong;
        public Double p_correct;
        public Map<String, WorkerSettings> by_category = Map.of();
        public int reviews;

        Rates rates(Map<String, Rates> byCategory) {
            return new Rates(optional(p_follow), optional(p_keep), optional(p_keep_right), optional(p_keep_wrong),
                    optional(p_correct), byCategory, reviews);
        }
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
                yaml.append("  ").append(quoted(worker.getKey())).append(": {");
                Rates rates = worker.getValue();
                appendRates(yaml, rates);
                if (!rates.byCategory().isEmpty()) {
                    yaml.append("by_category: {");
                    yaml.append(String.join(", ", rates.byCategory().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(in -> {
                                StringBuilder category = new StringBuilder(quoted(in.getKey())).append(": {");
                                appendRates(category, in.getValue());
                                return category.append("reviews: ").append(in.getValue().reviews()).append('}').toString();
                            }).toList()));
                    yaml.append("}, ");
                }
                yaml.append("reviews: ").append(rates.reviews()).append("}\n");
            });
        }
        return yaml.toString();
    }

    private static void appendRates(StringBuilder yaml, Rates rates) {
        rates.pFollow().ifPresent(p -> yaml.append("p_follow: ").append(p).append(", "));
        rates.pKeep().ifPresent(p -> yaml.append("p_keep: ").append(p).append(", "));
        rates.pKeepRight().ifPresent(p -> yaml.append("p_keep_right: ").append(p).append(", "));
        rates.pKeepWrong().ifPresent(p -> yaml.append("p_keep_wrong: ").append(p).append(", "));
        rates.pCorrect().ifPresent(p -> yaml.append("p_correct: ").append(p).append(", "));
    }

    /** Quoted, as JSON strings are valid YAML: a model id or a category may hold ':' or '#'. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
        return index(choose(pFollow, pKeep, pKeep, OptionalDouble.empty(), own, candidates, same, a -> false, random));
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
        return index(choose(pFollow(worker), pKeep(worker), pKeep(worker), OptionalDouble.empty(), own, candidates, same, a -> false,
                random));
    }

    /**
     * Decides what {@code worker} gives having seen {@code candidates}, knowing which answers are right (a replay pool
     * knows the gold answer). Its measured rates split keeping by whether its own answer is right, and, where measured,
     * let it give the right answer none of them gave ({@code p_correct}). Every rate is that of the question's
     * {@code category} where one was measured there, else the worker's pooled one, else the model's top-level one. A
     * worker with none of these draws exactly as {@link #choose(String, Optional, List, BiPredicate, SplittableRandom)}.
     *
     * @param right whether an answer is right
     */
    public <A> ContextChoice choose(String worker, Optional<String> category, Optional<A> own, List<A> candidates,
                                    BiPredicate<A, A> same, Predicate<A> right, SplittableRandom random) {
        Rates rates = measured.get(worker);
        if (rates == null) {
            return choose(pFollow, pKeep, pKeep, OptionalDouble.empty(), own, candidates, same, right, random);
        }
        Rates applying = rates.in(category);
        double keep = applying.pKeep().orElse(pKeep);
        return choose(applying.pFollow().orElse(pFollow), applying.pKeepRight().orElse(keep), applying.pKeepWrong().orElse(keep),
                applying.pCorrect(), own, candidates, same, right, random);
    }

    private static <A> ContextChoice choose(double pFollow, double pKeepRight, double pKeepWrong, OptionalDouble pCorrect,
                                            Optional<A> own, List<A> candidates, BiPredicate<A, A> same, Predicate<A> right,
                                            SplittableRandom random) {
        if (candidates.isEmpty()) {
            return new ContextChoice.Own();
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
            return new ContextChoice.Peer(mostSupported(support, i -> true));
        }
        A mine = own.get();
        boolean ownRight = right.test(mine);
        // Drawn only for a worker measured to correct, so every other draw stays where the older model put it; before
        // agreement with its own answer, as context fit counts a shared wrong answer as an occasion to correct.
        if (pCorrect.isPresent() && !ownRight && candidates.stream().noneMatch(right)
                && random.nextDouble() < pCorrect.getAsDouble()) {
            return new ContextChoice.Corrected();
        }
        if (candidates.stream().anyMatch(c -> same.test(mine, c))) {
            return new ContextChoice.Own();
        }
        int backed = mostSupported(support, i -> support[i] >= 2);
        if (backed >= 0) {
            return random.nextDouble() < pFollow ? new ContextChoice.Peer(backed) : new ContextChoice.Own();
        }
        return random.nextDouble() < (ownRight ? pKeepRight : pKeepWrong) ? new ContextChoice.Own()
                : new ContextChoice.Peer(random.nextInt(candidates.size()));
    }

    private static int index(ContextChoice choice) {
        return switch (choice) {
            case ContextChoice.Own own -> -1;
            case ContextChoice.Peer peer -> peer.index();
            case ContextChoice.Corrected corrected -> throw new IllegalStateException("no correction without a measured p_correct");
        };
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
