package dev.baton.server;

/**
 * How a workflow's outcome becomes a reward: the paper's rule, or correctness minus what it cost.
 */
sealed interface RewardMode {

    /** Returns the reward of a reply from which no workflow could be read (nothing ran). */
    double unparseable();

    /** Returns the reward of a workflow that ran, was judged, and cost {@code costUsd}. */
    double ran(boolean correct, double costUsd);

    /** Returns the mode's name on the wire. */
    String id();

    /**
     * The Conductor paper's reward: 0 when the lists do not parse, 0.5 when they parse but the answer is wrong, 1 when
     * it is right.
     */
    record Paper() implements RewardMode {
        @Override
        public double unparseable() {
            return 0;
        }

        @Override
        public double ran(boolean correct, double costUsd) {
            return correct ? 1 : 0.5;
        }

        @Override
        public String id() {
            return "paper";
        }
    }

    /**
     * Baton's training reward: 1 if right else 0, minus {@code lambda} × USD spent, the charge capped at 1 so a reward
     * stays in [-1, 1] and a costly workflow is never worse than an unreadable one, which gets -1.
     *
     * @param lambda reward charged per USD, from 0 to {@link #MAX_LAMBDA}
     */
    record Cost(double lambda) implements RewardMode {

        /** The largest charge per USD a request may ask for. */
        static final double MAX_LAMBDA = 1_000_000;

        public Cost {
            if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
                throw new IllegalArgumentException("lambda must be from 0 to " + MAX_LAMBDA + ": " + lambda);
            }
        }

        @Override
        public double unparseable() {
            return -1;
        }

        @Override
        public double ran(boolean correct, double costUsd) {
            return (correct ? 1 : 0) - Math.min(1, lambda * costUsd);
        }

        @Override
        public String id() {
            return "cost";
        }
    }
}
