package dev.baton.learn.conductor;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorContract;
import dev.baton.learn.fixtures.HashingEncoder;
import dev.baton.learn.fixtures.ToyBenchmark;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.learn.train.TrainingListener;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The learned conductor meets the {@link ConductorContract}: an untrained policy of the seed, over the toy pool. */
class LearnedConductorContractTest extends ConductorContract {

    private static final RecordedBenchmark TOY = ToyBenchmark.recordings();
    private static final Pool POOL = ToyBenchmark.pool(TOY);

    @TempDir
    Path dir;

    @Override
    protected Pool pool() {
        return POOL;
    }

    @Override
    protected List<Task> tasks() {
        return TOY.tasks().subList(0, 6);
    }

    @Override
    protected Conductor create(PoolView view, long seed) {
        TrainedPolicy policy = new GrpoTrainer("toy", POOL, TOY.tasks(), new HashingEncoder(), RoleSet.defaults(),
                TrainingConfig.defaults().withSeed(seed), dir.resolve("unused.json"), TrainingListener.SILENT).initial().policy();
        return new LearnedConductor(policy, new HashingEncoder(), "learned");
    }
}
