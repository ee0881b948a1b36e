package dev.baton.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.grade.Grader;
import dev.baton.grade.Graders;
import dev.baton.task.AnswerType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewPeersTest {

    private static final Grader NUMBERS = Graders.forType(AnswerType.NUMBER);

    /** a and b answer 42, c and d answer 7, e answers 9. */
    private static final Map<String, String> ANSWERED = answers("a", "42", "b", "42", "c", "7", "d", "7", "e", "9");

    @Test
    void theSameQuestionAndWorkerAlwaysGetTheSamePeers() {
        ReviewPeers two = new ReviewPeers(2);

        for (int q = 0; q < 20; q++) {
            assertThat(two.choose("q" + q, "a", ANSWERED, NUMBERS)).isEqualTo(two.choose("q" + q, "a", ANSWERED, NUMBERS));
        }
    }

    @Test
    void overManyQuestionsAWorkerSeesBothAMajorityAgainstItAndASplit() {
        ReviewPeers two = new ReviewPeers(2);
        Set<List<String>> seen = new HashSet<>();

        IntStream.range(0, 40).forEach(q -> seen.add(two.choose("q" + q, "a", ANSWERED, NUMBERS)));

        // c and d agree with each other against a's 42; b agrees with a, and one of c, d, e does not.
        assertThat(seen).contains(List.of("c", "d"));
        assertThat(seen).anySatisfy(peers -> assertThat(peers).hasSize(2).contains("b").containsAnyOf("c", "d", "e"));
        assertThat(seen).allSatisfy(peers -> assertThat(peers).hasSize(2).doesNotContain("a"));
    }

    @Test
    void oneSeenPeerIsSometimesOneThatAgreesAndSometimesOneThatDoesNot() {
        ReviewPeers one = new ReviewPeers(1);
        Set<String> seen = new HashSet<>();

        IntStream.range(0, 40).forEach(q -> seen.addAll(one.choose("q" + q, "e", answers("e", "9", "f", "9", "g", "3"), NUMBERS)));

        assertThat(seen).containsExactlyInAnyOrder("f", "g");
    }

    @Test
    void fewerAnsweredPeersThanAskedAreAllSeenAndNoneIsNoReview() {
        ReviewPeers three = new ReviewPeers(3);

        assertThat(three.choose("q1", "a", answers("a", "1", "b", "2"), NUMBERS)).containsExactly("b");
        assertThat(three.choose("q1", "a", answers("a", "1"), NUMBERS)).isEmpty();
    }

    @Test
    void peersAreListedInThePoolsOrder() {
        List<String> peers = new ReviewPeers(4).choose("q1", "c", ANSWERED, NUMBERS);

        assertThat(peers).containsExactly("a", "b", "d", "e");
    }

    private static Map<String, String> answers(String... workerThenAnswer) {
        Map<String, String> answered = new LinkedHashMap<>();
        for (int i = 0; i < workerThenAnswer.length; i += 2) {
            answered.put(workerThenAnswer[i], "The answer is " + workerThenAnswer[i + 1] + ".");
        }
        return answered;
    }
}
