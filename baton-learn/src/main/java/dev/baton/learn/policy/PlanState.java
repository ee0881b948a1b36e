package dev.baton.learn.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy's progress writing one task's workflow: a small state machine that says which choice comes
 * next and turns each choice into steps.
 *
 * <p>Round 1: for each step, "stop?" (from the second step on), then worker, role and, from the second step
 * on, access. Each later round starts after the rounds before it ran, with features of what they produced:
 * "add more?", then for each added step "stop?" (from its second step on), worker and role; added steps
 * always see everything so far. Planning ends when the policy accepts, or the round cap, the call cap or
 * the supply of unused workers leaves no room.
 */
public final class PlanState {

    private enum Phase { STOP, CONTINUE, WORKER, ROLE, ACCESS, DONE }

    private final PolicyShape shape;
    private final float[] question;
    private final boolean[] available;
    private final float[] accuracy;
    private final int maxTotalCalls;
    private final List<List<PlannedStep>> rounds = new ArrayList<>();
    private final List<DecisionRow> decisions = new ArrayList<>();
    private float[] summary = new float[PolicyShape.SUMMARY_FEATURES];
    private Phase phase = Phase.WORKER;
    private int pendingWorker = -1;
    private int pendingRole = -1;
    private boolean accepted;

    /**
     * @param shape         the policy's sizes
     * @param question      the question's embedding
     * @param available     which workers of the training pool this task may use (at least one)
     * @param maxTotalCalls cap on the steps of all rounds together
     */
    public PlanState(PolicyShape shape, float[] question, boolean[] available, int maxTotalCalls) {
        this(shape, question, available, new float[0], maxTotalCalls);
    }

