package dev.baton.learn.train;

/** GRPO's advantages: each reward relative to the others sampled for the same question. */
final class Advantages {

    /**
     * Smallest standard deviation a group is divided by. When every rollout of a group is right (most GSM8K
     * questions), rewards differ only by cost, by thousandths; dividing by their tiny spread would turn that
     * noise into full-size advantages and teach "always make one cheap call" faster than anything else.
     * With the floor, such groups still prefer cheaper workflows, in proportion.
     */
    static final double STD_FLOOR = 0.25;

    private Advantages() {
    }

    /**
     * Returns (reward - group mean) / max(group standard deviation, {@link #STD_FLOOR}), for consecutive groups
     * of {@code groupSize}; a group whose rewards are all equal carries no signal and gets zeros.
     */
    static double[] groupNormalized(double[] rewards, int groupSize) {
        if (rewards.length % groupSize != 0) {
            throw new IllegalArgumentException("rewards do not split into groups of " + groupSize);
        }
        double[] advantages = new double[rewards.length];
        for (int start = 0; start < rewards.length; start += groupSize) {
            double mean = 0;
            for (int i = start; i < start + groupSize; i++) {
                mean += rewards[i];
            }
            mean /= groupSize;
            double variance = 0;
            for (int i = start; i < start + groupSize; i++) {
                variance += (rewards[i] - mean) * (rewards[i] - mean);
            }
            double std = Math.sqrt(variance / groupSize);
            for (int i = start; i < start + groupSize; i++) {
                advantages[i] = (rewards[i] - mean) / Math.max(std, STD_FLOOR);
            }
        }
        return advantages;
    }
}
