package dev.baton.offline;

import static dev.baton.offline.ContextFit.Behaviour.CORRECTS;
import static dev.baton.offline.ContextFit.Behaviour.ADOPTS_AGREED_RIGHT;
import static dev.baton.offline.ContextFit.Behaviour.ADOPTS_AGREED_WRONG;
import static dev.baton.offline.ContextFit.Behaviour.ADOPTS_SPLIT_RIGHT;
import static dev.baton.offline.ContextFit.Behaviour.ADOPTS_SPLIT_WRONG;
import static dev.baton.offline.ContextFit.Behaviour.KEEPS_OWN_RIGHT;
import static dev.baton.offline.ContextFit.Behaviour.KEEPS_OWN_WRONG;
import static dev.baton.offline.ContextFit.Behaviour.NEW_RIGHT;
import static dev.baton.offline.ContextFit.Behaviour.NEW_WRONG;
import static dev.baton.offline.ContextFit.Behaviour.NO_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.offline.ContextFit.Behaviour;
import dev.baton.offline.ContextFit.Proportion;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ContextFitTest {

    private final ContextFit fit = ContextFit.of(ReviewedBenchmark.read(), "reviewed.jsonl");

    @Test
    void countsEachWorkersBehaviourOutOfItsOccasions() {
        assertThat(fit.workers()).extracting(ContextFit.WorkerFit::worker).containsExactly("a", "c", "b");
        assertThat(worker("a").reviews()).isEqualTo(4);
        assertThat(worker("a").counts()).isEqualTo(counts(1, 2, 1, 2, 0, 0, 1, 1, 0, 1, 0, 3, 1, 4, 0, 4, 0, 4, 1, 1));
        assertThat(worker("b").counts()).isEqualTo(counts(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 2, 0, 2, 0, 1));
        assertThat(worker("c").counts()).isEqualTo(counts(0, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 2, 1, 2, 0, 1));
    }

    @Test
    void theReplayRatesAreFollowingAnAgreedAnswerAndKeepingOnesOwnAgainstASplit() {
        assertThat(worker("a").follow()).isEqualTo(new Proportion(1, 1));
        assertThat(worker("a").keep()).isEqualTo(new Proportion(2, 3));
        assertThat(worker("b").follow()).isEqualTo(new Proportion(0, 0));
        // b's one split it was right and gave up (q3); its one chance to correct it stayed wrong (q2, where it saw c's 30).
        assertThat(worker("b").rates()).isEqualTo(new ContextModel.Rates(OptionalDouble.empty(), OptionalDouble.of(0), OptionalDouble.of(0),
                OptionalDouble.empty(), OptionalDouble.of(0), Map.of(), 2));
        // a corrected on q4, where it (40) and both peers (50, 60) were wrong.
        assertThat(worker("a").counts().get(CORRECTS)).isEqualTo(new Proportion(1, 1));
    }

    @Test
    void eachCategorysReviewsAreFittedOnTheirOwnAndTogetherMakeThePooledFit() {
        ContextFit.WorkerFit a = ContextFit.of(ReviewedBenchmark.readInCategories(), "reviewed.jsonl").workers().getFirst();
        OptionalDouble none = OptionalDouble.empty();

        assertThat(a.worker()).isEqualTo("a");
        assertThat(a.byCategory()).containsOnlyKeys("x", "y");
        assertThat(a.byCategory().get("x").reviews() + a.byCategory().get("y").reviews()).isEqualTo(a.reviews());
        // x (q1, q2): a was right both times; it kept its right 10 against c's lone 20 and adopted b and c's agreed 30.
        assertThat(a.rates().byCategory().get("x")).isEqualTo(new ContextModel.Rates(OptionalDouble.of(1), OptionalDouble.of(1),
                OptionalDouble.of(1), none, none, Map.of(), 2));
        // y (q3, q4): wrong both times; kept its 40 once, then, with b and c wrong too, corrected to 10.
        assertThat(a.rates().byCategory().get("y")).isEqualTo(new ContextModel.Rates(none, OptionalDouble.of(0.5), none,
                OptionalDouble.of(0.5), OptionalDouble.of(1), Map.of(), 2));
        assertThat(a.rates().in(java.util.Optional.of("y")).pFollow()).as("y never had an agreed answer: the pooled rate")
                .isEqualTo(OptionalDouble.of(1));
    }

    @Test
    void theModelTakesTheMeasuredRatesAndTheAssumedOnesWhereNothingWasMeasured() {
        ContextModel model = fit.model(new ContextModel(0.8, 0.7, 3), "fitted.yaml");

        assertThat(model.pKeep("a")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(model.pFollow("b")).isEqualTo(0.8);
        assertThat(model.pKeep("b")).isEqualTo(0.0);
        assertThat(model.pFollow("nobody")).isEqualTo(0.8);
        assertThat(model.seed()).isEqualTo(3);
        assertThat(model.describe()).isEqualTo("context model: measured (fitted.yaml): per-worker rates of 3 workers from 8 recorded "
                + "reviews; assumed p_follow=0.8, p_keep=0.7 where none was measured, seed=3");
    }

    @Test
    void wilsonIntervalsMatchTheTextbookFigures() {
        // Wilson 95% for 2 of 3: 0.2077 to 0.9385; for 0 of 4: 0 to 0.4899.
        assertThat(new Proportion(2, 3).low()).isCloseTo(0.2077, within(1e-4));
        assertThat(new Proportion(2, 3).high()).isCloseTo(0.9385, within(1e-4));
        assertThat(new Proportion(0, 4).low()).isCloseTo(0, within(1e-9));
        assertThat(new Proportion(0, 4).high()).isCloseTo(0.4899, within(1e-4));
    }

    private ContextFit.WorkerFit worker(String id) {
        return fit.workers().stream().filter(w -> w.worker().equals(id)).findFirst().orElseThrow();
    }

    /** Counts and occasions, in {@link Behaviour}'s order. */
    private static Map<Behaviour, Proportion> counts(int... countThenOccasions) {
        Map<Behaviour, Proportion> counts = new EnumMap<>(Behaviour.class);
        Behaviour[] all = {KEEPS_OWN_RIGHT, KEEPS_OWN_WRONG, ADOPTS_AGREED_RIGHT, ADOPTS_AGREED_WRONG, ADOPTS_SPLIT_RIGHT,
            ADOPTS_SPLIT_WRONG, NEW_RIGHT, NEW_WRONG, NO_ANSWER, CORRECTS};
        for (int i = 0; i < all.length; i++) {
            counts.put(all[i], new Proportion(countThenOccasions[2 * i], countThenOccasions[2 * i + 1]));
        }
        return counts;
    }
}
