package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CascadeSearchTest {

    private static final List<Task> TASKS = List.of(
            Task.of("t1", "q1", "1", AnswerType.NUMBER),
            Task.of("t2", "q2", "2", AnswerType.NUMBER),
            Task.of("t3", "q3", "3", AnswerType.NUMBER),
            Task.of("t4", "q4", "4", AnswerType.NUMBER));

    /** strong is right on t1-t3 and dear; cheapA and cheapB agree on t1, t2 (right) and t4 (wrong), differ on t3. */
    private static final Map<String, List<TaskResult>> SOLO = Map.of(
            "strong", List.of(result("t1", "1", true, 1.0), result("t2", "2", true, 1.0), result("t3", "3", true, 1.0),
                    result("t4", "9", false, 1.0)),
            "cheapA", List.of(result("t1", "1", true, 0.1), result("t2", "2", true, 0.1), result("t3", "7", false, 0.1),
                    result("t4", "5", false, 0.1)),
            "cheapB", List.of(result("t1", "1.0", true, 0.1), result("t2", "2", true, 0.1), result("t3", "8", false, 0.1),
                    result("t4", "5", false, 0.1)));

    @Test
    void scoresACascadeFromTheWorkersSoloAnswers() {
        CascadeSearch.Choice choice = new CascadeSearch(TASKS, SOLO).score(List.of("cheapA", "cheapB", "strong"));

        // t1, t2: the cheap pair agrees (1 and 1.0 are one answer) and is right; t3: they differ, strong settles it
        // and is right; t4: they agree on a wrong answer and strong is never asked.
        assertThat(choice.accuracy()).isEqualTo(75.0);
        assertThat(choice.meanCostUsd()).isCloseTo((0.2 + 0.2 + 1.2 + 0.2) / 4, within(1e-12));
    }

    @Test
    void withoutAgreementTheLastWorkerAnswers() {
        CascadeSearch.Choice choice = new CascadeSearch(TASKS, SOLO).score(List.of("strong", "cheapA"));

        // Agreement on t1, t2 (right); on t3 and t4 the last worker, cheapA, answers wrongly.
        assertThat(choice.accuracy()).isEqualTo(50.0);
        assertThat(choice.meanCostUsd()).isCloseTo(1.1, within(1e-12));
    }

    @Test
    void theBestIsTheMostAccurateAndOnATieTheCheaper() {
        WorkerRanking ranking = WorkerRanking.byAccuracy(List.of(new WorkerRanking.Entry("strong", 75, 1.0),
                new WorkerRanking.Entry("cheapA", 50, 0.1), new WorkerRanking.Entry("cheapB", 50, 0.1)));

        Optional<CascadeSearch.Choice> best = new CascadeSearch(TASKS, SOLO).best(ranking);

        // 75% is the best any order reaches; the cheapest way to it asks the cheap pair first.
        assertThat(best).get().extracting(CascadeSearch.Choice::accuracy).isEqualTo(75.0);
        assertThat(best.get().workers()).hasSize(3).endsWith("strong");
        assertThat(best.get().meanCostUsd()).isCloseTo(0.45, within(1e-12));
    }

    private static TaskResult result(String id, String answer, boolean correct, double cost) {
        return new TaskResult(id, Optional.of(answer), correct, 1, cost, 10, Map.of());
    }
}
