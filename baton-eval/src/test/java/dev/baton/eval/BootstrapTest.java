package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void intervalSurroundsTheMeanAndNarrowsWithMoreData() {
        boolean[] small = pattern(100);
        boolean[] large = pattern(10_000);

        double[] wide = Bootstrap.interval95(small, 1);
        double[] narrow = Bootstrap.interval95(large, 1);

        assertThat(wide[0]).isLessThan(70).isGreaterThan(55);
        assertThat(wide[1]).isGreaterThan(70).isLessThan(85);
        assertThat(narrow[1] - narrow[0]).isLessThan(wide[1] - wide[0]);
    }

    @Test
    void allCorrectGivesADegenerateInterval() {
        boolean[] all = new boolean[50];
        java.util.Arrays.fill(all, true);
        assertThat(Bootstrap.interval95(all, 3)).containsExactly(100.0, 100.0);
        assertThat(Bootstrap.interval95(new boolean[0], 3)).containsExactly(0.0, 0.0);
    }

    @Test
    void sameSeedSameInterval() {
        assertThat(Bootstrap.interval95(pattern(300), 9)).containsExactly(Bootstrap.interval95(pattern(300), 9));
    }

    /** 70% true. */
    private static boolean[] pattern(int n) {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = i % 10 < 7;
        }
        return values;
    }
}
