package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanStateTest {

    private final PolicyShape shape = new PolicyShape(4, 3, 2, 5, 3, 8, 4);
    private final float[] question = {1, 0, 0, 0};

    private PlanState plan(boolean... available) {
        return new PlanState(shape, question, available, 8);
    }

    private static void choose(PlanState plan, DecisionKind kind, int action) {
        assertThat(plan.next()).contains(kind);
        plan.apply(kind, action, plan.features(), 0f);
    }

    @Test
    void firstStepAsksWorkerThenRoleLaterStepsAskStopAndAccess() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 2);
        choose(plan, DecisionKind.ROLE, 1);
        choose(plan, DecisionKind.STOP, 0);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.ACCESS, 1);
        choose(plan, DecisionKind.STOP, 1);

        assertThat(plan.next()).isEmpty();
        assertThat(plan.firstRound()).containsExactly(new PlannedStep(2, 1, false), new PlannedStep(0, 0, true));
        assertThat(plan.decisions()).hasSize(7);
    }

    @Test
    void aWorkerIsUsedAtMostOnceAndTheRoundEndsWhenNoneIsLeft() {
        PlanState plan = plan(true, false, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        assertThat(plan.choosable()).containsExactly(false, false, true);
        choose(plan, DecisionKind.STOP, 0);
        assertThatThrownBy(() -> plan.apply(DecisionKind.WORKER, 0, plan.features(), 0f)).hasMessageContaining("not available");
        choose(plan, DecisionKind.WORKER, 2);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.ACCESS, 0);

        assertThat(plan.next()).isEmpty();
        assertThat(plan.startSecondRound(new float[PolicyShape.SUMMARY_FEATURES])).isFalse();
        assertThat(plan.accepted()).isTrue();
    }

    @Test
    void secondRoundStepsSeeEverythingAndStopAtTheCallCap() {
        PlanState plan = new PlanState(shape, question, new boolean[] {true, true, true}, 2);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        assertThat(plan.startSecondRound(new float[] {0.2f, 1, 1, 1, 0.2f, 0.5f, 0})).isTrue();
        choose(plan, DecisionKind.CONTINUE, 1);
        choose(plan, DecisionKind.WORKER, 1);
        choose(plan, DecisionKind.ROLE, 1);

        assertThat(plan.next()).isEmpty(); // two calls in all: the cap
        assertThat(plan.secondRound()).containsExactly(new PlannedStep(1, 1, true));
        assertThat(plan.accepted()).isFalse();
    }

    @Test
    void acceptingEndsTheSecondRound() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        plan.startSecondRound(new float[PolicyShape.SUMMARY_FEATURES]);
        choose(plan, DecisionKind.CONTINUE, 0);

        assertThat(plan.accepted()).isTrue();
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void featuresMarkTheChoiceTheStepAndThePendingWorker() {
        PlanState plan = plan(true, true, false);
        choose(plan, DecisionKind.WORKER, 1);
        float[] x = plan.features(); // the role choice of step 0, worker 1 pending
        int w = 3;
        int r = 2;
        assertThat(x).hasSize(shape.featureCount());
        assertThat(x[4 + 0]).isEqualTo(1f); // offered
        assertThat(x[4 + 2]).isEqualTo(0f); // not offered
        assertThat(x[4 + 2 * w + 1]).isEqualTo(1f); // pending worker 1
        int stepSlot = 4 + 3 * w + 2 * r;
        assertThat(x[stepSlot]).isEqualTo(1f);
        assertThat(x[x.length - DecisionKind.values().length + DecisionKind.ROLE.ordinal()]).isEqualTo(1f);
    }

    @Test
    void planNeedsAnOfferedWorker() {
        assertThatThrownBy(() -> plan(false, false, false)).hasMessageContaining("no worker is available");
    }
}
