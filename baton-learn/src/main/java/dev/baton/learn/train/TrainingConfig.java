package dev.baton.learn.train;

import dev.baton.input.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides what a training run learns. Two runs with the same config, pool, encoder, roles
 * and data give the same checkpoint.
 *
 * @param iterations         GRPO iterations
 * @param questions          train questions per iteration
 * @param rollouts           workflows sampled per question (the group)
 * @param lambda             reward charged per USD spent: reward = correct - lambda * cost (0 to {@link #MAX_LAMBDA})
 * @param learningRate       Adam's step size (above 0, at most {@link #MAX_LEARNING_RATE})
 * @param clip               PPO clipping range of the policy ratio
 * @param epochs             update passes over each iteration's rollouts
 * @param draws              most batches drawn per iteration looking for questions whose workflows disagree on
 *                           correctness (dynamic sampling); 1 = learn from the first batch as drawn, the default:
 *                           dynamic sampling favours accuracy so much that the policy stops learning to escalate
 *                           only when answers disagree
 * @param randomizePools     offer each question a random subset of 2..n workers, so one policy serves any pool
 * @param shuffleRewards     control run: shuffle rewards across the iteration's questions (learning should vanish)
 * @param maxSteps           most steps of the first round (1 = routing alone)
 * @param laterRoundSteps    most steps each round after the first may add (0 = one round only)
 * @param maxRounds          most rounds, the first included (1 = never look at the result)
 * @param maxTotalCalls      cap on calls per question, all rounds together
 * @param hidden             width of the policy's hidden layers
 * @param seed               seeds initialisation, question order, pool draws and sampling
 * @param checkpointEvery    write a checkpoint every this many iterations (and at the end)
 * @param answerRule         how the conductor reads a workflow's answer: a weighted vote of its steps (default) or the
 *                           last step's
 * @throws InvalidSettingException when a setting is out of range (the settings usually come from flags)
 */
public record TrainingConfig(int iterations, int questions, int rollouts, double lambda, double learningRate, double clip,
                             int epochs, int draws, boolean randomizePools, boolean shuffleRewards, int maxSteps, int laterRoundSteps,
                             int maxRounds, int maxTotalCalls, int hidden, long seed, int checkpointEvery,
                             dev.baton.learn.conductor.AnswerRule answerRule) {

    /** The most rollouts per question: a group of more teaches no more, and the rollouts are held in memory. */
    public static final int MAX_ROLLOUTS = 1024;
    /** The most questions per iteration. */
    public static final int MAX_QUESTIONS = 4096;
    /** The most iterations a run may ask for. */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** The most reward charged per USD: a dollar then outweighs a million right answers. */
    public static final double MAX_LAMBDA = 1e6;
    /** The largest step Adam may take: larger steps diverge, whatever the data. */
    public static final double MAX_LEARNING_RATE = 1.0;

    public TrainingConfig {
        requireInRange("iterations", iterations, 1, MAX_ITERATIONS);
        requireInRange("questions", questions, 1, MAX_QUESTIONS);
        requireInRange("rollouts", rollouts, 2, MAX_ROLLOUTS);
        requireInRange("epochs", epochs, 1, 100);
        requireInRange("draws", draws, 1, 100);
        requireInRange("checkpoint-every", checkpointEvery, 1, Integer.MAX_VALUE);
        requireInRange("hidden", hidden, 1, 4096);
        java.util.Objects.requireNonNull(answerRule, "answerRule");
        // Written as !(in range) so that NaN, which compares false with everything, is refused too.
        if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
            throw new InvalidSettingException("lambda must be a number from 0 to " + (long) MAX_LAMBDA
                    + " (reward charged per USD), got " + lambda);
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new InvalidSettingException("learning rate must be a number above 0 and at most " + MAX_LEARNING_RATE
                    + ", got " + learningRate);
        }
        if (!(clip > 0 && clip < 1)) {
            throw new InvalidSettingException("clip must be a number between 0 and 1, got " + clip);
        }
        if (maxSteps < 1 || maxSteps > 5 || laterRoundSteps < 0 || laterRoundSteps > 5 || maxRounds < 1
                || maxRounds > MAX_ROUNDS || maxTotalCalls < 1 || maxTotalCalls > 64) {
            throw new InvalidSettingException("max steps must be 1..5, later-round steps 0..5, rounds 1.."
                    + MAX_ROUNDS + ", max calls 1..64");
        }
    }

    private static void requireInRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(name + " must be " + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
                    + ", got " + value);
        }
    }

    /** The most rounds a learned conductor may run: the evaluation's safety cap. */
    public static final int MAX_ROUNDS = dev.baton.conduct.Orchestrator.DEFAULT_MAX_ROUNDS;

    /**
     * Names each setting, other than the number of iterations, in which {@code checkpoint} (the settings a checkpoint
     * was trained with) differs from this config, as {@code "lambda 10 there, 1 here"}: what a user must change to
     * resume it.
     */
    public List<String> differencesFrom(TrainingConfig checkpoint) {
        List<String> differences = new ArrayList<>();
        java.util.Map<String, String> there = checkpoint.settings();
        settings().forEach((name, here) -> {
            if (!name.equals("iterations") && !there.get(name).equals(here)) {
                differences.add(name + " " + there.get(name) + " there, " + here + " here");
            }
        });
        return differences;
    }

    /**
     * Returns every setting in declaration order, named in lower case with dashes ({@code learning-rate}) and written as
     * a user would type it ({@code 10}, not {@code 10.0}): the config for a person to read.
     */
    public java.util.SequencedMap<String, String> settings() {
        java.util.SequencedMap<String, String> settings = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent component : TrainingConfig.class.getRecordComponents()) {
            settings.put(component.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT),
                    plain(value(component, this)));
        }
        return java.util.Collections.unmodifiableSequencedMap(settings);
    }

    private static Object value(java.lang.reflect.RecordComponent component, TrainingConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is public", e);
        }
    }

    /** Writes 10.0 as 10 and 0.0010 as 0.001, as a user would type them. */
    private static String plain(Object value) {
        return value instanceof Double d ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : value.toString();
    }

    /** The paper's scale: 200 iterations of 4 questions x 64 rollouts; up to 4 rounds and 8 calls. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(200, 4, 64, 10.0, 0.001, 0.2, 2, 1, true, false, 5, 2, 4, 8, 64, 0, 20,
                dev.baton.learn.conductor.AnswerRule.WEIGHTED_VOTE);
    }

    public TrainingConfig withIterations(int value) {
        return copy(b -> b.iterations = value);
    }

    public TrainingConfig withLambda(double value) {
        return copy(b -> b.lambda = value);
    }

    public TrainingConfig withDraws(int value) {
        return copy(b -> b.draws = value);
    }

    public TrainingConfig withSeed(long value) {
        return copy(b -> b.seed = value);
    }

    public TrainingConfig withShuffledRewards(boolean value) {
        return copy(b -> b.shuffleRewards = value);
    }

    public TrainingConfig withRandomizedPools(boolean value) {
        return copy(b -> b.randomizePools = value);
    }

    public TrainingConfig withAnswerRule(dev.baton.learn.conductor.AnswerRule value) {
        return copy(b -> b.answerRule = value);
    }

    public TrainingConfig withCheckpointEvery(int value) {
        return copy(b -> b.checkpointEvery = value);
    }

    /**
     * Returns the config with at most {@code calls} calls a question, all rounds together (and no more first-round steps
     * than that).
     */
    public TrainingConfig withMaxCalls(int calls) {
        return copy(b -> {
            b.maxTotalCalls = calls;
            b.maxSteps = Math.min(b.maxSteps, calls);
        });
    }

    /** Returns the config for routing alone: one step, one round. */
    public TrainingConfig routingOnly() {
        return copy(b -> {
            b.maxSteps = 1;
            b.laterRoundSteps = 0;
            b.maxRounds = 1;
            b.maxTotalCalls = 1;
        });
    }

    /** Returns the config with a different group size and batch, for quick runs. */
    public TrainingConfig withBatch(int questionsPerIteration, int rolloutsPerQuestion) {
        return copy(b -> {
            b.questions = questionsPerIteration;
            b.rollouts = rolloutsPerQuestion;
        });
    }

    /** Derives a changed copy: one place lists every component, so the withers above cannot drift apart. */
    private TrainingConfig copy(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new TrainingConfig(d.iterations, d.questions, d.rollouts, d.lambda, d.learningRate, d.clip, d.epochs, d.draws,
                d.randomizePools, d.shuffleRewards, d.maxSteps, d.laterRoundSteps, d.maxRounds, d.maxTotalCalls, d.hidden, d.seed,
                d.checkpointEvery, d.answerRule);
    }

    /** The components of a config being derived; validated when the new record is built. */
    private static final class Draft {
        int iterations;
        int questions;
        int rollouts;
        double lambda;
        double learningRate;
        double clip;
        int epochs;
        int draws;
        boolean randomizePools;
        boolean shuffleRewards;
        int maxSteps;
        int laterRoundSteps;
        int maxRounds;
        int maxTotalCalls;
        int hidden;
        long seed;
        int checkpointEvery;
        dev.baton.learn.conductor.AnswerRule answerRule;

        Draft(TrainingConfig c) {
            iterations = c.iterations;
            questions = c.questions;
            rollouts = c.rollouts;
            lambda = c.lambda;
            learningRate = c.learningRate;
            clip = c.clip;
            epochs = c.epochs;
            draws = c.draws;
            randomizePools = c.randomizePools;
            shuffleRewards = c.shuffleRewards;
            maxSteps = c.maxSteps;
            laterRoundSteps = c.laterRoundSteps;
            maxRounds = c.maxRounds;
            maxTotalCalls = c.maxTotalCalls;
            hidden = c.hidden;
            seed = c.seed;
            checkpointEvery = c.checkpointEvery;
            answerRule = c.answerRule;
        }
    }
}
