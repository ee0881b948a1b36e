package dev.baton.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.CallRecord;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Conductor} promises. Each implementation's test extends this class and says how to build the
 * conductor under test over a pool; the whole contract then runs against it:
 *
 * <ul>
 *   <li>a run never accepts before anything ran;</li>
 *   <li>it names only workers of the view it was started with;</li>
 *   <li>the same seed gives the same plans;</li>
 *   <li>it is safe to answer many tasks concurrently: the answers equal those given one at a time.</li>
 * </ul>
 */
public abstract class ConductorContract {

    /** Returns the workers the conductor may be given. */
    protected abstract Pool pool();

    /** Returns a handful of tasks the pool can answer (at least two). */
    protected abstract List<Task> tasks();

    /**
     * Creates the conductor under test for the workers of {@code view}.
     *
     * @param seed the seed of whatever the conductor draws at random (ignored by conductors that draw nothing)
     */
    protected abstract Conductor create(PoolView view, long seed);

    /** Returns the view the contract works with: every worker but the last when there are three or more. */
    protected PoolView view() {
        List<String> ids = pool().ids();
        return new PoolView(ids.size() >= 3 ? ids.subList(0, ids.size() - 1) : ids);
    }

    private Orchestrator orchestrator() {
        return new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), pool(), Budget.unlimited(),
                Orchestrator.DEFAULT_MAX_ROUNDS);
    }

    @Test
    void aRunNeverAcceptsBeforeAnythingRan() {
        Conductor conductor = create(view(), 0);
        for (Task task : tasks()) {
            assertThat(orchestrator().attempt(conductor, task, view()).run().next(Trace.empty())).isInstanceOf(Plan.Run.class);
        }
    }

    @Test
    void namesOnlyWorkersOfItsView() {
        Conductor conductor = create(view(), 0);
        for (Task task : tasks()) {
            Trace trace = orchestrator().answer(conductor, task, view()).trace();
            assertThat(trace.calls()).isNotEmpty();
            assertThat(trace.calls()).extracting(CallRecord::workerId).allSatisfy(id -> assertThat(view().contains(id)).isTrue());
        }
    }

    @Test
    void theSameSeedGivesTheSamePlans() {
        for (Task task : tasks()) {
            assertThat(plans(create(view(), 7), task)).isEqualTo(plans(create(view(), 7), task));
        }
    }

    @Test
    void answersManyTasksConcurrentlyAsItAnswersThemOneByOne() throws Exception {
        Conductor conductor = create(view(), 0);
        List<Task> tasks = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            tasks.addAll(tasks());
        }
        List<List<String>> alone = new ArrayList<>();
        for (Task task : tasks) {
            alone.add(plans(conductor, task));
        }
        List<Future<List<String>>> together = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Task task : tasks) {
                together.add(threads.submit(() -> plans(conductor, task)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                assertThat(together.get(i).get()).as("task %s", tasks.get(i).id()).isEqualTo(alone.get(i));
            }
        }
    }

    /** Answers a task and returns what ran, step by step, and the answer. */
    private List<String> plans(Conductor conductor, Task task) {
        Orchestrator.Result result = orchestrator().answer(conductor, task, view());
        List<String> steps = new ArrayList<>();
        for (CallRecord call : result.trace().calls()) {
            steps.add(call.round() + "/" + call.step() + " " + call.workerId() + ": " + call.subtask());
        }
        steps.add("answer: " + result.answer().orElse("(none)"));
        return steps;
    }

    /** Returns a plan's steps' workers, for implementations' own tests. */
    protected static List<String> workers(Plan plan) {
        return plan instanceof Plan.Run run ? run.workflow().steps().stream().map(Step::workerId).toList() : List.of();
    }
}
