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
 * on, access. Round 2, after the first round ran: "add more?", then for each added step "stop?" (from its
 * second step on), worker and role; added steps always see everything so far.
 */
public final class PlanState {

    private enum Phase { STOP, CONTINUE, WORKER, ROLE, ACCESS, DONE }

    private final PolicyShape shape;
    private final float[] question;
    private final boolean[] available;
    private final int secondRoundLimit;
    private final List<PlannedStep> firstRound = new ArrayList<>();
    private final List<PlannedStep> secondRound = new ArrayList<>();
    private final List<DecisionRow> decisions = new ArrayList<>();
    private float[] summary = new float[PolicyShape.SUMMARY_FEATURES];
    private int round;
    private Phase phase = Phase.WORKER;
    private int pendingWorker = -1;
    private int pendingRole = -1;
    private boolean accepted;

    /**
     * @param shape            the policy's sizes
     * @param question         the question's embedding
     * @param available        which workers of the training pool this task may use (at least one)
     * @param maxTotalCalls    cap on the steps of both rounds together
     */
    public PlanState(PolicyShape shape, float[] question, boolean[] available, int maxTotalCalls) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if (question.length != shape.questionDim() || available.length != shape.workers()) {
            throw new IllegalArgumentException("question or availability does not match the policy's shape");
        }
        this.question = question;
        this.available = available.clone();
        this.secondRoundLimit = maxTotalCalls;
        boolean any = false;
        for (boolean a : available) {
            any |= a;
        }
        if (!any) {
            throw new IllegalArgumentException("no worker is available");
        }
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
        decisions.add(new DecisionRow(features, kind, action, choosable(), logProb));
        List<PlannedStep> steps = currentSteps();
        switch (kind) {
            case STOP, CONTINUE -> {
                boolean go = kind == DecisionKind.CONTINUE ? action == 1 : action == 0;
                if (kind == DecisionKind.CONTINUE && !go) {
                    accepted = true;
                }
                phase = go ? Phase.WORKER : Phase.DONE;
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
                if (round == 0 && !steps.isEmpty()) {
                    phase = Phase.ACCESS;
                } else {
                    commit(round == 1);
                }
            }
            case ACCESS -> commit(action == 1);
        }
    }

    private void commit(boolean seesAll) {
        List<PlannedStep> steps = currentSteps();
        steps.add(new PlannedStep(pendingWorker, pendingRole, seesAll));
        pendingWorker = -1;
        pendingRole = -1;
        int limit = round == 0 ? shape.maxSteps() : Math.min(shape.secondRoundSteps(), secondRoundLimit - firstRound.size());
        phase = steps.size() >= limit || !anyChoosable() ? Phase.DONE : Phase.STOP;
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
     * Starts the second round after the first ran, with features of what it produced. Returns false (and
     * stays done) when the call cap or the policy's shape leaves no room for more steps.
     */
    public boolean startSecondRound(float[] roundSummary) {
        if (round != 0 || phase != Phase.DONE) {
            throw new IllegalStateException("the second round starts once, after the first round is planned");
        }
        if (roundSummary.length != PolicyShape.SUMMARY_FEATURES) {
            throw new IllegalArgumentException("summary needs " + PolicyShape.SUMMARY_FEATURES + " features");
        }
        round = 1;
        summary = roundSummary.clone();
        if (shape.secondRoundSteps() == 0 || secondRoundLimit - firstRound.size() <= 0 || !anyChoosable()) {
            accepted = true;
            return false;
        }
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
        int stepSlot = round == 0 ? firstRound.size() : shape.maxSteps() + secondRound.size();
        if (kind != DecisionKind.CONTINUE && stepSlot < shape.maxSteps() + shape.secondRoundSteps()) {
            x[at + stepSlot] = 1;
        }
        at += shape.maxSteps() + shape.secondRoundSteps();
        System.arraycopy(summary, 0, x, at, summary.length);
        at += summary.length;
        x[at + kind.ordinal()] = 1;
        return x;
    }

    private List<PlannedStep> currentSteps() {
        return round == 0 ? firstRound : secondRound;
    }

    private List<PlannedStep> allSteps() {
        List<PlannedStep> all = new ArrayList<>(firstRound);
        all.addAll(secondRound);
        return all;
    }

    public List<PlannedStep> firstRound() {
        return List.copyOf(firstRound);
    }

    public List<PlannedStep> secondRound() {
        return List.copyOf(secondRound);
    }

    /** Returns whether the policy chose to keep the first round's answer. */
    public boolean accepted() {
        return accepted;
    }

    /** Returns every choice made so far, in order. */
    public List<DecisionRow> decisions() {
        return List.copyOf(decisions);
    }

    /** Returns the workers offered for this task. */
    public boolean[] available() {
        return available.clone();
    }
}
