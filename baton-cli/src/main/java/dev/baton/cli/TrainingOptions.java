package dev.baton.cli;

import dev.baton.eval.study.SweepSetting;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.offline.ContextModel;
import java.util.List;
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

    @Option(names = "--usd-per-correct", paramLabel = "USD",
            description = "The cost knob in user terms: what a correct answer is worth to you, in USD (> 0). Training then "
                    + "spends up to that much to make one more answer right (lambda = 1 / USD). Without it (or --lambda), "
                    + "train picks the setting on validation questions of the train split: the cheapest that loses no "
                    + "accuracy against the pool's best single worker.")
    Double usdPerCorrect;

    @Option(names = "--lambda", paramLabel = "X",
            description = "The same knob as --usd-per-correct, as the reward charged per USD spent: reward = correct - "
                    + "lambda * cost (>= 0; 0 = cost is free). Default: chosen on validation (the runs: 1, 10, 100, and 1 held to 3 calls).")
    Double lambda;

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

    @Option(names = "--answer-rule", paramLabel = "RULE",
            description = "How the conductor reads its workflow's answer: vote (each step's answer counts, weighted by how often "
                    + "its worker was right alone in training, less for workers often wrong alike; adding a step is safe, "
                    + "three steps vote) or last-step (the paper's: "
                    + "the last step's answer; lets a policy learn cascades). Recorded in the checkpoint. Default: vote; on a "
                    + "measured context model, without the cost knob, validation also weighs lambda 1 and 10 under last-step.")
    String answerRule;

    /**
     * Returns the sweep the default is chosen from on validation: on a measured context model it also offers the
     * {@code last-step} rule, unless the user named a rule, which then holds for every setting.
     */
    List<SweepSetting> sweep(ContextModel context) {
        return answerRule == null ? SweepSetting.forContext(context) : SweepSetting.DEFAULT;
    }

    /** Returns whether the user set the cost knob; without it the cost penalty is chosen on validation. */
    boolean costKnobGiven() {
        return lambda != null || usdPerCorrect != null;
    }

    /** Returns the cost penalty the user asked for, or the default one. */
    private double lambda() {
        if (lambda != null && usdPerCorrect != null) {
            throw new dev.baton.input.InvalidSettingException("give --usd-per-correct or --lambda, not both: they are one knob");
        }
        if (usdPerCorrect != null) {
            return 1 / dev.baton.execute.Budget.requireUsd(usdPerCorrect, "--usd-per-correct");
        }
        return lambda != null ? lambda : DEFAULTS.lambda();
    }

    /** Returns the settings, validated. */
    TrainingConfig config() {
        TrainingConfig config = new TrainingConfig(iterations, questions, rollouts, lambda(), learningRate, DEFAULTS.clip(), epochs, draws,
                !fixedPool, shuffleRewards, maxSteps, roundSteps, rounds, maxCalls, DEFAULTS.hidden(), seed, checkpointEvery,
                dev.baton.learn.conductor.AnswerRule.parse(answerRule == null ? "vote" : answerRule));
        return routingOnly ? config.routingOnly() : config;
    }
}
