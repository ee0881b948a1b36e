package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.conduct.Conductor;
import dev.baton.pool.Pool;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an evaluation announces before it calls a live pool: the most calls, and what they cost at worst. */
class CallEstimateTest {

    private final Evaluation evaluation = EvalFixtures.evaluation();
    private final Pool pool = EvalFixtures.pool();
    private final List<Task> test = evaluation.tasks(Split.TEST);

    @Test
    void eachConductorMakesAtMostItsCallsPerQuestion() {
        List<Conductor> conductors = evaluation.conductors(List.of("solo:weak", "vote:weak,medium,strong", "moa:top2",
                "cascade:weak,strong", "random"));

        CallEstimate estimate = CallEstimate.of(conductors, test, EvalFixtures.WORKERS, pool, worker -> 100);

        assertThat(estimate.calls()).isEqualTo((1 + 3 + 3 + 2 + 1) * (long) test.size());
    }

    @Test
    void theWorstCasePricesEveryReplyAtItsOutputLimitAndEveryPromptWithTheEarlierReplies() {
        List<Conductor> solo = evaluation.conductors(List.of("solo:strong"));
        List<Conductor> vote = evaluation.conductors(List.of("vote:weak,strong"));
        Task task = test.getFirst();
        long question = (task.question().length() + 3) / 4;

        double alone = CallEstimate.of(solo, List.of(task), EvalFixtures.WORKERS, pool, worker -> 100).worstCaseUsd();
        double voted = CallEstimate.of(vote, List.of(task), EvalFixtures.WORKERS, pool, worker -> 100).worstCaseUsd();

        // strong costs $10 per million tokens either way; weak $0.1
        assertThat(alone).isCloseTo((question + CallEstimate.INSTRUCTION_TOKENS + 100) * 10 / 1e6, within(1e-12));
        long prompt = question + CallEstimate.INSTRUCTION_TOKENS + 100;
        assertThat(voted).isCloseTo((prompt + 100) * (10 + 0.1) / 1e6, within(1e-12));
        assertThat(CallEstimate.of(solo, test, EvalFixtures.WORKERS, pool, worker -> 100).describe())
                .startsWith("at most " + test.size() + " calls, at most $");
    }
}
