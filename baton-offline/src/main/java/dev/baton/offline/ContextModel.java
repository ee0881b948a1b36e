package dev.baton.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
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
 * @param pFollow probability of adopting an answer that at least two visible steps agree on
 * @param pKeep   probability of keeping one's own answer against a lone differing candidate
 * @param seed    mixed into every per-step seed
 */
public record ContextModel(double pFollow, double pKeep, long seed) {

    public ContextModel {
        if (!(pFollow >= 0 && pFollow <= 1) || !(pKeep >= 0 && pKeep <= 1)) {
            throw new IllegalArgumentException("p_follow and p_keep must be probabilities in [0, 1], got "
                    + pFollow + " and " + pKeep);
        }
    }

    /**
     * Reads {@code p_follow}, {@code p_keep} and {@code seed} from YAML; missing keys take the defaults 0.8, 0.7, 0.
     *
     * @throws ContextModelException naming the source and what is wrong with it
     */
    static ContextModel read(String source, Reader yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(ConfigYaml.factory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Settings settings = mapper.readValue(yaml, Settings.class);
            return new ContextModel(settings.p_follow, settings.p_keep, settings.seed);
        } catch (UnrecognizedPropertyException e) {
            throw new ContextModelException(source + ": unknown setting '" + e.getPropertyName()
                    + "': the context model has p_follow, p_keep and seed");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ContextModelException(source + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // The record's own range check: a file's value out of range is the user's to fix.
            throw new ContextModelException(source + ": " + e.getMessage());
        }
    }

    private static final class Settings {
        public double p_follow = 0.8;
        public double p_keep = 0.7;
        public long seed = 0;
    }

    /** Returns the settings as printed in reports. */
    public String describe() {
        return "context model: p_follow=" + pFollow + ", p_keep=" + pKeep + ", seed=" + seed;
    }

    /**
     * Picks the index of the answer to give: {@code -1} for one's own, otherwise an index into {@code candidates}.
     *
     * @param own        the step's own answer, empty when its recorded reply is unparseable
     * @param candidates answers extracted from the visible replies, in step order
     * @param same       answer equivalence for the task's answer type
     * @param random     seeded per (task, workflow, step)
     */
    public <A> int choose(Optional<A> own, List<A> candidates, BiPredicate<A, A> same, SplittableRandom random) {
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
