package dev.baton.bench;

import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.DecisionKind;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.offline.OfflineConfig;
import dev.baton.pool.PoolView;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import dev.baton.worker.WorkerCard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the learned conductor takes to plan a first round (all its choices, on the DJL engine), for the
 * 28-worker pool and the 384-dimensional MiniLM embedding, next to a fixed single-worker plan as the baseline;
 * and later rounds: {@code learnedFourRounds} makes the four planning calls of a four-round answer in order, as
 * the orchestrator does (one run, each call continuing from the state the previous one left: divide by four for
 * one call). The question's embedding is computed once in setup (the store
 * caches it in real use), so this measures the planning decision itself.
 *
 * <p>Run: {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -DskipTests -pl baton-bench -am package &&
 * $JAVA_HOME/bin/java -cp "baton-bench/target/classes:baton-bench/target/lib/*" org.openjdk.jmh.Main Planning -bm sample}
 * (sample mode reports the median as p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanningBenchmark {

    private LearnedConductor learned;
    private LearnedConductor alwaysContinuing;
    private Trace threeRounds;
    private SoloConductor solo;
    private PoolView view;
    private Task task;

    @Setup(Level.Trial)
    public void setUp() {
        PriceTable prices = OfflineConfig.defaultPrices();
        List<WorkerCard> cards = prices.prices().keySet().stream().map(id -> WorkerCard.of(id, prices.priceOf(id))).toList();
        WorkerIndex workers = WorkerIndex.of(cards);
        RoleSet roles = RoleSet.defaults();
        TrainingConfig config = TrainingConfig.defaults();
        PolicyShape shape = new PolicyShape(384, workers.size(), roles.size(), config.maxSteps(), config.laterRoundSteps(),
                config.maxRounds(), config.hidden(), 16);
        Checkpoint checkpoint;
        try (PolicyNetwork network = PolicyNetwork.initialize(shape, workers.descriptors(), 0)) {
            checkpoint = new Checkpoint("bench", workers, "fixed-384", roles, shape, config, 0, List.of(), network.parameters(),
                    new Adam(0.001, 1).state());
        }
        learned = new LearnedConductor(checkpoint.policy(), new FixedEncoder(), "learned");
        alwaysContinuing = new LearnedConductor(continuing(checkpoint).policy(), new FixedEncoder(), "continuing");
        solo = new SoloConductor(workers.workerId(0));
        view = new PoolView(workers.workerIds());
        task = Task.of("q", "Janet's ducks lay 16 eggs per day. How much does she make?", "18", AnswerType.NUMBER);
        learned.prepare(List.of(task));
        alwaysContinuing.prepare(List.of(task));
        List<CallRecord> calls = new java.util.ArrayList<>();
        for (int round = 0; round < config.maxRounds() - 1; round++) {
            calls.add(new CallRecord(round, 0, workers.workerId(round), "Solve.", List.of(), Duration.ZERO,
                    new CallResult.Answered(new Reply("The answer is " + (17 + round) + ".", 100, 200, 0.001, Duration.ZERO), 1)));
        }
        threeRounds = new Trace(calls);
    }

    /** The checkpoint with its yes/no head pushed to one step per round and always another round: the longest replay. */
    private static Checkpoint continuing(Checkpoint base) {
        float[] bias = base.parameters().get("binary.bias").clone();
        bias[DecisionKind.STOP.binaryIndex()] = 20;
        bias[DecisionKind.CONTINUE.binaryIndex()] = 20;
        return base.withParameter("binary.bias", bias);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        learned.close();
        alwaysContinuing.close();
    }

    @Benchmark
    public Plan learnedFirstRound() {
        return learned.start(task, view, PlanningCalls.none()).next(Trace.empty());
    }

    @Benchmark
    public Plan learnedFourRounds() {
        ConductorRun run = alwaysContinuing.start(task, view, PlanningCalls.none());
        Plan plan = null;
        for (int rounds = 0; rounds <= threeRounds.rounds(); rounds++) {
            plan = run.next(threeRounds.firstRounds(rounds));
        }
        return plan;
    }

    @Benchmark
    public Plan soloBaseline() {
        return solo.start(task, view, PlanningCalls.none()).next(Trace.empty());
    }

    /** A stand-in for the sentence encoder with its dimension: the embedding is cached before timing starts. */
    private static final class FixedEncoder implements QuestionEncoder {
        @Override
        public String id() {
            return "fixed-384";
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] encode(String text) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.sin(i + text.length());
            }
            return v;
        }
    }
}
