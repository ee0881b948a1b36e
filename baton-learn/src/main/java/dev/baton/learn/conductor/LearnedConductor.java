package dev.baton.learn.conductor;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Plan;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.policy.Decoder;
import dev.baton.learn.policy.PlanState;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CheckpointException;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact learned conductor: reads the question's embedding and writes a workflow with its trained
 * policy, taking the most probable choice at every point. After the first round it looks at what came back
 * (agreement, cost) and either accepts or adds steps that see everything so far, round after round up to the
 * checkpoint's round cap.
 *
 * <p>Thread-safe, and its answers depend only on the task, the workers and the trace: a later round continues
 * from the plan state the previous call left when the trace matches it, and otherwise re-derives the
 * (deterministic) plans of the earlier rounds from the trace, so one instance serves many tasks and threads.
 */
public final class LearnedConductor implements Conductor, AutoCloseable {

    private final Checkpoint checkpoint;
    private final PolicyNetwork network;
    private final QuestionEncoder encoder;
    private final String name;
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
    /**
     * Plan states waiting for the round they planned to run, so a later round continues where the last one stopped
     * instead of re-deriving every earlier round. A cache only: a miss (an evicted entry, another trace) re-derives,
     * with the same result. Bounded, as tasks that end by accepting leave their last entry behind.
     */
    private final Map<Key, InProgress> inProgress = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, InProgress> eldest) {
                    return size() > IN_PROGRESS_LIMIT;
                }
            });
    private static final int IN_PROGRESS_LIMIT = 4096;

    /**
     * @throws CheckpointException when the encoder differs from the one the checkpoint was trained with
     */
    public LearnedConductor(Checkpoint checkpoint, QuestionEncoder encoder, String name) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.name = Objects.requireNonNull(name, "name");
        if (!checkpoint.encoderId().equals(encoder.id()) || encoder.dimension() != checkpoint.shape().questionDim()) {
            throw new CheckpointException("the checkpoint was trained with encoder '" + checkpoint.encoderId()
                    + "' but '" + encoder.id() + "' (dimension " + encoder.dimension() + ") was given");
        }
        this.network = PolicyNetwork.restore(checkpoint.shape(), checkpoint.workers().descriptors(), checkpoint.parameters());
    }

    /** Embeds the questions of many tasks in one batch, so planning them later needs no encoder call. */
    public void prepare(List<Task> tasks) {
        List<String> questions = tasks.stream().map(Task::question).distinct().filter(q -> !embeddings.containsKey(q)).toList();
        List<float[]> vectors = encoder.encodeAll(questions);
        for (int i = 0; i < questions.size(); i++) {
            embeddings.put(questions.get(i), vectors.get(i));
        }
    }

    @Override
    public Plan plan(Task task, PoolView pool, Trace previous) {
        TrainingConfig config = checkpoint.config();
        Grader grader = Graders.forType(task.answerType());
        int rounds = previous.rounds();
        // Resume from the plan state the previous round left, when this trace continues it; otherwise re-derive the
        // earlier rounds (deterministic) from the trace.
        InProgress resumed = inProgress.remove(new Key(task.id(), pool.workerIds(), rounds));
        PlanState state;
        int ran;
        if (resumed != null && rounds > 0 && resumed.seen().equals(previous.firstRounds(rounds - 1))) {
            state = resumed.state();
            ran = rounds;
        } else {
            float[] question = embeddings.computeIfAbsent(task.question(), encoder::encode);
            state = new PlanState(checkpoint.shape(), question, checkpoint.workers().availability(pool), config.maxTotalCalls());
            decode(state);
            ran = 1;
        }
        for (; ran <= rounds; ran++) {
            float[] summary = RoundSummary.of(previous.firstRounds(ran), task, grader, config.maxTotalCalls());
            if (!state.startNextRound(summary)) {
                return Plan.accept();
            }
            decode(state);
            if (state.accepted() || state.lastRound().isEmpty()) {
                return Plan.accept();
            }
        }
        inProgress.put(new Key(task.id(), pool.workerIds(), rounds + 1), new InProgress(previous, state));
        return Plan.run(PlanWorkflows.of(state.lastRound(), checkpoint.workers(), checkpoint.roles()));
    }

    /** Identifies a task's planning in progress: which task, with which workers, after how many rounds ran. */
    private record Key(String taskId, List<String> workers, int roundsRun) {
    }

    /** A plan state that planned the rounds of {@code seen} and one more, waiting for that round's result. */
    private record InProgress(Trace seen, PlanState state) {
    }

    private void decode(PlanState state) {
        // DJL arrays of one base manager are created from several evaluation threads; planning is cheap, so serialise.
        synchronized (network) {
            Decoder.decode(network, List.of(state), Decoder.greedy());
        }
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        network.close();
    }
}
