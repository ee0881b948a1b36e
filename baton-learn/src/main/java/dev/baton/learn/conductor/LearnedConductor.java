package dev.baton.learn.conductor;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.PlanningCalls;
import dev.baton.grade.Graders;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.policy.Decoder;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.List;
import java.util.Objects;

/**
 * The compact learned conductor: reads the question's embedding and writes a workflow with its trained policy,
 * taking the most probable choice at every point. After each round its run looks at what came back (agreement,
 * cost) and either accepts or adds steps that see everything so far, up to the policy's round cap.
 *
 * <p>Thread-safe: each task's planning state lives in its own {@link PolicyRun}; the conductor holds only the
 * network and a bounded cache of question embeddings.
 */
public final class LearnedConductor implements Conductor, AutoCloseable {

    private final TrainedPolicy policy;
    private final PolicyNetwork network;
    private final PolicyPlanner planner;
    private final QuestionEncoder encoder;
    private final String name;
    private final EmbeddingCache embeddings = new EmbeddingCache(EmbeddingCache.DEFAULT_CAPACITY);

    /**
     * @throws PolicyMismatchException when the encoder differs from the one the policy was trained with
     */
    public LearnedConductor(TrainedPolicy policy, QuestionEncoder encoder, String name) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.name = Objects.requireNonNull(name, "name");
        if (!policy.encoderId().equals(encoder.id()) || encoder.dimension() != policy.shape().questionDim()) {
            throw new PolicyMismatchException("the policy was trained with encoder '" + policy.encoderId()
                    + "' but '" + encoder.id() + "' (dimension " + encoder.dimension() + ") was given");
        }
        this.network = PolicyNetwork.restore(policy.shape(), policy.workers().descriptors(), policy.parameters());
        this.planner = new PolicyPlanner(network, policy.workers(), policy.roles(), policy.maxTotalCalls(), policy.answerRule());
    }

    /** Embeds the questions of many tasks in one batch, so planning them later needs no encoder call. */
    public void prepare(List<Task> tasks) {
        List<String> questions = tasks.stream().map(Task::question).distinct().filter(q -> !embeddings.contains(q)).toList();
        embeddings.makeRoomFor(embeddings.size() + questions.size());
        List<float[]> vectors = encoder.encodeAll(questions);
        for (int i = 0; i < questions.size(); i++) {
            embeddings.put(questions.get(i), vectors.get(i));
        }
    }

    /**
     * Says how {@code pool} meets the workers this conductor was trained with. Call it once when setting the conductor
     * up over a pool, and tell the user its {@linkplain PoolFit#note note}: every question then plans over the workers
     * it knows that are there, without a word.
     *
     * @throws PolicyMismatchException when the pool holds none of its workers
     */
    public PoolFit fit(PoolView pool) {
        return policy.workers().fit(pool);
    }

    /**
     * Plans over the workers of {@code pool} the policy was trained with; others are left out of its plans.
     *
     * @throws PolicyMismatchException when {@code pool} holds none of the policy's workers
     */
    @Override
    public PolicyRun start(Task task, PoolView pool, PlanningCalls planning) {
        boolean[] available = policy.workers().availability(pool);
        float[] question = embeddings.get(task.question()).orElseGet(() -> {
            float[] encoded = encoder.encode(task.question());
            embeddings.put(task.question(), encoded);
            return encoded;
        });
        return planner.start(task, question, available, Decoder.greedy(), Graders.forType(task.answerType()));
    }

    /** Returns the policy this conductor plans with. */
    public TrainedPolicy policy() {
        return policy;
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
