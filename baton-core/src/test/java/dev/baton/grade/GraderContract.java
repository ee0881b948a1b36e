package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Grader} promises, whatever its answer type. A grader's test extends this class and says
 * which grader it tests and which answers of its type to try:
 *
 * <pre>{@code
 * class NumberGraderTest extends GraderContract {
 *     protected Grader grader() { return Graders.forType(AnswerType.NUMBER); }
 *     protected AnswerType answerType() { return AnswerType.NUMBER; }
 *     protected List<String> answers() { return List.of("# 18", "-3", "0.5"); }
 *     protected List<List<String>> sameAnswers() { return List.of(List.of("# 18", "$18")); }
 * }
 * }</pre>
 *
 * <p>Replies come from models and recordings, so they can be anything: extraction and grading must cope with
 * any text, and agree with each other.
 */
public abstract class GraderContract {

    /** Returns the grader under test. */
    protected abstract Grader grader();

    /** Returns the answer type of the tasks the grader judges. */
    protected abstract AnswerType answerType();

    /** Returns well-formed answers of the grader's type, as a benchmark's gold gives them; no two are equivalent. */
    protected abstract List<String> answers();

    /** Returns groups of different spellings of one answer, such as {@code # 18} and {@code $18}. */
    protected abstract List<List<String>> sameAnswers();

    @Test
    void extractsFromAnyTextWithoutThrowing() {
        for (String reply : replies()) {
            assertThatCode(() -> grader().extract(reply)).as(abbreviate(reply)).doesNotThrowAnyException();
        }
    }

    @Test
    void anExtractedAnswerIsNeverBlank() {
        for (String reply : replies()) {
            grader().extract(reply).ifPresent(answer -> assertThat(answer).as(abbreviate(reply)).isNotBlank());
        }
    }

