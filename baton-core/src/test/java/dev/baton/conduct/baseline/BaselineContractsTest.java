package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorContract;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Every baseline conductor meets the {@link ConductorContract}. */
class BaselineContractsTest {

    private static final Pool POOL = Pool.of(List.of(
            ScriptedWorker.answering("a", "The answer is 41."),
            ScriptedWorker.answering("b", "{\"answer\": \"42\"}"),
            ScriptedWorker.answering("c", "So the result is 42.0"),
            ScriptedWorker.answering("d", "I think 7."),
            ScriptedWorker.answering("outside", "Never asked.")));
    private static final List<Task> TASKS = List.of(
            Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER),
            Task.of("t2", "What is 40 + 1?", "41", AnswerType.NUMBER),
            Task.of("t3", "What is 14 / 2?", "7", AnswerType.NUMBER));

    abstract static class Baseline extends ConductorContract {
        @Override
        protected Pool pool() {
            return POOL;
        }

        @Override
        protected List<Task> tasks() {
            return TASKS;
        }
    }

    @Nested
    class Solo extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new SoloConductor(view.workerId(1));
        }
    }

    @Nested
    class Random extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new RandomConductor(seed);
        }
    }

    @Nested
    class Oracle extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new OracleConductor((task, worker) -> worker.equals("c") && task.id().equals("t1"));
        }
    }

    @Nested
    class Vote extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new VoteConductor(view.workerIds(), "vote");
        }
    }

    @Nested
    class MixtureOfAgents extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new MoaConductor(view.workerIds().subList(0, 3), view.workerId(3), "moa");
        }
    }

    @Nested
    class Cascade extends Baseline {
        @Override
        protected Conductor create(PoolView view, long seed) {
            return new CascadeConductor(view.workerIds().subList(0, 3), "cascade");
        }
    }
}
