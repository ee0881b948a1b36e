package dev.baton.learn.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuestionEncoder} promises. An encoder's test extends this class and returns the encoder
 * to test from {@link #encoder()}; the same instance may be returned every time.
 *
 * <p>Caching vectors by encoder id and text is sound only if these hold, and the learned conductor relies on
 * {@code encodeAll} keeping the order of its questions.
 */
public abstract class QuestionEncoderContract {

    /** Questions of the kinds benchmarks hold: short, long, LaTeX, non-ASCII, with a repeat. */
    protected static final List<String> QUESTIONS = List.of(
            "What is 12 times 7?",
            "A train travels 60 miles in 1.5 hours. What is its average speed in miles per hour?",
            "Find all $x$ such that $\\frac{x^2 - 1}{x + 1} = 3$.",
            "Combien font deux plus deux ? Réponds en français, s'il te plaît.",
            "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends "
                    .repeat(20) + "How much does she make every day at the farmers' market?",
            "What is 12 times 7?");

    /** Returns the encoder under test. */
    protected abstract QuestionEncoder encoder();

    @Test
    void hasAStableNonBlankId() {
        assertThat(encoder().id()).isNotBlank().isEqualTo(encoder().id());
    }

    @Test
    void everyVectorHasTheStatedDimensionAndFiniteNumbers() {
        assertThat(encoder().dimension()).isPositive();
        for (String question : QUESTIONS) {
            float[] vector = encoder().encode(question);
            assertThat(vector).as(question).hasSize(encoder().dimension());
            for (float x : vector) {
                assertThat(Float.isFinite(x)).as(question).isTrue();
            }
        }
        assertThat(encoder().encodeAll(QUESTIONS)).allSatisfy(vector -> assertThat(vector).hasSize(encoder().dimension()));
    }

    @Test
    void encodesTheSameTextToTheSameVector() {
        for (String question : QUESTIONS) {
            assertThat(encoder().encode(question)).as(question).containsExactly(encoder().encode(question));
        }
    }

    @Test
    void encodesABatchAsItEncodesEachTextAlone() {
        List<float[]> batch = encoder().encodeAll(QUESTIONS);

        assertThat(batch).hasSameSizeAs(QUESTIONS);
        for (int i = 0; i < QUESTIONS.size(); i++) {
            assertThat(batch.get(i)).as(QUESTIONS.get(i)).containsExactly(encoder().encode(QUESTIONS.get(i)));
        }
    }

    @Test
    void keepsTheOrderOfTheTexts() {
        List<String> reversed = QUESTIONS.reversed();

        List<float[]> forward = encoder().encodeAll(QUESTIONS);
        List<float[]> backward = encoder().encodeAll(reversed);

        for (int i = 0; i < QUESTIONS.size(); i++) {
            assertThat(backward.get(i)).as(reversed.get(i)).containsExactly(forward.get(QUESTIONS.size() - 1 - i));
        }
    }

    @Test
    void encodesAnEmptyBatchAsNothing() {
        assertThat(encoder().encodeAll(List.of())).isEmpty();
    }

    @Test
    void givesTheSameVectorsFromManyThreadsAtOnce() throws Exception {
        List<float[]> alone = QUESTIONS.stream().map(encoder()::encode).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<float[]>>> together = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean batch = t % 2 == 0;
                together.add(threads.submit(() -> batch ? encoder().encodeAll(QUESTIONS) : QUESTIONS.stream().map(encoder()::encode).toList()));
            }
            for (Future<List<float[]>> vectors : together) {
                List<float[]> got = vectors.get();
                for (int i = 0; i < QUESTIONS.size(); i++) {
                    assertThat(got.get(i)).as(QUESTIONS.get(i)).containsExactly(alone.get(i));
                }
            }
        }
    }
}
