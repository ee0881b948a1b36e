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
 * <p>Stateless between calls: each later round re-derives the (deterministic) plans of the rounds before it
 * from the trace, so one instance serves many tasks and threads.
 */
public final class LearnedConductor implements Conductor, AutoCloseable {

    private final Checkpoint checkpoint;
    private final PolicyNetwork network;
    private final QuestionEncoder encoder;
    private final String name;
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();

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
        float[] question = embeddings.computeIfAbsent(task.question(), encoder::encode);
        TrainingConfig config = checkpoint.config();
        Grader grader = Graders.forType(task.answerType());
        PlanState state = new PlanState(checkpoint.shape(), question, checkpoint.workers().availability(pool),
                config.maxTotalCalls());
        decode(state);
        for (int ran = 1; ran <= previous.rounds(); ran++) {
            float[] summary = RoundSummary.of(previous.firstRounds(ran), task, grader, config.maxTotalCalls());
            if (!state.startNextRound(summary)) {
                return Plan.accept();
            }
            decode(state);
            if (state.accepted() || state.lastRound().isEmpty()) {
                return Plan.accept();
            }
        }
        return Plan.run(PlanWorkflows.of(state.lastRound(), checkpoint.workers(), checkpoint.roles()));
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