    /**
     * @param accuracy each worker's measured accuracy on questions like this one (its subject), which the pointer reads
     *                 instead of the overall accuracy; empty to read the overall one
     */
    public PlanState(PolicyShape shape, float[] question, boolean[] available, float[] accuracy, int maxTotalCalls) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if (accuracy.length != 0 && accuracy.length != shape.workers()) {
            throw new IllegalArgumentException("one accuracy per worker, or none, is needed");
        }
        this.accuracy = accuracy.clone();
        if (question.length != shape.questionDim() || available.length != shape.workers()) {
            throw new IllegalArgumentException("question or availability does not match the policy's shape");
        }
        if (maxTotalCalls < 1) {
            throw new IllegalArgumentException("the call cap must be at least 1, got " + maxTotalCalls);
        }
        this.question = question;
        this.available = available.clone();
        this.maxTotalCalls = maxTotalCalls;
        boolean any = false;
        for (boolean a : available) {
            any |= a;
        }
        if (!any) {
            throw new IllegalArgumentException("no worker is available");
        }
        rounds.add(new ArrayList<>());
    }

    /** Returns the next choice to make, or empty when this round's plan is complete. */
    public Optional<DecisionKind> next() {
        return switch (phase) {
            case STOP -> Optional.of(DecisionKind.STOP);
            case CONTINUE -> Optional.of(DecisionKind.CONTINUE);
            case WORKER -> Optional.of(DecisionKind.WORKER);
            case ROLE -> Optional.of(DecisionKind.ROLE);
            case ACCESS -> Optional.of(DecisionKind.ACCESS);
            case DONE -> Optional.empty();
        };
    }

    /** Applies a choice of the kind {@link #next()} asked for, and records it for training. */
    public void apply(DecisionKind kind, int action, float[] features, float logProb) {
        if (next().orElse(null) != kind) {
            throw new IllegalStateException("expected " + next() + " but got " + kind);
        }
        decisions.add(new DecisionRow(features, kind, action, choosable(), logProb, accuracy));
        switch (kind) {
            case STOP -> phase = action == 0 ? Phase.WORKER : Phase.DONE;
            case CONTINUE -> {
                accepted = action == 0;
                phase = accepted ? Phase.DONE : Phase.WORKER;
            }
            case WORKER -> {
                if (action < 0 || action >= available.length || !choosable()[action]) {
                    throw new IllegalArgumentException("worker " + action + " is not available");
                }
                pendingWorker = action;
                phase = Phase.ROLE;
            }
            case ROLE -> {
                pendingRole = action;
                boolean firstRound = rounds.size() == 1;
                if (firstRound && !currentRound().isEmpty()) {
                    phase = Phase.ACCESS;
                } else {
                    commit(!firstRound);
                }
            }
            case ACCESS -> commit(action == 1);
        }
    }

    private void commit(boolean seesAll) {
        currentRound().add(new PlannedStep(pendingWorker, pendingRole, seesAll));
        pendingWorker = -1;
        pendingRole = -1;
        int roundLimit = rounds.size() == 1 ? shape.maxSteps() : shape.laterRoundSteps();
        boolean full = currentRound().size() >= roundLimit || stepCount() >= maxTotalCalls;
        phase = full || !anyChoosable() ? Phase.DONE : Phase.STOP;
    }

    /**
     * Returns the workers the next step may use: those offered and not used yet. A worker asked twice
     * repeats itself (exactly so in replay), so each worker appears at most once per task.
     */
    public boolean[] choosable() {
        boolean[] choosable = available.clone();
        for (PlannedStep step : allSteps()) {
            choosable[step.worker()] = false;
        }
        return choosable;
    }

    private boolean anyChoosable() {
        for (boolean c : choosable()) {
            if (c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the next round after the current one ran, with features of what all rounds so far produced.
     * Returns false, and accepts, when the round cap, the call cap or the pool leaves no room for more steps.
     */
    public boolean startNextRound(float[] roundSummary) {
        if (phase != Phase.DONE || accepted) {
            throw new IllegalStateException("a round starts only after the previous one is planned and not accepted");
        }
        if (roundSummary.length != PolicyShape.SUMMARY_FEATURES) {
            throw new IllegalArgumentException("summary needs " + PolicyShape.SUMMARY_FEATURES + " features");
        }
        if (rounds.size() >= shape.maxRounds() || shape.laterRoundSteps() == 0 || stepCount() >= maxTotalCalls
                || !anyChoosable()) {
            accepted = true;
            return false;
        }
        rounds.add(new ArrayList<>());
        summary = roundSummary.clone();
        phase = Phase.CONTINUE;
        return true;
    }

    /** Builds the input of the next choice. */
    public float[] features() {
        DecisionKind kind = next().orElseThrow(() -> new IllegalStateException("the plan is complete"));
        int w = shape.workers();
        int r = shape.roles();
        float[] x = new float[shape.featureCount()];
        int at = 0;
        System.arraycopy(question, 0, x, at, question.length);
        at += question.length;
        for (int i = 0; i < w; i++) {
            x[at + i] = available[i] ? 1 : 0;
        }
        at += w;
        for (PlannedStep step : allSteps()) {
            x[at + step.worker()] = 1;
            x[at + 2 * w + step.role()] += 1f / shape.maxSteps();
        }
        if (pendingWorker >= 0) {
            x[at + w + pendingWorker] = 1;
        }
        at += 2 * w + r;
        if (pendingRole >= 0) {
            x[at + pendingRole] = 1;
        }
        at += r;
        int stepSlot = currentRound().size();
        if (kind != DecisionKind.CONTINUE && stepSlot < shape.stepSlots()) {
            x[at + stepSlot] = 1;
        }
        at += shape.stepSlots();
        x[at + rounds.size() - 1] = 1;
        at += shape.maxRounds();
        System.arraycopy(summary, 0, x, at, summary.length);
        at += summary.length;
        x[at + kind.ordinal()] = 1;
        return x;
    }

    private List<PlannedStep> currentRound() {
        return rounds.getLast();
    }

    private int stepCount() {
        int count = 0;
        for (List<PlannedStep> round : rounds) {
            count += round.size();
        }
        return count;
    }

    private List<PlannedStep> allSteps() {
        List<PlannedStep> all = new ArrayList<>();
        rounds.forEach(all::addAll);
        return all;
    }

    /** Returns the steps of round {@code index} (0 = the first). */
    public List<PlannedStep> round(int index) {
        return List.copyOf(rounds.get(index));
    }

    /** Returns the steps of the round being planned or last planned. */
    public List<PlannedStep> lastRound() {
        return List.copyOf(currentRound());
    }

    /** Returns how many rounds were started, the first included. */
    public int roundCount() {
        return rounds.size();
    }

    /** Returns whether planning is over: the policy accepted what it has, or no room is left. */
    public boolean accepted() {
        return accepted;
    }

    /** Returns every choice made so far, in order. */
    public List<DecisionRow> decisions() {
        return List.copyOf(decisions);
    }

    /** Returns the workers' accuracy on questions like this one, or empty for their overall accuracy. */
    public float[] accuracy() {
        return accuracy.clone();
    }

    /** Returns the workers offered for this task. */
    public boolean[] available() {
        return available.clone();
    }
}