    @Test
    void gradesAnyReplyAsExtractingThenComparingWithTheGold() {
        for (String gold : answers()) {
            Task task = task(gold);
            for (String reply : replies()) {
                Optional<String> answer = grader().extract(reply);
                Outcome expected = new Outcome(answer, answer.map(a -> grader().equivalent(a, gold)).orElse(false));

                assertThat(grader().grade(reply, task)).as(abbreviate(reply)).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyAnswerIsEquivalentToItself() {
        for (String answer : allSpellings()) {
            assertThat(grader().equivalent(answer, answer)).as(answer).isTrue();
        }
    }

    @Test
    void differentSpellingsOfOneAnswerAreEquivalent() {
        for (List<String> group : sameAnswers()) {
            for (String a : group) {
                for (String b : group) {
                    assertThat(grader().equivalent(a, b)).as(a + " vs " + b).isTrue();
                }
            }
        }
    }

    @Test
    void differentAnswersAreNotEquivalent() {
        List<String> answers = answers();
        for (int i = 0; i < answers.size(); i++) {
            for (int j = 0; j < answers.size(); j++) {
                if (i != j) {
                    assertThat(grader().equivalent(answers.get(i), answers.get(j))).as(answers.get(i) + " vs " + answers.get(j)).isFalse();
                }
            }
        }
    }

    @Test
    void equivalenceIsSymmetric() {
        List<String> sample = new ArrayList<>(allSpellings());
        replies().stream().map(grader()::extract).flatMap(Optional::stream).distinct().limit(60).forEach(sample::add);
        for (String a : sample) {
            for (String b : sample) {
                assertThat(grader().equivalent(a, b)).as(abbreviate(a) + " vs " + abbreviate(b)).isEqualTo(grader().equivalent(b, a));
            }
        }
    }

    @Test
    void aReplyThatCommitsToAnAnswerInTheAskedFormsIsGradedCorrect() {
        for (String gold : answers()) {
            Task task = task(gold);
            for (String reply : List.of(
                    "Let me think step by step. 1 + 1 = 2, so... {\"reasoning\": \"short\", \"answer\": \"" + json(gold) + "\"}",
                    "Working: first 3, then 7.\n\nSo the result is \\boxed{" + gold + "}")) {
                assertThat(grader().grade(reply, task).correct()).as(reply).isTrue();
            }
        }
    }

    @Test
    void aReplyThatCommitsToNoAnswerIsGradedWrong() {
        for (String gold : answers()) {
            assertThat(grader().grade("", task(gold))).isEqualTo(Outcome.none());
            assertThat(grader().grade("  \n ", task(gold))).isEqualTo(Outcome.none());
        }
    }

    @Test
    void comparesTwoDeeplyNestedAnswersWithoutOverflowingTheStack() throws Exception {
        // Two workers' replies are compared with each other when conductors vote; both may be hostile, and
        // differ only at the bottom. A small stack (as a pool thread has) makes an unbounded recursion fail here.
        List<String[]> pairs = List.of(
                new String[] {"(1,".repeat(3_000) + "2" + ")".repeat(3_000), "(1,".repeat(3_000) + "4" + ")".repeat(3_000)},
                new String[] {"[1,".repeat(3_000) + "2" + "]".repeat(3_000), "[1,".repeat(3_000) + "4" + "]".repeat(3_000)},
                new String[] {"1\\cup(".repeat(3_000) + "2" + ")".repeat(3_000), "1\\cup(".repeat(3_000) + "4" + ")".repeat(3_000)},
                new String[] {"{".repeat(3_000) + "1" + "}".repeat(3_000), "{".repeat(3_000) + "2" + "}".repeat(3_000)});
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread small = new Thread(null, () -> {
            for (String[] pair : pairs) {
                try {
                    String a = "\\boxed{" + pair[0] + "}";
                    String b = "{\"answer\": \"" + pair[1] + "\"}";
                    Optional<String> x = grader().extract(a);
                    Optional<String> y = grader().extract(b);
                    grader().equivalent(x.orElse(pair[0]), y.orElse(pair[1]));
                    grader().equivalent(pair[1], pair[0]);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(failures).isEmpty();
    }

    @Test
    void givesTheSameVerdictsFromManyThreadsAtOnce() throws Exception {
        List<String> replies = replies().subList(0, 400);
        String gold = answers().get(0);
        List<Outcome> alone = replies.stream().map(reply -> grader().grade(reply, task(gold))).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<Outcome>>> together = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                together.add(threads.submit(() -> replies.stream().map(reply -> grader().grade(reply, task(gold))).toList()));
            }
            for (Future<List<Outcome>> outcomes : together) {
                assertThat(outcomes.get()).isEqualTo(alone);
            }
        }
    }

    private List<String> allSpellings() {
        List<String> all = new ArrayList<>(answers());
        sameAnswers().forEach(all::addAll);
        return all;
    }

    private Task task(String gold) {
        return Task.of("contract", "What is the answer?", gold, answerType());
    }

    /**
     * Returns replies a grader meets in practice and at the edges: the answers in every asked form, text
     * built at random from the pieces replies are made of (braces, boxes, JSON keys, numbers, LaTeX), deep
     * nesting and very long text.
     */
    private List<String> replies() {
        List<String> replies = new ArrayList<>();
        for (String answer : allSpellings()) {
            replies.add(answer);
            replies.add("The answer is " + answer + ".");
            replies.add("\\boxed{" + answer + "}");
            replies.add("{\"answer\": \"" + json(answer) + "\"}");
            replies.add("```json\n{\"answer\": \"" + answer); // cut off, LaTeX escapes left raw
        }
        String[] pieces = {"{", "}", "\\boxed{", "\\fbox{", "\\frac{", "\\sqrt{", "\\text{", "\\left(", "\\right)", "(", ")", "[", "]",
            "{\"answer\": ", "\"answer\":", "\"", "\\\"", "\\", "The answer is ", "Final answer: ", "answer", "**", "$", "#", "####",
            "0", "1", "18", "-", "+", "*", "/", "^", ".", ",", ":", "=", "1e308", "-0", "NaN", "Infinity", "x", "y", "\\pi", "\\infty",
            "A", "(C)", "B)", "Paris", "the", " ", "  ", "\n", "\t", "é", "\u0301", "\u00a0", "∞", "😀", "\u0000", "%", "\\%", "\\$"};
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 600; i++) {
            StringBuilder reply = new StringBuilder();
            int length = random.nextInt(40);
            for (int p = 0; p < length; p++) {
                reply.append(pieces[random.nextInt(pieces.length)]);
            }
            replies.add(reply.toString());
        }
        replies.add("{".repeat(20_000));
        replies.add("}".repeat(20_000));
        replies.add("\\boxed{".repeat(5_000) + "1" + "}".repeat(5_000));
        replies.add("\\boxed{" + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "}");
        replies.add("\\boxed{" + "\\frac{1}{".repeat(2_000) + "2" + "}".repeat(2_000) + "}");
        replies.add("\\boxed{" + "\\sqrt{".repeat(2_000) + "2" + "}".repeat(2_000) + "}");
        replies.add("\\boxed{" + "-".repeat(5_000) + "1}");
        replies.add("{\"answer\": ".repeat(5_000) + "\"1\"" + "}".repeat(5_000));
        replies.add("The answer is " + "1+".repeat(5_000) + "1.");
        replies.add("The answer is " + "9".repeat(5_000) + ".");
        replies.add("The answer is (" + "A".repeat(10_000) + ").");
        replies.add("word ".repeat(100_000) + "18");
        return replies;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
