package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** GRPO's group-normalised advantages against values worked out by hand. */
class AdvantagesTest {

    @Test
    void oneRightAnswerInFourStandsOutByItsSpread() {
        // Mean 0.25; population standard deviation sqrt((0.75^2 + 3 * 0.25^2) / 4) = sqrt(0.1875) = 0.4330,
        // above the floor: 0.75 / 0.4330 = 1.7321 and -0.25 / 0.4330 = -0.5774.
        double[] advantages = Advantages.groupNormalized(new double[] {1, 0, 0, 0}, 4);

        assertThat(advantages).containsExactly(new double[] {1.7320508, -0.5773503, -0.5773503, -0.5773503}, within(1e-6));
    }

    @Test
    void groupsThatDifferOnlyByCostAreDividedByTheFloorNotTheirTinySpread() {
        // All right, costs differ by a cent: mean 0.985, spread 0.005, far below the floor 0.25, so the
        // advantages are +-0.005 / 0.25 = +-0.02 (dividing by the spread would give +-1).
        double[] advantages = Advantages.groupNormalized(new double[] {0.99, 0.98, 0.99, 0.98}, 4);

        assertThat(advantages).containsExactly(new double[] {0.02, -0.02, 0.02, -0.02}, within(1e-9));
        assertThat(Advantages.STD_FLOOR).isEqualTo(0.25);
    }

    @Test
    void eachGroupIsNormalisedOnItsOwnAndEqualRewardsCarryNoSignal() {
        double[] advantages = Advantages.groupNormalized(new double[] {0.5, 0.5, 1, 0}, 2);

        // Second group: mean 0.5, spread 0.5: +-1.
        assertThat(advantages).containsExactly(new double[] {0, 0, 1, -1}, within(1e-12));
    }

    @Test
    void rewardsThatDoNotSplitIntoGroupsAreABug() {
        assertThatThrownBy(() -> Advantages.groupNormalized(new double[3], 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rewardIsCorrectnessMinusLambdaTimesCost() {
        assertThat(Rollout.reward(true, 0.002, 10)).isEqualTo(0.98, within(1e-12));
        assertThat(Rollout.reward(false, 0.002, 10)).isEqualTo(-0.02, within(1e-12));
        assertThat(Rollout.reward(true, 0.5, 0)).isEqualTo(1.0);
    }
}
