package dev.baton.offline;

import dev.baton.grade.Grader;
import dev.baton.grade.GradingMemo;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What recorded reviews say about how each worker answers when it sees other workers' answers: the measured context
 * model. Every answer is graded with the benchmark's own grader, the worker's and its peers' solo answers included.
 *
 * <p>Each {@link Behaviour} is counted as a rate with its own occasions, so that "keeps its own wrong answer" is out
 * of the reviews where it could have, not out of all of them; see each constant for its occasion.
 *
 * @param source  the benchmark file the reviews come from
 * @param workers one fit per worker that reviewed, in order of first review
 */
public record ContextFit(String source, List<WorkerFit> workers) {

    public ContextFit {
        Objects.requireNonNull(source, "source");
        workers = List.copyOf(workers);
    }

    /** What a reviewing worker did, each counted out of the reviews that gave it the occasion. */
    public enum Behaviour {
        /** Kept its own right answer, out of reviews where it was right and some peer it saw answered otherwise. */
        KEEPS_OWN_RIGHT("keeps its own right answer"),
        /** Kept its own wrong answer, out of reviews where it was wrong and some peer it saw answered otherwise. */
        KEEPS_OWN_WRONG("keeps its own wrong answer"),
        /** Adopted the answer two or more peers agreed on (not its own), out of reviews where that answer was right. */
        ADOPTS_AGREED_RIGHT("adopts peers' agreed right answer"),
        /** Adopted the answer two or more peers agreed on (not its own), out of reviews where that answer was wrong. */
        ADOPTS_AGREED_WRONG("adopts peers' agreed wrong answer"),
        /** Peers agreeing on no other answer: adopted a right one of theirs, out of reviews where one was right. */
        ADOPTS_SPLIT_RIGHT("adopts a right answer, peers disagreeing"),
        /** Peers agreeing on no other answer: adopted a wrong one of theirs, out of reviews where one was wrong. */
        ADOPTS_SPLIT_WRONG("adopts a wrong answer, peers disagreeing"),
        /** Gave a right answer neither it nor any peer it saw gave alone, out of all its reviews. */
        NEW_RIGHT("gives a new answer, right"),
        /** Gave a wrong answer neither it nor any peer it saw gave alone, out of all its reviews. */
        NEW_WRONG("gives a new answer, wrong"),
        /** Gave no answer the grader could read, out of all its reviews. */
        NO_ANSWER("gives no answer"),
        /** Gave the right answer, out of reviews where its own answer and every peer's it saw were wrong (p_correct). */
        CORRECTS("corrects: right where it and all it saw were wrong");

        private final String label;

        Behaviour(String label) {
            this.label = label;
        }

        /** Returns the behaviour as a table names it. */
        public String label() {
            return label;
        }
    }

    /**
     * One worker's behaviour in its recorded reviews, and the two rates the replay pool draws from.
     *
     * @param worker   the reviewing worker
     * @param reviews  its reviews counted (those of tasks where it also answered alone)
     * @param counts   each behaviour's count out of its occasions, for every behaviour
     * @param follow   how often it adopted an answer two or more peers agreed on, out of those occasions (the measured
     *                 {@code p_follow})
     * @param keep     how often it kept its own answer when peers differed and agreed on no other answer (the measured
     *                 {@code p_keep}), then split by whether its own answer was right ({@code keepRight}, {@code keepWrong})
     * @param byCategory the same fit on the reviews of each question category, for tasks that carry one (each with no
     *                   categories of its own)
     */
    public record WorkerFit(String worker, int reviews, Map<Behaviour, Proportion> counts, Proportion follow, Proportion keep,
                            Proportion keepRight, Proportion keepWrong, Map<String, WorkerFit> byCategory) {
        public WorkerFit {
            Objects.requireNonNull(worker, "worker");
            counts = Map.copyOf(counts);
            byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
            if (counts.size() != Behaviour.values().length) {
                throw new IllegalArgumentException("a fit counts every behaviour: " + counts.keySet());
            }
        }

        /** Returns the rates the replay pool draws from, per category too; a rate without occasions stays unmeasured. */
        public ContextModel.Rates rates() {
            Map<String, ContextModel.Rates> in = new LinkedHashMap<>();
            byCategory.forEach((category, fit) -> in.put(category, fit.rates()));
            return new ContextModel.Rates(follow.rate(), keep.rate(), keepRight.rate(), keepWrong.rate(),
                    counts.get(Behaviour.CORRECTS).rate(), in, reviews);
        }
    }

