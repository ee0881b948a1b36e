package dev.baton.cli;

import dev.baton.learn.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The GRPO settings, shared by {@code train} and {@code demo}. Defaults are the paper's scale. */
final class TrainingOptions {

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Option(names = "--iterations", paramLabel = "N", description = "GRPO iterations. Default: ${DEFAULT-VALUE}.")
    int iterations = DEFAULTS.iterations();

    @Option(names = "--questions", paramLabel = "N", description = "Train questions per iteration. Default: ${DEFAULT-VALUE}.")
    int questions = DEFAULTS.questions();

    @Option(names = "--rollouts", paramLabel = "N", description = "Workflows sampled per question (the GRPO group). Default: ${DEFAULT-VALUE}.")
    int rollouts = DEFAULTS.rollouts();

    @Option(names = "--lambda", paramLabel = "X",
            description = "Reward charged per USD: reward = correct - lambda * cost. Must be >= 0. Default: ${DEFAULT-VALUE}.")
    double lambda = DEFAULTS.lambda();

    @Option(names = "--learning-rate", paramLabel = "X", description = "Adam step size. Default: ${DEFAULT-VALUE}.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--epochs", paramLabel = "N", description = "Update passes per iteration. Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--draws", paramLabel = "N",
            description = "Dynamic sampling: draw up to N batches per iteration and keep, beyond the first, only questions on "
                    + "which the sampled workflows disagree about correctness. Default: ${DEFAULT-VALUE} (plain GRPO).")
    int draws = DEFAULTS.draws();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, question order, pool draws and sampling. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Write a checkpoint every N iterations. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = DEFAULTS.checkpointEvery();

    @Option(names = "--fixed-pool", description = "Offer every question the whole pool (default: a random subset of 2..n workers per question).")
    boolean fixedPool;

    @Option(names = "--shuffle-rewards", description = "Control run: shuffle rewards across the iteration's questions.")
    boolean shuffleRewards;

    @Option(names = "--routing-only", description = "Learn routing alone: one step, one round.")
    boolean routingOnly;

    @Option(names = "--max-steps", paramLabel = "N", description = "Most steps in the first round (1..5). Default: ${DEFAULT-VALUE}.")
    int maxSteps = DEFAULTS.maxSteps();

    @Option(names = "--rounds", paramLabel = "N",
            description = "Most rounds (1..5): after each, the conductor sees how far the answers agree and accepts or adds steps. Default: ${DEFAULT-VALUE}.")
    int rounds = DEFAULTS.maxRounds();

    @Option(names = "--round-steps", paramLabel = "N", description = "Most steps each round after the first may add (0..5). Default: ${DEFAULT-VALUE}.")
    int roundSteps = DEFAULTS.laterRoundSteps();

    @Option(names = "--max-calls", paramLabel = "N", description = "Cap on calls per question, all rounds together. Default: ${DEFAULT-VALUE}.")
    int maxCalls = DEFAULTS.maxTotalCalls();

    /** Returns the settings, validated. */
    TrainingConfig config() {
        TrainingConfig config = new TrainingConfig(iterations, questions, rollouts, lambda, learningRate, DEFAULTS.clip(), epochs, draws,
                !fixedPool, shuffleRewards, maxSteps, roundSteps, rounds, maxCalls, DEFAULTS.hidden(), seed, checkpointEvery);
        return routingOnly ? config.routingOnly() : config;
    }
}
