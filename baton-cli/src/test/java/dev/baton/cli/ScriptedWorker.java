package dev.baton.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How one model of a {@link ScriptedPool} answers. Alone it is right on a seeded share of the questions ({@link #accuracy});
 * when wrong it mostly gives the tempting answer ten below the gold (a dropped carry), which other workers share, so
 * wrong majorities happen. Shown other workers' answers, each kind behaves as its script says, at rates held exactly by
 * a {@link Quota} per occasion, so a fit of what it did can be checked to the rate.
 */
sealed interface ScriptedWorker permits ScriptedWorker.Solver, ScriptedWorker.Checker, ScriptedWorker.Follower {

    String id();

    /** Share of the questions it answers right alone, in either class. */
    double accuracy();

    /** Its price per million tokens, input and output alike. */
    double usdPerMillionTokens();

    /** Returns what it answers having seen {@code seen}: the answers in the earlier replies it was shown, in order. */
    long seeing(ScriptedQuestions.Question question, List<Optional<Long>> seen);

    /** Returns what it answers alone: seeded by worker and question, the same on every call. */
    default long alone(ScriptedQuestions.Question question) {
        if (unit(question.id() + ":right") < accuracy()) {
            return question.gold();
        }
        double wrong = unit(question.id() + ":wrong");
        return wrong < 0.7 ? question.gold() - 10 : question.gold() + 1 + (long) (unit(question.id() + ":off") * 8);
    }

    private double unit(String what) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (id() + "\u0000" + what).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return (hash >>> 11) / (double) (1L << 53);
    }

    /** A solver: shown others, it says what it says alone. */
    record Solver(String id, double accuracy, double usdPerMillionTokens) implements ScriptedWorker {
        @Override
        public long seeing(ScriptedQuestions.Question question, List<Optional<Long>> seen) {
            return alone(question);
        }
    }

    /**
     * A checker, weak alone, that trusts others more than itself. On questions of {@code category} it checks: it keeps
     * its own answer when that is right, confirms a right answer it sees, and when it and all it sees are wrong works
     * the answer out afresh at rate {@code fixes}. Otherwise, and on other questions, where it cannot check, it goes with
     * the first answer it saw other than its own, so there a check adds a call and nothing else.
     */
    record Checker(String id, double accuracy, double usdPerMillionTokens, String category, Quota fixes) implements ScriptedWorker {
        @Override
        public long seeing(ScriptedQuestions.Question question, List<Optional<Long>> seen) {
            long own = alone(question);
            List<Long> answers = seen.stream().flatMap(Optional::stream).toList();
            if (answers.isEmpty()) {
                return own;
            }
            long deferred = answers.stream().filter(answer -> answer != own).findFirst().orElse(own);
            if (!question.category().equals(category)) {
                return deferred;
            }
            if (own == question.gold() || answers.contains(question.gold())) {
                return question.gold();
            }
            return fixes.next() ? question.gold() : deferred;
        }
    }

    /**
     * A follower: shown two or more workers agreeing on an answer other than its own, it adopts it at rate
     * {@code followsRight} when that answer is right and {@code followsWrong} when it is wrong; otherwise it keeps its own.
     */
    record Follower(String id, double accuracy, double usdPerMillionTokens, Quota followsRight, Quota followsWrong)
            implements ScriptedWorker {
        @Override
        public long seeing(ScriptedQuestions.Question question, List<Optional<Long>> seen) {
            long own = alone(question);
            List<Long> differing = seen.stream().flatMap(Optional::stream).filter(a -> a != own).toList();
            Long agreed = null;
            long support = 1;
            for (long answer : differing) {
                long count = differing.stream().filter(other -> other == answer).count();
                if (count > support) {
                    agreed = answer;
                    support = count;
                }
            }
            if (agreed == null) {
                return own;
            }
            Quota quota = agreed == question.gold() ? followsRight : followsWrong;
            return quota.next() ? agreed : own;
        }
    }

    /**
     * Says yes on exactly {@code rate} of its occasions, spread evenly (the n-th is yes when floor(n rate) grows), so
     * the share of yes over any number of occasions is within one occasion of the rate, in whatever order they come.
     */
    final class Quota {
        private final double rate;
        private long occasions;

        Quota(double rate) {
            this.rate = rate;
        }

        double rate() {
            return rate;
        }

        synchronized boolean next() {
            occasions++;
            return Math.floor(occasions * rate) > Math.floor((occasions - 1) * rate);
        }
    }
}
