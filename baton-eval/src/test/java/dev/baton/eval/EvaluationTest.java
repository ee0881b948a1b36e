package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.RetryPolicy;
import dev.baton.pool.UnknownWorkerException;
import dev.baton.task.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final Evaluation evaluation = EvalFixtures.evaluation();

    @Test
    void soloAllGivesOneRowPerWorkerWithItsAccuracy() {
        Map<String, EvalRow> rows = byName(evaluation.evaluate(Split.ALL, List.of("solo:all")));

        assertThat(rows.keySet()).containsExactly("solo:weak", "solo:medium", "solo:strong");
        assertThat(rows.get("solo:strong").accuracy()).isEqualTo(90.0);
        assertThat(rows.get("solo:medium").accuracy()).isEqualTo(60.0);
        assertThat(rows.get("solo:weak").accuracy()).isEqualTo(30.0);
        assertThat(rows.get("solo:weak").meanCalls()).isEqualTo(1.0);
        assertThat(rows.get("solo:weak").n()).isEqualTo(200);
        assertThat(rows.get("solo:strong").ciLow()).isLessThan(90.0);
        assertThat(rows.get("solo:strong").ciHigh()).isGreaterThan(90.0);
        assertThat(rows.get("solo:strong").meanCostUsd()).isGreaterThan(rows.get("solo:weak").meanCostUsd());
    }

    @Test
    void bestSoloIsChosenOnTrain() {
        assertThat(evaluation.ranking().best()).isEqualTo("strong");
        assertThat(evaluation.ranking().top(2)).containsExactly("strong", "medium");
        EvalRow row = evaluation.evaluate(Split.TEST, List.of("best-solo")).rows().getFirst();
        assertThat(row.conductor()).isEqualTo("best-solo (strong)");
    }

    @Test
    void bestCascadeIsChosenOnTrainAndRunsAsTheSameExplicitCascade() {
        CascadeSearch.Choice chosen = evaluation.bestCascade().orElseThrow();
        String explicit = "cascade:" + String.join(",", chosen.workers());

        Map<String, EvalRow> test = byName(evaluation.evaluate(Split.TEST, List.of("best-cascade", explicit)));
        EvalRow best = test.get("best-cascade (" + String.join(",", chosen.workers()) + ")");
        assertThat(best.accuracy()).isEqualTo(test.get(explicit).accuracy());
        assertThat(best.meanCostUsd()).isEqualTo(test.get(explicit).meanCostUsd());
        // The search's replay of solo answers on train is what running the cascade on train gives.
        EvalRow onTrain = evaluation.evaluate(Split.TRAIN, List.of(explicit)).rows().getFirst();
        assertThat(onTrain.accuracy()).isCloseTo(chosen.accuracy(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onTrain.meanCostUsd()).isCloseTo(chosen.meanCostUsd(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aCascadeNeedsTwoDifferentWorkers() {
        assertThatThrownBy(() -> evaluation.conductors(List.of("cascade:strong")))
                .isInstanceOf(ConductorSpecException.class).hasMessageContaining("at least 2 different workers");
        assertThatThrownBy(() -> evaluation.conductors(List.of("cascade:strong,strong")))
                .isInstanceOf(ConductorSpecException.class);
        assertThatThrownBy(() -> evaluation.conductors(List.of("best-cascade:strong")))
                .isInstanceOf(ConductorSpecException.class);
    }

    @Test
    void oracleReachesTheCeiling() {
        EvalRow row = evaluation.evaluate(Split.ALL, List.of("oracle")).rows().getFirst();
        assertThat(row.accuracy()).isEqualTo(90.0); // strong's 90% covers everything the others get
    }

    @Test
    void voteAndMoaMakeSeveralCalls() {
        Map<String, EvalRow> rows = byName(evaluation.evaluate(Split.ALL, List.of("vote:top3", "vote:weak,strong", "moa:top2")));

        assertThat(rows.get("vote:top3").meanCalls()).isEqualTo(3.0);
        assertThat(rows.get("vote:weak,strong").meanCalls()).isEqualTo(2.0);
        assertThat(rows.get("moa:top2").meanCalls()).isEqualTo(3.0);
        assertThat(rows.get("moa:top2").meanTokens()).isGreaterThan(rows.get("vote:weak,strong").meanTokens());
        assertThat(rows.get("vote:top3").workerCalls()).containsEntry("strong", 200);
    }

    @Test
    void anLmConductorWhoseModelWritesNoWorkflowFallsBackToTheFirstWorker() {
        EvalRow row = evaluation.evaluate(Split.ALL, List.of("lm:strong")).rows().getFirst();

        assertThat(row.conductor()).isEqualTo("lm:strong");
        // A recorded answer is no workflow, so "weak" (Model 0) answers every task alone in the first round. (A replay
        // worker may echo the workflow it was shown as its own turn, so later rounds can ask "weak" again.)
        assertThat(row.workerCalls().keySet()).containsExactly("weak");
        assertThat(row.workerCalls().get("weak")).isGreaterThanOrEqualTo(200);
    }

    @Test
    void badSpecsFailBeforeAnythingRuns() {
        assertThatThrownBy(() -> evaluation.evaluate(Split.TEST, List.of("solo:all", "majority")))
                .isInstanceOf(ConductorSpecException.class)
                .hasMessageContaining("unknown conductor 'majority'")
                .hasMessageContaining("vote:top<k>");
        assertThatThrownBy(() -> evaluation.conductors(List.of("solo:gpt-7")))
                .isInstanceOf(UnknownWorkerException.class)
                .hasMessageContaining("the pool has weak, medium, strong");
        assertThatThrownBy(() -> evaluation.conductors(List.of("moa:top4")))
                .hasMessageContaining("k must be between 1 and the pool's 3 workers");
        assertThatThrownBy(() -> evaluation.conductors(List.of("solo:")))
                .isInstanceOf(ConductorSpecException.class);
        assertThatThrownBy(() -> evaluation.conductors(List.of("random:3")))
                .isInstanceOf(ConductorSpecException.class);
        assertThatThrownBy(() -> evaluation.conductors(List.of("lm:")))
                .isInstanceOf(ConductorSpecException.class);
        assertThatThrownBy(() -> evaluation.conductors(List.of("lm:gpt-7")))
                .isInstanceOf(UnknownWorkerException.class);
    }

    @Test
    void reportJsonHasTheDocumentedFields() {
        EvalReport report = evaluation.evaluate(Split.TEST, List.of("solo:strong"));
        var json = ReportJson.toTree(report);

        assertThat(json.get("benchmark").asText()).isEqualTo("toy");
        assertThat(json.get("split").asText()).isEqualTo("test");
        var row = json.get("rows").get(0);
        assertThat(row.fieldNames()).toIterable().contains("conductor", "accuracy", "ci_low", "ci_high", "mean_calls",
                "mean_cost_usd", "mean_tokens", "n");
        assertThat(row.get("n").asInt()).isEqualTo(Split.TEST.select("toy", EvalFixtures.benchmark().tasks()).size());
    }

    @Test
    void tableShowsEveryRowAndTheNotes() {
        String table = ReportTable.render(evaluation.evaluate(Split.TEST, List.of("solo:all")));
        assertThat(table).contains("| conductor", "solo:weak", "solo:strong", "- toy");
    }

    @Test
    void aLivePoolRanksInItsListedOrderAndAsksNoTrainQuestion() {
        CountingCalls calls = new CountingCalls(worker -> false);
        Evaluation live = live(calls).withListedRanking();
        int test = live.tasks(Split.TEST).size();

        EvalRow row = live.evaluate(Split.TEST, List.of("best-solo")).rows().getFirst();

        assertThat(row.conductor()).isEqualTo("best-solo (weak)"); // listed first, though the weakest
        assertThat(calls.count()).isEqualTo(test);
        assertThatThrownBy(() -> live.evaluate(Split.TEST, List.of("best-cascade")))
                .isInstanceOf(ConductorSpecException.class).hasMessageContaining("cascade:<w1,w2,w3>");
        assertThat(calls.count()).isEqualTo(test);
    }

    @Test
    void aLivePoolRanksFromARecordingOfItWithoutAskingIt() {
        CountingCalls calls = new CountingCalls(worker -> false);
        Evaluation live = live(calls).withRankingFrom(EvalFixtures.evaluation());

        assertThat(live.evaluate(Split.TEST, List.of("best-solo")).rows().getFirst().conductor()).isEqualTo("best-solo (strong)");
        assertThat(live.withWorkers(List.of("weak", "medium")).evaluate(Split.TEST, List.of("vote:top2")).rows().getFirst()
                .workerCalls()).containsOnlyKeys("weak", "medium");
        assertThat(live.bestCascade()).isEqualTo(EvalFixtures.evaluation().bestCascade());
        assertThat(calls.count()).isEqualTo(3L * live.tasks(Split.TEST).size());
    }

    @Test
    void aLivePoolCountsTheQuestionsWhoseCallFailedAndAnOfflinePoolDoesNot() {
        Evaluation live = live(new CountingCalls(worker -> worker.equals("medium"))).withListedRanking();
        int test = live.tasks(Split.TEST).size();

        Map<String, EvalRow> rows = byName(live.evaluate(Split.TEST, List.of("solo:all", "vote:weak,medium")));

        assertThat(rows.get("solo:medium").failed()).isEqualTo(test);
        assertThat(rows.get("solo:medium").accuracy()).isZero();
        assertThat(rows.get("vote:weak,medium").failed()).isEqualTo(test);
        assertThat(rows.get("solo:weak").failed()).isZero();
        EvalRow offline = new Evaluation("toy", EvalFixtures.benchmark().tasks(), EvalFixtures.pool(),
                Executor.builder().retry(RetryPolicy.none()).addInterceptor(new CountingCalls(worker -> worker.equals("medium")))
                        .build(), "replay", Optional.of(dev.baton.offline.ReplayPool.hindsight(EvalFixtures.pool())), List.of(), ProgressListener.SILENT)
                .evaluate(Split.TEST, List.of("solo:medium")).rows().getFirst();
        assertThat(offline.failed()).as("an offline pool's gaps are part of its recording").isZero();
    }

    /** The toy pool as a live pool: no answer key, and every call counted (and failed, for some workers). */
    private static Evaluation live(CountingCalls calls) {
        return new Evaluation("toy", EvalFixtures.benchmark().tasks(), EvalFixtures.pool(),
                Executor.builder().retry(RetryPolicy.none()).addInterceptor(calls).build(), "pool.yaml", Optional.empty(),
                List.of(), ProgressListener.SILENT);
    }

    /** Counts the calls that reach the workers, and fails those to the workers {@code down} names. */
    private record CountingCalls(Predicate<String> down, AtomicLong calls) implements Interceptor {

        CountingCalls(Predicate<String> down) {
            this(down, new AtomicLong());
        }

        @Override
        public CallResult intercept(Chain chain) {
            calls.incrementAndGet();
            return down.test(chain.worker().id()) ? new CallResult.Failed("down", true, 1) : chain.proceed(chain.request());
        }

        long count() {
            return calls.get();
        }
    }

    private static Map<String, EvalRow> byName(EvalReport report) {
        return report.rows().stream().collect(Collectors.toMap(EvalRow::conductor, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