    /**
     * Fits every worker that reviewed some question of {@code benchmark}.
     *
     * @param source the file the benchmark was read from, named in the model
     */
    public static ContextFit of(RecordedBenchmark benchmark, String source) {
        GradingMemo graders = new GradingMemo();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Task task : benchmark.tasks()) {
            Grader grader = graders.forType(task.answerType());
            for (RecordedReview review : benchmark.reviews(task.id())) {
                Optional<RecordedReply> alone = benchmark.reply(task.id(), review.worker());
                if (alone.isEmpty()) {
                    continue; // without its own answer, keeping and adopting cannot be told apart
                }
                List<String> peers = new ArrayList<>();
                review.saw().forEach(peer -> benchmark.reply(task.id(), peer).flatMap(r -> grader.extract(r.text())).ifPresent(peers::add));
                tallies.computeIfAbsent(review.worker(), Tally::new).count(new Situation(grader, task,
                        grader.extract(alone.get().text()), peers), grader.extract(review.reply().text()));
            }
        }
        return new ContextFit(source, tallies.values().stream().map(Tally::fit).toList());
    }

    /** Returns the context model these fits make: {@code assumed}'s rates where a worker's were not measured. */
    public ContextModel model(ContextModel assumed, String from) {
        Map<String, ContextModel.Rates> rates = new LinkedHashMap<>();
        workers.forEach(fit -> rates.put(fit.worker(), fit.rates()));
        return assumed.withMeasured(rates, from);
    }

    /** What a reviewer saw: its own solo answer and its peers' (those the grader could read). */
    private record Situation(Grader grader, Task task, Optional<String> own, List<String> peers) {

        boolean same(Optional<String> a, String b) {
            return a.isPresent() && grader.equivalent(a.get(), b);
        }

        boolean right(String answer) {
            return grader.equivalent(answer, task.gold());
        }

        /** Peers' answers other than its own. */
        List<String> differing() {
            return peers.stream().filter(p -> !same(own, p)).toList();
        }

        /** The answer other than its own that most peers gave, when at least two gave it. */
        Optional<String> agreed() {
            List<String> differing = differing();
            String best = null;
            long bestSupport = 1;
            for (String answer : differing) {
                long support = differing.stream().filter(other -> grader.equivalent(answer, other)).count();
                if (support > bestSupport) {
                    best = answer;
                    bestSupport = support;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** One worker's counts while the reviews are read. */
    private static final class Tally {
        private final String worker;
        private final Map<Behaviour, int[]> counts = new EnumMap<>(Behaviour.class);
        private final int[] follow = new int[2];
        private final int[] keep = new int[2];
        private final int[] keepRight = new int[2];
        private final int[] keepWrong = new int[2];
        private final Map<String, Tally> byCategory = new TreeMap<>();
        private int reviews;

        Tally(String worker) {
            this.worker = worker;
            for (Behaviour behaviour : Behaviour.values()) {
                counts.put(behaviour, new int[2]);
            }
        }

        /** Counts one review, and again under its question's category: {@code given} is what it answered having seen its peers. */
        void count(Situation seen, Optional<String> given) {
            Optional.ofNullable(seen.task().metadata().get("category"))
                    .ifPresent(category -> byCategory.computeIfAbsent(category, c -> new Tally(worker)).countOnce(seen, given));
            countOnce(seen, given);
        }

        private void countOnce(Situation seen, Optional<String> given) {
            reviews++;
            List<String> differing = seen.differing();
            boolean kept = seen.own().isPresent() && given.isPresent() && seen.same(seen.own(), given.get());
            if (seen.own().isPresent() && !differing.isEmpty()) {
                occasion(seen.right(seen.own().get()) ? Behaviour.KEEPS_OWN_RIGHT : Behaviour.KEEPS_OWN_WRONG, kept);
            }
            Optional<String> agreed = seen.agreed();
            if (agreed.isPresent()) {
                boolean adopted = seen.same(given, agreed.get());
                occasion(seen.right(agreed.get()) ? Behaviour.ADOPTS_AGREED_RIGHT : Behaviour.ADOPTS_AGREED_WRONG, adopted);
                tally(follow, adopted);
            } else if (!differing.isEmpty()) {
                boolean adoptedRight = differing.stream().anyMatch(p -> seen.right(p) && seen.same(given, p));
                boolean adoptedWrong = differing.stream().anyMatch(p -> !seen.right(p) && seen.same(given, p)) && !adoptedRight;
                if (differing.stream().anyMatch(seen::right)) {
                    occasion(Behaviour.ADOPTS_SPLIT_RIGHT, adoptedRight);
                }
                if (differing.stream().anyMatch(p -> !seen.right(p))) {
                    occasion(Behaviour.ADOPTS_SPLIT_WRONG, adoptedWrong);
                }
                if (seen.own().isPresent()) {
                    tally(keep, kept);
                    tally(seen.right(seen.own().get()) ? keepRight : keepWrong, kept);
                }
            }
            boolean fresh = given.isPresent() && !kept && seen.peers().stream().noneMatch(p -> seen.same(given, p));
            occasion(Behaviour.NEW_RIGHT, fresh && seen.right(given.get()));
            occasion(Behaviour.NEW_WRONG, fresh && !seen.right(given.get()));
            occasion(Behaviour.NO_ANSWER, given.isEmpty());
            if (seen.own().isPresent() && !seen.right(seen.own().get()) && !seen.peers().isEmpty()
                    && seen.peers().stream().noneMatch(seen::right)) {
                boolean corrected = given.isPresent() && seen.right(given.get());
                occasion(Behaviour.CORRECTS, corrected);
            }
        }

        private void occasion(Behaviour behaviour, boolean happened) {
            tally(counts.get(behaviour), happened);
        }

        private static void tally(int[] count, boolean happened) {
            count[0] += happened ? 1 : 0;
            count[1]++;
        }

        WorkerFit fit() {
            Map<Behaviour, Proportion> proportions = new EnumMap<>(Behaviour.class);
            counts.forEach((behaviour, count) -> proportions.put(behaviour, new Proportion(count[0], count[1])));
            Map<String, WorkerFit> categories = new TreeMap<>();
            byCategory.forEach((category, tally) -> categories.put(category, tally.fit()));
            return new WorkerFit(worker, reviews, proportions, proportion(follow), proportion(keep), proportion(keepRight),
                    proportion(keepWrong), categories);
        }

        private static Proportion proportion(int[] count) {
            return new Proportion(count[0], count[1]);
        }
    }

    /**
     * A count out of its occasions, with its 95% Wilson interval (sound for small counts and for rates near 0 or 1,
     * where the normal approximation is not).
     *
     * @param count     how often it happened
     * @param occasions how often it could have
     */
    public record Proportion(int count, int occasions) {

        private static final double Z = 1.959963984540054;

        public Proportion {
            if (count < 0 || count > occasions) {
                throw new IllegalArgumentException("count must be between 0 and the occasions: " + count + " of " + occasions);
            }
        }

        /** Returns count / occasions, empty without occasions. */
        public OptionalDouble rate() {
            return occasions == 0 ? OptionalDouble.empty() : OptionalDouble.of(count / (double) occasions);
        }

        /** Returns the 95% Wilson interval's lower bound; 0 without occasions. */
        public double low() {
            return occasions == 0 ? 0 : Math.max(0, centre() - halfWidth());
        }

        /** Returns the 95% Wilson interval's upper bound; 1 without occasions. */
        public double high() {
            return occasions == 0 ? 1 : Math.min(1, centre() + halfWidth());
        }

        private double centre() {
            double p = count / (double) occasions;
            return (p + Z * Z / (2 * occasions)) / (1 + Z * Z / occasions);
        }

        private double halfWidth() {
            double p = count / (double) occasions;
            return Z / (1 + Z * Z / occasions) * Math.sqrt(p * (1 - p) / occasions + Z * Z / (4.0 * occasions * occasions));
        }
    }
}
