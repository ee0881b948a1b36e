package dev.baton.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a chart's data range onto the unit interval, linearly or by powers of ten, and chooses its ticks.
 *
 * @param min the value drawn at the start of the axis
 * @param max the value drawn at its end, above {@code min}
 * @param log       whether values are placed by their logarithm; then {@code min} must be positive
 * @param divisions about how many steps a linear axis's ticks divide it into
 */
record Axis(double min, double max, boolean log, int divisions) {

    Axis {
        Checks.finite("min", min);
        Checks.finite("max", max);
        if (!(max > min)) {
            throw new IllegalArgumentException("axis max " + max + " must exceed min " + min);
        }
        if (divisions < 1) {
            throw new IllegalArgumentException("an axis needs at least one division, got " + divisions);
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("a log axis needs a positive min, got " + min);
        }
    }

    /** Returns a linear axis over exactly {@code [min, max]}, for ranges with a natural span such as 0-100%. */
    static Axis fixed(double min, double max) {
        return new Axis(min, max, false, 5);
    }

    /** Returns a linear axis covering the values in about five round steps, widened so the ends carry a tick. */
    static Axis linear(double low, double high) {
        return linear(low, high, 5);
    }

    /** Returns a linear axis covering the values in about {@code divisions} round steps; narrow charts want fewer. */
    static Axis linear(double low, double high, int divisions) {
        if (high - low < 1e-12) {
            // One value, or all equal: give it some room rather than divide by zero.
            double pad = Math.abs(low) > 1e-12 ? Math.abs(low) * 0.1 : 1;
            low -= pad;
            high += pad;
        }
        double step = step(low, high, divisions);
        return new Axis(Math.floor(low / step) * step, Math.ceil(high / step) * step, false, divisions);
    }

    /** Returns a log axis from the decade at or below {@code low} to the decade at or above {@code high}. */
    static Axis log(double low, double high) {
        if (low <= 0) {
            throw new IllegalArgumentException("a log axis needs positive values, got " + low);
        }
        double lowDecade = Math.floor(Math.log10(low) + 1e-9);
        double highDecade = Math.ceil(Math.log10(high) - 1e-9);
        if (highDecade <= lowDecade) {
            highDecade = lowDecade + 1;
        }
        return new Axis(Math.pow(10, lowDecade), Math.pow(10, highDecade), true, 1);
    }

    /** Returns where the value lies along the axis: 0 at {@code min}, 1 at {@code max}, outside for outliers. */
    double fraction(double value) {
        if (log) {
            return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (value - min) / (max - min);
    }

    /** Returns the labelled tick values: every decade of a log axis, round steps of a linear one. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double e = Math.round(Math.log10(min)); e <= Math.log10(max) + 1e-9; e++) {
                ticks.add(Math.pow(10, e));
            }
            return ticks;
        }
        double step = step(min, max, divisions);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            // Snap to the step grid so 0.1+0.2 shows as 0.3, and -0.0 as 0.
            ticks.add(Math.round(v / step) * step + 0.0);
        }
        return ticks;
    }

    /** Returns unlabelled minor tick values: 2x and 5x of each decade on a log axis, none on a linear one. */
    List<Double> minorTicks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade : ticks()) {
                for (int m : new int[] {2, 5}) {
                    if (decade * m < max) {
                        ticks.add(decade * m);
                    }
                }
            }
        }
        return ticks;
    }

    /** Returns the tick's label. */
    String label(double tick) {
        return Figures.compact(tick);
    }

    /**
     * Returns the smallest step of 1, 2 or 5 times a power of ten that covers the range in at most
     * {@code divisions} steps, both ends rounded outwards to the step. Widening by that step leaves it the
     * smallest such step, so an axis and its ticks agree.
     */
    private static double step(double low, double high, int divisions) {
        double power = Math.pow(10, Math.floor(Math.log10((high - low) / divisions)));
        int[] multiples = {1, 2, 5};
        for (int k = 0; ; k++) {
            double step = power * multiples[k % 3] * Math.pow(10, k / 3);
            // The tolerance keeps 0.30000000000000004 from counting as a step beyond 0.3.
            if (Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) <= divisions) {
                return step;
            }
        }
    }
}
