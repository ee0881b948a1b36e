package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanStateTest {

    private final PolicyShape shape = new PolicyShape(4, 3, 2, 5, 2, 3, 8, 4);
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
        assertThat(plan.round(0)).containsExactly(new PlannedStep(2, 1, false), new PlannedStep(0, 0, true));
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
        assertThat(plan.startNextRound(new float[PolicyShape.SUMMARY_FEATURES])).isFalse();
        assertThat(plan.accepted()).isTrue();
    }

    @Test
    void laterRoundStepsSeeEverythingAndStopAtTheCallCap() {
        PlanState plan = new PlanState(shape, question, new boolean[] {true, true, true}, 2);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        assertThat(plan.startNextRound(summary(0.5f))).isTrue();
        choose(plan, DecisionKind.CONTINUE, 1);
        choose(plan, DecisionKind.WORKER, 1);
        choose(plan, DecisionKind.ROLE, 1);

        assertThat(plan.next()).isEmpty(); // two calls in all: the cap
        assertThat(plan.lastRound()).containsExactly(new PlannedStep(1, 1, true));
        assertThat(plan.accepted()).isFalse();
        assertThat(plan.startNextRound(summary(1))).isFalse();
        assertThat(plan.accepted()).isTrue();
    }

    @Test
    void roundsFollowOneAnotherUpToTheRoundCap() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        for (int round = 1; round < shape.maxRounds(); round++) {
            assertThat(plan.startNextRound(summary(0.5f))).isTrue();
            choose(plan, DecisionKind.CONTINUE, 1);
            choose(plan, DecisionKind.WORKER, round);
            choose(plan, DecisionKind.ROLE, 0);
            if (plan.next().isPresent()) {
                choose(plan, DecisionKind.STOP, 1);
            }
            assertThat(plan.lastRound()).containsExactly(new PlannedStep(round, 0, true));
            assertThat(plan.roundCount()).isEqualTo(round + 1);
        }
        assertThat(plan.startNextRound(summary(0.5f))).isFalse(); // three rounds: the shape's cap
        assertThat(plan.accepted()).isTrue();
    }

    @Test
    void aLaterRoundAddsAtMostItsStepLimit() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        plan.startNextRound(summary(0.5f));
        choose(plan, DecisionKind.CONTINUE, 1);
        choose(plan, DecisionKind.WORKER, 1);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 0);
        choose(plan, DecisionKind.WORKER, 2);
        choose(plan, DecisionKind.ROLE, 1);

        assertThat(plan.next()).isEmpty(); // two steps: the shape's later-round limit
        assertThat(plan.lastRound()).containsExactly(new PlannedStep(1, 0, true), new PlannedStep(2, 1, true));
    }

    @Test
    void acceptingEndsPlanning() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        plan.startNextRound(summary(1));
        choose(plan, DecisionKind.CONTINUE, 0);

        assertThat(plan.accepted()).isTrue();
        assertThat(plan.next()).isEmpty();
        assertThatThrownBy(() -> plan.startNextRound(summary(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void laterRoundFeaturesCarryTheSummaryAndTheRound() {
        PlanState plan = plan(true, true, true);
        choose(plan, DecisionKind.WORKER, 0);
        choose(plan, DecisionKind.ROLE, 0);
        choose(plan, DecisionKind.STOP, 1);
        plan.startNextRound(summary(0.75f));
        float[] x = plan.features();
        int roundSlot = 4 + 3 * 3 + 2 * 2 + shape.stepSlots();
        assertThat(x[roundSlot]).isZero();
        assertThat(x[roundSlot + 1]).isEqualTo(1f); // the second round
        assertThat(x[roundSlot + shape.maxRounds() + 1]).isEqualTo(0.75f);
        assertThat(x[x.length - DecisionKind.values().length + DecisionKind.CONTINUE.ordinal()]).isEqualTo(1f);
    }

    private static float[] summary(float agreement) {
        float[] summary = new float[PolicyShape.SUMMARY_FEATURES];
        summary[1] = agreement;
        return summary;
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
