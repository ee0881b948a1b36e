package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.offline.Benchmarks;
import dev.baton.offline.ContextFit;
import dev.baton.offline.ContextModel;
import dev.baton.offline.OfflineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record with reviews, then {@code context fit}, on a pool whose behaviour is scripted ({@link ScriptedPool}): the fitted
 * rates are the scripted ones, within 0.05, so a measured context model measures what the workers do.
 */
class ScriptedPoolFitTest {

    private static final Map<String, String> ENV = Map.of(LoopbackPoolFile.KEY_VARIABLE, "sk-scripted");

    @TempDir
    Path dir;

    @Test
    void theFittedRatesAreTheScriptedOnes() throws Exception {
        ScriptedQuestions questions = ScriptedQuestions.generate(600, 7);
        ScriptedWorker.Checker checker = new ScriptedWorker.Checker("checker", 0.3, 1, ScriptedQuestions.CARRY,
                new ScriptedWorker.Quota(0.7));
        ScriptedWorker.Follower follower = new ScriptedWorker.Follower("follower", 0.55, 0.5, new ScriptedWorker.Quota(0.9),
                new ScriptedWorker.Quota(0.8));
        Path recording = dir.resolve("scripted.jsonl");
        try (ScriptedPool pool = ScriptedPool.start(questions, List.of(new ScriptedWorker.Solver("strong", 0.8, 20),
                new ScriptedWorker.Solver("cheap", 0.6, 0.5), checker, follower))) {
            CliRun record = CliRun.withEnv(ENV, "record", "--pool", pool.poolFile(dir).toString(), "--bench",
                    questions.write(dir.resolve("questions"), "scripted").toString(), "--out", recording.toString(), "--reviews", "2",
                    "--store", dir.resolve("baton.db").toString(), "--quiet");
            assertThat(record.exitCode()).as(record.err()).isZero();
            assertThat(record.out()).as(record.out()).contains("4800 answered", " 0 failed, 0 skipped");
        }
        Path modelFile = dir.resolve("fitted.yaml");
        CliRun fit = CliRun.of("context", "fit", recording.toString(), "--out", modelFile.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.out()).as(fit.out()).contains("p_correct in carry", "p_correct in times", "p_keep_right in times", "p_follow in carry");

        ContextModel.Rates checking = OfflineConfig.contextModel(modelFile).measured().get("checker");
        ContextFit.WorkerFit checks = ContextFit.of(Benchmarks.load(recording.toString(), Optional.empty()), recording.toString())
                .workers().stream().filter(w -> w.worker().equals("checker")).findFirst().orElseThrow();
        assertThat(checks.byCategory().get(ScriptedQuestions.CARRY).counts().get(ContextFit.Behaviour.CORRECTS).occasions())
                .isGreaterThanOrEqualTo(20);
        assertThat(checking.byCategory()).containsOnlyKeys(ScriptedQuestions.CARRY, ScriptedQuestions.TIMES);
        ContextModel.Rates carry = checking.byCategory().get(ScriptedQuestions.CARRY);
        ContextModel.Rates times = checking.byCategory().get(ScriptedQuestions.TIMES);
        assertThat(carry.pCorrect().orElseThrow()).isCloseTo(0.7, within(0.05));
        assertThat(times.pCorrect().orElseThrow()).isCloseTo(0.0, within(0.05));
        // On carry questions it keeps its own right answer; on times ones it defers to the first other answer it sees.
        assertThat(checks.byCategory().get(ScriptedQuestions.TIMES).keepRight().occasions()).isGreaterThanOrEqualTo(20);
        assertThat(carry.pKeepRight().orElseThrow()).isCloseTo(1.0, within(0.05));
        assertThat(times.pKeepRight().orElseThrow()).isCloseTo(0.0, within(0.05));
        assertThat(checking.pKeepRight().orElseThrow()).as("pooled, neither").isBetween(0.1, 0.9);

        ContextFit measured = ContextFit.of(Benchmarks.load(recording.toString(), Optional.empty()), recording.toString());
        ContextFit.WorkerFit following = measured.workers().stream().filter(w -> w.worker().equals("follower")).findFirst().orElseThrow();
        assertThat(occasions(following, ContextFit.Behaviour.ADOPTS_AGREED_WRONG)).isGreaterThanOrEqualTo(20);
        assertThat(rate(following, ContextFit.Behaviour.ADOPTS_AGREED_WRONG)).isCloseTo(0.8, within(0.05));
        assertThat(rate(following, ContextFit.Behaviour.ADOPTS_AGREED_RIGHT)).isCloseTo(0.9, within(0.05));
        for (ContextFit.WorkerFit solver : measured.workers().stream().filter(w -> w.worker().matches("strong|cheap")).toList()) {
            assertThat(solver.keep().rate().getAsDouble()).as(solver.worker() + " keeps its own").isEqualTo(1.0);
            assertThat(solver.follow().rate().getAsDouble()).as(solver.worker() + " follows nobody").isEqualTo(0.0);
        }
        assertThat(checker.fixes().rate()).isEqualTo(0.7);
    }

    private static int occasions(ContextFit.WorkerFit fit, ContextFit.Behaviour behaviour) {
        return fit.counts().get(behaviour).occasions();
    }

    private static double rate(ContextFit.WorkerFit fit, ContextFit.Behaviour behaviour) {
        return fit.counts().get(behaviour).rate().orElseThrow();
    }
}
