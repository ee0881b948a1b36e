package dev.baton.wiring;

import dev.baton.grade.Grader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses whose solo answers a worker sees when it reviews a question: {@code peers} of the other workers that answered,
 * seeded by the question and the worker, so a rerun (a resumed recording) asks the same review and finds it in the cache.
 *
 * <p>A context model is fitted from two situations, and the choice covers both where the answers allow it. With two or
 * more peers, the seed picks one: peers that <em>agree</em> with each other on an answer other than the worker's own (the
 * majority it might follow), or peers that <em>disagree</em>: one that gave the worker's own answer and one that did
 * not. With one peer, the seed picks one that agrees with the worker or one that does not. Where the chosen situation
 * cannot be had, the other is tried; the rest of the places are filled at random.
 *
 * @param peers how many peers a review sees, at least 1
 */
record ReviewPeers(int peers) {

    ReviewPeers {
        if (peers < 1) {
            throw new IllegalArgumentException("a review sees at least one peer: " + peers);
        }
    }

    /**
     * Returns the peers {@code worker} sees, in the order of {@code answered}; empty when no other worker answered.
     *
     * @param answered every worker that answered the question alone, in pool order, with its reply
     * @param grader   extracts and compares the answers
     */
    List<String> choose(String taskId, String worker, Map<String, String> answered, Grader grader) {
        Map<String, Optional<String>> others = new LinkedHashMap<>();
        answered.forEach((id, reply) -> {
            if (!id.equals(worker)) {
                others.put(id, grader.extract(reply));
            }
        });
        if (others.isEmpty()) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(seed(taskId, worker));
        List<String> shuffled = new ArrayList<>(others.keySet());
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        Optional<String> own = Optional.ofNullable(answered.get(worker)).flatMap(grader::extract);
        List<String> agreeing = shuffled.stream().filter(id -> same(own, others.get(id), grader)).toList();
        List<String> differing = shuffled.stream().filter(id -> !agreeing.contains(id)).toList();
        boolean wantAgreement = random.nextBoolean();
        List<String> chosen = new ArrayList<>();
        if (peers == 1) {
            List<String> first = wantAgreement && !agreeing.isEmpty() || differing.isEmpty() ? agreeing : differing;
            chosen.add(first.getFirst());
        } else {
            List<String> majority = largestAgreeingGroup(differing, others, grader);
            boolean split = !agreeing.isEmpty() && !differing.isEmpty();
            if (majority.size() >= 2 && (wantAgreement || !split)) {
                chosen.addAll(majority.subList(0, Math.min(peers, majority.size())));
            } else if (split) {
                chosen.add(agreeing.getFirst());
                chosen.add(differing.getFirst());
            }
        }
        for (String id : shuffled) {
            if (chosen.size() < peers && !chosen.contains(id)) {
                chosen.add(id);
            }
        }
        List<String> order = List.copyOf(others.keySet());
        return chosen.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
    }

    /** Returns the workers of {@code among} that share the answer most of them share, in {@code among}'s order. */
    private static List<String> largestAgreeingGroup(List<String> among, Map<String, Optional<String>> answers, Grader grader) {
        List<String> best = List.of();
        for (String id : among) {
            List<String> group = among.stream().filter(other -> answers.get(id).isPresent()
                    && same(answers.get(id), answers.get(other), grader)).toList();
            if (group.size() > best.size()) {
                best = group;
            }
        }
        return best;
    }

    private static boolean same(Optional<String> a, Optional<String> b, Grader grader) {
        return a.isPresent() && b.isPresent() && grader.equivalent(a.get(), b.get());
    }

    /** FNV-1a over the question and the worker: stable across JVMs and runs, unlike String.hashCode mixes. */
    private static long seed(String taskId, String worker) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (taskId + "\u0000" + worker).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
