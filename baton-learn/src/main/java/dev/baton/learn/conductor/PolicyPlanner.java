package dev.baton.learn.conductor;

import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.conduct.RoundPlanner;
import dev.baton.execute.Trace;
import dev.baton.grade.Grader;
import dev.baton.learn.policy.Decoder;
import dev.baton.learn.policy.PlanState;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.role.RoleSet;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans rounds with a policy network: starts a {@link PolicyRun} per task and plans the next round of many runs
 * with one network call per choice (the batched decoder), which is what makes training fast. The same planner
 * serves answering (one greedy run at a time) and training (a batch of sampling runs in lock-step).
 *
 * <p>Between rounds each run sees a {@link RoundSummary} of its trace and either accepts or adds steps that see
 * everything so far. Thread-safe: decoding is serialised on the network.
 */
public final class PolicyPlanner implements RoundPlanner {

    private final PolicyNetwork network;
    private final WorkerIndex workers;
    private final RoleSet roles;
    private final int maxTotalCalls;
    private final AnswerRule answerRule;

    /**
     * @param network       the policy (not closed by the planner)
     * @param workers       the policy's workers, in pointer order
     * @param roles         the roles its role head indexes
     * @param maxTotalCalls cap on calls per question, all rounds together
     * @param answerRule    how a run reads its answer from what ran
     */
    public PolicyPlanner(PolicyNetwork network, WorkerIndex workers, RoleSet roles, int maxTotalCalls, AnswerRule answerRule) {
        this.network = Objects.requireNonNull(network, "network");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.maxTotalCalls = maxTotalCalls;
        this.answerRule = Objects.requireNonNull(answerRule, "answerRule");
    }

    /**
     * Starts planning one task.
     *
     * @param question  the question's embedding
     * @param available which of the policy's workers the task may use
     * @param chooser   picks each choice of this run (asked with plan index 0): greedy, or sampling from the run's stream
     * @param grader    reads the answers the run looks at between rounds
     */
    public PolicyRun start(Task task, float[] question, boolean[] available, Decoder.Chooser chooser, Grader grader) {
        return new PolicyRun(this, task, new PlanState(network.shape(), question, available,
                accuracy(task), maxTotalCalls), chooser, grader);
    }

    AnswerRule answerRule() {
        return answerRule;
    }

    /** Each worker's accuracy alone on the training questions of the task's subject when measured, else overall. */
    private float[] accuracy(Task task) {
        float[] bySubject = workers.accuracyFor(task);
        if (bySubject.length > 0) {
            return bySubject;
        }
        float[] overall = new float[workers.size()];
        for (int i = 0; i < overall.length; i++) {
            overall[i] = workers.descriptors()[i][2];
        }
        return overall;
    }

    /** What is known of the workers on a task: their {@link #accuracy} and shared wrong answers, from the index. */
    Trust trust(Task task) {
        return workers.trust(accuracy(task));
    }

    @Override
    public List<Plan> next(List<ConductorRun> runs, List<Trace> traces) {
        List<PolicyRun> own = new ArrayList<>(runs.size());
        for (ConductorRun run : runs) {
            if (!(run instanceof PolicyRun policyRun) || policyRun.planner() != this) {
                throw new IllegalArgumentException("a policy planner plans only the runs it started");
            }
            own.add(policyRun);
        }
        List<Plan> plans = new ArrayList<>(own.size());
        List<PolicyRun> decoding = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            PolicyRun run = own.get(i);
            boolean later = run.markStarted();
            if (later && !run.state().startNextRound(
                    RoundSummary.of(traces.get(i), run.task(), run.grader(), maxTotalCalls, trust(run.task())))) {
                plans.add(Plan.accept());
            } else {
                plans.add(null); // decoded below, together with the others
                decoding.add(run);
            }
        }
        decode(decoding);
        for (int i = 0; i < own.size(); i++) {
            if (plans.get(i) == null) {
                PlanState state = own.get(i).state();
                plans.set(i, state.accepted() || state.lastRound().isEmpty()
                        ? Plan.accept()
                        : Plan.run(PlanWorkflows.of(state.lastRound(), workers, roles)));
            }
        }
        return plans;
    }

    private void decode(List<PolicyRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        List<PlanState> states = runs.stream().map(PolicyRun::state).toList();
        Decoder.Chooser each = (plan, probabilities) -> runs.get(plan).chooser().choose(0, probabilities);
        // No lock: acting reads the network's parameter arrays only (a plain-Java pass), so tasks answered concurrently
        // decode in parallel; training changes the arrays between rounds of rollouts, never during one.
        Decoder.decode(network, states, each);
    }
}
